import type { Html } from 'mdast';
import type { ParseState } from '../parse-state.ts';

/** Raw HTML belongs to the clause before it; an HTML comment alone (a drafting note) is not text. */
export function html(state: ParseState, node: Html): void {
  if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
  state.continueOrStart(node);
}
