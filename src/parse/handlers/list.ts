import type { List, Paragraph, RootContent } from 'mdast';
import { slugForNumber } from '../clause-number.ts';
import { depthUnder, type ClauseFields, type Draft, type ParseState } from '../parse-state.ts';
import { rootLevels } from '../sub-labels.ts';
import { hasLabel, labelled } from './labelled.ts';

/**
 * A list. When every item starts with a number or label (`- (a) …`), each item is read like a
 * paragraph; an ordered list without such labels numbers its items by place
 * ({@link listItems}); a bullet list belongs to the clause before it.
 */
export function list(state: ParseState, node: List): void {
  const items = node.children;
  const allLabelled = items.length > 0 && items.every((item) => item.children[0]?.type === 'paragraph' && hasLabel(item.children[0]));
  if (allLabelled) {
    for (const item of items) state.current = labelled(state, item, item.children[0] as Paragraph, item.children as RootContent[]);
  } else if (node.ordered) {
    const current = state.current?.fields;
    const under = current && current.kind !== 'heading' && current.number ? current : state.heading();
    state.current = listItems(state, node, under) ?? state.current;
  } else {
    state.continueOrStart(node);
  }
}

/**
 * An ordered list (`1.`) whose items carry no number of their own: each item is a clause
 * numbered by its place under the numbered clause or heading before it (the second item is
 * `3.2` under `3`, `A.2` under `A.`, `2.3(a)(2)` under `2.3(a)`; with nothing numbered above
 * it, it is unnumbered and anchored `<parent>-2`). Nested ordered lists nest further; other
 * blocks in an item (paragraphs, bullet lists) belong to it.
 */
function listItems(state: ParseState, node: List, under: ClauseFields | undefined): Draft | undefined {
  let last: Draft | undefined;
  node.children.forEach((item, index) => {
    const n = (node.start ?? 1) + index;
    const number = under?.number ? (under.number.endsWith(')') ? `${under.number}(${n})` : `${under.number}.${n}`) : null;
    const fields = state.fields(item, {
      slug: number ? slugForNumber(number) : `${under ? `${under.slug}-` : ''}${n}`,
      kind: 'clause',
      number,
      label: `${n}.`,
      parent: under?.slug ?? null,
      depth: depthUnder(under),
    });
    state.register(fields, number);
    const blocks = item.children.filter((child) => !(child.type === 'list' && child.ordered)) as RootContent[];
    last = state.push({ fields, blocks });
    state.subs = rootLevels(fields);
    for (const child of item.children) if (child.type === 'list' && child.ordered) listItems(state, child, fields);
  });
  return last;
}
