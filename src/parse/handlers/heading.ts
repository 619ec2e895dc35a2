import type { Heading } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { readHeadingNumber, slugForNumber, slugForText } from '../clause-number.ts';
import { collapse } from '../whitespace.ts';
import type { ParseState } from '../parse-state.ts';
import { numberInSection } from '../section-number.ts';
import { stripLabel } from '../strip-label.ts';

/**
 * A heading closes the headings of its rank and below and opens a section: numbered
 * (`## 3 Migration`, `## A. Definitions`) it is anchored by its number, read in the context of
 * the numbered section it is in (see section-number.ts), else by its title.
 */
export function heading(state: ParseState, node: Heading): void {
  state.current = undefined;
  state.subs = [];
  while (state.headings.length > 0 && (state.headings.at(-1)?.fields.rank ?? 0) >= node.depth) state.headings.pop();
  const parent = state.heading();
  const text = mdastText(node);
  const numbered = readHeadingNumber(text);
  if (numbered) stripLabel(node, numbered.length);
  const section = state.headings.findLast((h) => h.fields.number)?.fields.number;
  const number = numbered ? numberInSection(numbered.number, section) : undefined;
  const fields = state.fields(node, {
    slug: number ? slugForNumber(number.normalized) : slugForText(text),
    kind: 'heading',
    rank: node.depth,
    number: number ? number.normalized : null,
    label: number ? number.raw : null,
    parent: parent?.slug ?? null,
    depth: state.headings.length,
  });
  state.register(fields, fields.number);
  if (number) state.checkOrder(number, fields.start);
  // The title is kept now (not after rendering) so clauses under the heading get it in their path.
  const title = collapse(mdastText(node));
  state.headings.push(state.push({ fields, blocks: [{ type: 'paragraph', children: node.children }], title, written: collapse(text) }));
}
