/**
 * Sub-paragraph labels (`(a)`, `(ii)`, `(3)`) and the levels they open. A label alone does not
 * say its level: `(i)` after `(h)` is the ninth letter, after `(a)` the first numeral. The open
 * levels, outermost first, decide: the first level holds the numbered clause or paragraph the
 * labels hang from, each further level one label and its style.
 *
 * Worked example: `2.1 Lead:` `(a) first, where:` `(i) one;` `(ii) two;` `(b) second.` opens
 * [2.1] → [2.1, (a)] → [2.1, (a), (i)] → (ii) continues (i): [2.1, (a), (ii)] → (b) continues
 * (a): [2.1, (b)].
 */
import type { ClauseNumber, LabelStyle } from './clause-number.ts';
import { labelStyle, nextLabel } from './clause-number.ts';
import type { ClauseFields } from './parse-state.ts';

/** One open level of sub-paragraphs. */
export interface SubLevel {
  clause: ClauseFields;
  /** Style of the label at this level; the root (a numbered clause or paragraph) has none. */
  style: LabelStyle | null;
  label: string;
}

/** The levels a root clause opens: the clause alone. */
export function rootLevels(clause: ClauseFields): SubLevel[] {
  return [{ clause, style: null, label: '' }];
}

/**
 * The levels open after a numbered clause. A number written in full (`X2.4(b)`) opens the same
 * levels as `X2.4` then `(b)` would, each held by the clause of that number if there is one.
 */
export function levelsForNumber(number: ClauseNumber, clause: ClauseFields, byNumber: ReadonlyMap<string, ClauseFields>): SubLevel[] {
  const levels = rootLevels(byNumber.get(number.base) ?? clause);
  number.subs.forEach((sub, i) => {
    const upTo =
      number.base +
      number.subs
        .slice(0, i + 1)
        .map((s) => `(${s})`)
        .join('');
    levels.push({ clause: byNumber.get(upTo) ?? clause, style: labelStyle(sub), label: sub });
  });
  return levels;
}

/**
 * The levels open after a sub-paragraph `label` placed under `level` (see {@link placeSub}):
 * the levels down to it, then the new one. With nothing open, `parent` becomes the root.
 */
export function levelsAfterSub(levels: readonly SubLevel[], level: SubLevel | undefined, next: SubLevel, parent: ClauseFields | undefined): SubLevel[] {
  const keep = level ? levels.indexOf(level) + 1 : levels.length;
  const result = [...levels.slice(0, keep), next];
  if (result.length === 1) result.unshift({ clause: parent ?? next.clause, style: null, label: '' });
  return result;
}

/** Finds where a sub-paragraph label sits among the open levels: a sibling of the level it continues, or a child of the innermost. */
export function placeSub(levels: readonly SubLevel[], label: string): { level: SubLevel | undefined; style: LabelStyle } {
  const styles = candidateStyles(label);
  // The exact successor of an open level wins: "(i)" after "(h)" is a letter, after "(a)" a numeral.
  for (let k = levels.length - 1; k >= 1; k--) {
    const level = levels[k] as SubLevel;
    if (level.style && styles.includes(level.style) && nextLabel(level.label, level.style) === label) {
      return { level: levels[k - 1], style: level.style };
    }
  }
  const top = levels.at(-1);
  const first = firstOfNewStyle(levels, label);
  if (first) return { level: top, style: first };
  for (let k = levels.length - 1; k >= 1; k--) {
    const level = levels[k] as SubLevel;
    if (level.style && styles.includes(level.style)) return { level: levels[k - 1], style: level.style };
  }
  return { level: top, style: labelStyle(label) };
}

const FIRSTS: ReadonlyArray<[string, LabelStyle]> = [
  ['a', 'alpha'],
  ['i', 'roman'],
  ['1', 'digit'],
  ['A', 'upper'],
];

/** The style `label` opens when it is the first label of a style not open yet (`(a)`, `(i)`, `(1)`, `(A)`). */
function firstOfNewStyle(levels: readonly SubLevel[], label: string): LabelStyle | undefined {
  const topStyle = levels.at(-1)?.style;
  for (const [first, style] of FIRSTS) {
    if (label === first && style !== topStyle && levels.every((l) => l.style !== style)) return style;
  }
  return undefined;
}

function candidateStyles(label: string): LabelStyle[] {
  const style = labelStyle(label);
  return style === 'roman' && label.length === 1 ? ['roman', 'alpha'] : style === 'roman' ? ['roman'] : [style];
}
