import type { Blockquote, Paragraph, RootContent } from 'mdast';
import type { ParseState } from '../parse-state.ts';

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/;

/**
 * A block quote. A GitHub alert (`> [!NOTE]`) is a paragraph of its own, labelled by its type,
 * and stands alone: what follows it does not belong to it. Any other quote belongs to the
 * clause before it.
 */
export function blockquote(state: ParseState, node: Blockquote): void {
  const alert = alertOf(node);
  if (!alert) {
    state.continueOrStart(node);
    return;
  }
  const draft = state.paragraph(node, alert.blocks, alert.label);
  draft.alert = alert.type;
  state.subs = [];
  state.current = undefined;
}

/** A GitHub alert block (`> [!NOTE]`): its type, the label to show and its blocks without the marker. */
function alertOf(quote: Blockquote): { type: string; label: string; blocks: RootContent[] } | undefined {
  const first = quote.children[0];
  const head = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (head?.type !== 'text') return undefined;
  const match = ALERT.exec(head.value);
  if (!match) return undefined;
  const type = (match[1] as string).toLowerCase();
  const rest = head.value.slice(match[0].length);
  const paragraph = first as Paragraph;
  const children = [...(rest ? [{ ...head, value: rest }] : []), ...paragraph.children.slice(1)];
  // A soft break right after the marker leaves nothing worth keeping in the first paragraph.
  const blocks = [...(children.length > 0 ? [{ ...paragraph, children }] : []), ...quote.children.slice(1)] as RootContent[];
  return { type, label: type.charAt(0).toUpperCase() + type.slice(1), blocks };
}
