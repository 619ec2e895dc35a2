import type { Paragraph } from 'mdast';
import type { ParseState } from '../parse-state.ts';
import { labelled } from './labelled.ts';

/** A paragraph: a numbered clause, a sub-paragraph or an unnumbered paragraph (see labelled.ts). */
export function paragraph(state: ParseState, node: Paragraph): void {
  state.current = labelled(state, node, node, [node]);
}
