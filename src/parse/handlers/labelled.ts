import type { Paragraph, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { looksLikeUnreadableNumber, parentNumber, readClauseNumber, readSubLabel, slugForNumber, type LabelMatch } from '../clause-number.ts';
import { depthUnder, type Draft, type ParseState } from '../parse-state.ts';
import { stripLabel } from '../strip-label.ts';
import { levelsAfterSub, levelsForNumber, placeSub, rootLevels } from '../sub-labels.ts';

/**
 * A paragraph (or list item, whose first paragraph is `first`) that may start with a clause
 * number (`2.3`), a sub-paragraph label (`(a)`), or neither (an unnumbered paragraph).
 */
export function labelled(state: ParseState, node: Node, first: Paragraph, blocks: RootContent[]): Draft {
  const text = mdastText(first);
  const numbered = readClauseNumber(text);
  if (numbered) return numberedClause(state, node, first, blocks, numbered);
  const sub = readSubLabel(text);
  if (sub) return subParagraph(state, node, first, blocks, sub);
  const unreadable = looksLikeUnreadableNumber(text);
  if (unreadable) {
    state.problem(
      state.point(node.position?.start),
      'warning',
      `cannot read clause number "${unreadable}"`,
      'it is kept as an unnumbered paragraph: write numbers as 2.3, 2.3A, 2.3(a) or H14.36A if it is meant as a clause',
    );
  }
  const draft = state.paragraph(node, blocks);
  state.subs = rootLevels(draft.fields);
  return draft;
}

/** Whether a paragraph starts with a clause number or a sub-paragraph label. */
export function hasLabel(paragraph: Paragraph): boolean {
  const text = mdastText(paragraph);
  return Boolean(readClauseNumber(text) ?? readSubLabel(text));
}

/** `2.3 …`: a clause under the clause one number up (`2`), else under the heading. */
function numberedClause(state: ParseState, node: Node, first: Paragraph, blocks: RootContent[], numbered: LabelMatch): Draft {
  stripLabel(first, numbered.length);
  const { number } = numbered;
  const parentKey = parentNumber(number);
  const parent = (parentKey ? state.byNumber.get(parentKey) : undefined) ?? state.heading();
  const fields = state.fields(node, {
    slug: slugForNumber(number.normalized),
    kind: 'clause',
    number: number.normalized,
    label: number.raw,
    parent: parent?.slug ?? null,
    depth: depthUnder(parent),
  });
  state.register(fields, number.normalized);
  state.checkOrder(number, fields.start);
  state.subs = levelsForNumber(number, fields, state.byNumber);
  return state.push({ fields, blocks });
}

/** `(a) …`: a sub-paragraph, placed among the open levels (see sub-labels.ts). */
function subParagraph(state: ParseState, node: Node, first: Paragraph, blocks: RootContent[], sub: { label: string; length: number }): Draft {
  stripLabel(first, sub.length);
  const { level, style } = placeSub(state.subs, sub.label);
  const parent = level?.clause ?? state.current?.fields ?? state.heading();
  const number = parent?.number ? `${parent.number}(${sub.label})` : null;
  const fields = state.fields(node, {
    slug: `${parent ? `${parent.slug}-` : ''}${sub.label.toLowerCase()}`,
    kind: 'clause',
    number,
    label: `(${sub.label})`,
    parent: parent?.slug ?? null,
    depth: depthUnder(parent),
  });
  state.register(fields, number);
  state.subs = levelsAfterSub(state.subs, level, { clause: fields, style, label: sub.label }, parent);
  return state.push({ fields, blocks });
}
