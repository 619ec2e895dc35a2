import type { Clause } from '#model/clause.ts';
import { contentAgrees } from './sections.ts';
import { bagSize, COMMON_SHINGLE, containedShare, sideDice, weightedDiceReaches } from './similarity.ts';
import { compatible, crossLevel, family, keepsParent, pair, parentConflict, sameParent, type Side } from './side.ts';

/** A possible pair: old clause i, new clause j, and how alike they are. */
export interface Candidate {
  i: number;
  j: number;
  score: number;
}

/** Least rarity-weighted similarity for a clause kept at its number to be the same clause edited. */
const EDITED_IN_PLACE = 0.85;
/** How many clauses, sharing the most shingles with a clause, are scored as its possible match. */
const MAX_SCORED = 16;
/** Least similarity for two clauses at the same place between clauses already paired. */
const IN_PLACE = 0.5;
/** Bonus when a pair keeps its number, sits in place, or keeps its parent: breaks ties between equal texts. */
const SAME_NUMBER_BONUS = 0.1;
const CONTEXT_BONUS = 0.05;
/** Sitting at the same place is a weaker sign than keeping a number or a parent. */
const IN_PLACE_BONUS = 0.02;

/**
 * Same number, same text, under the same parent (parents come first, so are settled by then):
 * the same words under a number that now belongs to another parent are someone else's.
 */
export function pairSameNumberSameText(a: Side, b: Side): void {
  b.clauses.forEach((clause, j) => {
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || !a.isFree(i)) return;
    const old = a.clause(i);
    if (compatible(old, clause) && old.text === clause.text && sameParent(a, b, i, j) && contentAgrees(a, b, i, j)) pair(a, b, i, j);
  });
}

/**
 * Same number, nearly the same words, under the same parent: a clause edited in place, the
 * commonest change of all, settled before the costlier search for moves.
 */
export function pairEditedInPlace(a: Side, b: Side, weights: Float64Array): void {
  b.clauses.forEach((clause, j) => {
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || !a.isFree(i) || !b.isFree(j) || !compatible(a.clause(i), clause)) return;
    if (!sameParent(a, b, i, j) || !contentAgrees(a, b, i, j)) return;
    if (weightedDiceReaches(a, i, b, j, weights, EDITED_IN_PLACE) || extendedInPlace(a, i, b, j)) pair(a, b, i, j);
  });
}

/** Least words the old text must have for containment alone to keep a clause's identity. */
const EXTENDED_MIN_WORDS = 8;
/** Share of the old text's words the new must still contain. */
const EXTENDED_CONTAINED = 0.8;

/** How much longer the new text must be for growth alone to explain the low similarity. */
const EXTENDED_GROWTH = 1.5;

/**
 * A clause kept at its number whose text grew by half again or more (sentences added): when
 * most of the old text is still there, it is the same clause extended, however much the
 * similarity of the whole fell. Similar clauses of the same length are left to the
 * similarity tests, which tell boilerplate apart.
 */
function extendedInPlace(a: Side, i: number, b: Side, j: number): boolean {
  const old = bagSize(a.bag(i));
  if (old < EXTENDED_MIN_WORDS || bagSize(b.bag(j)) < EXTENDED_GROWTH * old) return false;
  return containedShare(a.bag(i), old, b.bag(j)) >= EXTENDED_CONTAINED;
}

/** Same text, unique on both sides, under another number; then across heading and clause (a section that became a clause). */
export function pairMovedTexts(a: Side, b: Side): void {
  pairUniqueTexts(a, b, (c) => `${family(c.kind)}\u0000${c.text}`);
  pairUniqueTexts(a, b, (c) => (c.kind === 'heading' || family(c.kind) === 'clause' ? c.text.toLowerCase() : ''));
}

function pairUniqueTexts(a: Side, b: Side, key: (c: Clause) => string): void {
  const olds = groupUnmatched(a, key);
  const news = groupUnmatched(b, key);
  for (const [text, js] of news) {
    const is = olds.get(text);
    const [i] = is ?? [];
    const [j] = js;
    if (is?.length !== 1 || js.length !== 1 || text.length <= 3 || i === undefined || j === undefined) continue;
    const sameKind = compatible(a.clause(i), b.clause(j)) && contentAgrees(a, b, i, j);
    if (sameKind || crossLevel(a.clause(i), b.clause(j))) pair(a, b, i, j);
  }
}

function groupUnmatched(side: Side, key: (c: Clause) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  side.clauses.forEach((clause, index) => {
    if (!side.isFree(index)) return;
    const k = key(clause);
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}

/** Unmatched old clauses by the shingles of their words. */
function shingleIndex(a: Side): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  a.clauses.forEach((_, i) => {
    if (!a.isFree(i)) return;
    for (const shingle of a.shingles(i)) {
      const list = postings.get(shingle);
      if (list) list.push(i);
      else postings.set(shingle, [i]);
    }
  });
  return postings;
}

/**
 * Pairs of unmatched clauses, under different numbers, sharing uncommon shingles and similar
 * enough: the text must really match, with rare words weighing more, since nothing else (number
 * or place) says they are the same clause.
 */
export function shingleCandidates(a: Side, b: Side, otherNumber: number, weights: Float64Array): Candidate[] {
  const postings = shingleIndex(a);
  const candidates: Candidate[] = [];
  b.clauses.forEach((clause, j) => {
    if (!b.isFree(j)) return;
    const shared = new Map<number, number>();
    for (const shingle of b.shingles(j)) {
      const list = postings.get(shingle);
      if (!list || list.length > COMMON_SHINGLE) continue;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // Only the clauses sharing the most shingles are scored: a clause that is the same text
    // renumbered shares most of its shingles, and scoring every clause that shares one would
    // cost the square of the number of clauses on repetitive text.
    const best = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_SCORED);
    for (const [i] of best) {
      const old = a.clause(i);
      if (old.slug === clause.slug || !compatible(old, clause) || !contentAgrees(a, b, i, j)) continue;
      if (!weightedDiceReaches(a, i, b, j, weights, otherNumber)) continue;
      candidates.push({ i, j, score: sideDice(a, i, b, j) });
    }
  });
  return candidates;
}

/**
 * The candidates of one round of settling: same number (headings and tables that keep their
 * number keep their identity even when retitled), shared shingles, and same place between
 * pairs already made, each with bonuses for context, the best score per pair.
 */
export function roundCandidates(a: Side, b: Side, similar: readonly Candidate[], sameNumber: number): Candidate[] {
  const best = new Map<number, Map<number, number>>();
  const add = (i: number, j: number, score: number) => {
    if (!a.isFree(i) || !b.isFree(j)) return;
    let row = best.get(i);
    if (!row) {
      row = new Map();
      best.set(i, row);
    }
    const withContext = score + (keepsParent(a, b, i, j) ? CONTEXT_BONUS : parentConflict(a, b, i, j) ? -CONTEXT_BONUS : 0);
    if ((row.get(j) ?? -1) < withContext) row.set(j, withContext);
  };
  sameNumberCandidates(a, b, sameNumber, add);
  for (const { i, j, score } of similar) add(i, j, score);
  for (const [i, j] of inPlacePairs(a, b)) {
    const score = sideDice(a, i, b, j);
    if (score >= IN_PLACE) add(i, j, score + IN_PLACE_BONUS);
  }
  const candidates: Candidate[] = [];
  for (const [i, row] of best) for (const [j, score] of row) candidates.push({ i, j, score });
  return candidates;
}

function sameNumberCandidates(a: Side, b: Side, sameNumber: number, add: (i: number, j: number, score: number) => void): void {
  b.clauses.forEach((clause, j) => {
    if (!b.isFree(j)) return;
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || !a.isFree(i) || !compatible(a.clause(i), clause) || !contentAgrees(a, b, i, j)) return;
    const score = sideDice(a, i, b, j);
    // A number shared by clauses whose parents went different ways is a coincidence, not a sign.
    const bonus = parentConflict(a, b, i, j) ? 0 : SAME_NUMBER_BONUS;
    if (score >= sameNumber || clause.kind === 'heading' || clause.kind === 'table') add(i, j, score + bonus);
  });
}

/**
 * Unmatched clauses at the same place: between two consecutive pairs that keep their order,
 * the k-th unmatched old clause against the k-th unmatched new one (and its neighbours),
 * counted from either end of the gap.
 */
function inPlacePairs(a: Side, b: Side): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let prevI = -1;
  let prevJ = -1;
  const end: [number, number] = [a.size, b.size];
  for (const [i2, j2] of [...orderedPairs(b.matches()), end]) {
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = prevI + 1; i < i2; i++) if (a.isFree(i)) olds.push(i);
    for (let j = prevJ + 1; j < j2; j++) if (b.isFree(j)) news.push(j);
    if (olds.length > 0 && news.length > 0) out.push(...gapPairs(a, b, olds, news));
    prevI = i2;
    prevJ = j2;
  }
  return out;
}

/** Within one gap: each old clause against the new ones at its place counted from either end. */
function gapPairs(a: Side, b: Side, olds: readonly number[], news: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const tail = news.length - olds.length;
  olds.forEach((i, k) => {
    for (const place of new Set([k - 1, k, k + 1, k + tail - 1, k + tail, k + tail + 1])) {
      const j = news[place];
      if (j !== undefined && compatible(a.clause(i), b.clause(j)) && contentAgrees(a, b, i, j)) out.push([i, j]);
    }
  });
  return out;
}

/** The longest run of pairs in the same order in both versions (patience-style LIS, n log n). */
function orderedPairs(newMatch: readonly number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  newMatch.forEach((i, j) => {
    if (i !== -1) pairs.push([i, j]);
  });
  const oldOf = (k: number | undefined) => (k === undefined ? -1 : (pairs[k]?.[0] ?? -1));
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldOf(tails[mid]) < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  });
  const out: Array<[number, number]> = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = previous[k] ?? -1) {
    const found = pairs[k];
    if (found) out.push(found);
  }
  return out.reverse();
}
