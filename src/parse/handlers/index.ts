import type { RootContent } from 'mdast';
import type { ParseState } from '../parse-state.ts';
import { blockquote } from './alert.ts';
import { heading } from './heading.ts';
import { html } from './html.ts';
import { list } from './list.ts';
import { paragraph } from './paragraph.ts';
import { table } from './table.ts';

/** Reads one top-level Markdown block into the parse state. */
export type Handler<T extends RootContent = RootContent> = (state: ParseState, node: T) => void;

type Handlers = { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> };

/** One handler per block kind; a kind not listed belongs to the clause before it ({@link unknownBlock}). */
export const handlers: Handlers = {
  heading,
  paragraph,
  list,
  blockquote,
  table,
  html,
  // Link reference definitions are not text: they are rendered with every clause instead.
  definition: () => {},
};

/** Any other block (code, a thematic break…) continues the clause before it. */
export function unknownBlock(state: ParseState, node: RootContent): void {
  state.continueOrStart(node);
}
