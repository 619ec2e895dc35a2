import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { collapse } from './whitespace.ts';

/** A table row's or header's text: its cells' text joined by " | ". */
export function cellsText(cells: readonly ElementContent[]): string {
  return cells
    .filter((c): c is Element => c.type === 'element')
    .map((cell) => collapse(toText(cell)))
    .join(' | ');
}

/** The plain text of content: its text with white space collapsed. */
export function contentText(content: readonly ElementContent[]): string {
  return collapse(toText({ type: 'root', children: [...content] }));
}
