import { type Bag, bagLess, bagSize, COMMON_SHINGLE, containedShare, SHINGLE, sideDice, sumBags } from './similarity.ts';
import { compatible, family, type Side } from './side.ts';

/** Share of a part's words that must come from what its whole lost, for a split or merge. */
const PART_CONTAINED = 0.8;
/** Share of a whole's words its parts must cover together, for a split or merge. */
const WHOLE_COVERED = 0.8;

/** A clause split into several (or several merged into one): the whole on one side, its parts on the other. */
export interface Pieces {
  whole: number;
  /** Indices of the parts on the other side, in document order. */
  parts: number[];
  /** The part that keeps the whole's identity. */
  primary: number;
}

/**
 * Finds clauses of `whole`'s side whose text now sits in several clauses of `parts`' side:
 * unmatched clauses of `parts` made mostly of words that the whole lost. With `whole` the old
 * version these are splits; with `whole` the new version, merges.
 */
export function findPieces(whole: Side, parts: Side, notWhole: ReadonlySet<number>): Pieces[] {
  const fragments = fragmentsByWhole(whole, parts, notWhole);
  const found: Pieces[] = [];
  for (const [w, frags] of [...fragments].sort((x, y) => x[0] - y[0])) {
    const pieces = assemble(whole, parts, w, frags);
    if (pieces) found.push(pieces);
  }
  return found;
}

/**
 * Old clauses that lost words (unmatched, or paired with a different text), by the shingles of
 * their words: only the shingles in `wanted` (those of the clauses that may be parts, a few
 * once most clauses are paired), with each list as long as over every shingle.
 */
function wholeIndex(whole: Side, parts: Side, notWhole: ReadonlySet<number>, wanted: ReadonlySet<number>): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  whole.clauses.forEach((clause, w) => {
    const kept = whole.match(w);
    if (family(clause.kind) !== 'clause' || notWhole.has(w) || (kept !== -1 && parts.clause(kept).text === clause.text)) return;
    for (const shingle of whole.shingles(w)) {
      if (!wanted.has(shingle)) continue;
      const list = postings.get(shingle);
      if (list) list.push(w);
      else postings.set(shingle, [w]);
    }
  });
  return postings;
}

/** The words a whole lost: its words less those of the clause it is paired with, if any, and how many they are (cached). */
function lostWords(whole: Side, parts: Side): (w: number) => { bag: Bag; total: number } {
  const lost = new Map<number, { bag: Bag; total: number }>();
  return (w) => {
    let known = lost.get(w);
    if (!known) {
      const kept = whole.match(w);
      const bag = kept === -1 ? whole.bag(w) : bagLess(whole.bag(w), parts.bag(kept));
      known = { bag, total: bagSize(bag) };
      lost.set(w, known);
    }
    return known;
  };
}

/** Each unmatched clause of `parts` made mostly of words one whole lost, grouped by that whole, in order. */
function fragmentsByWhole(whole: Side, parts: Side, notWhole: ReadonlySet<number>): Map<number, number[]> {
  const fragments = new Map<number, number[]>();
  const candidateParts = parts.clauses.flatMap((clause, k) => (parts.isFree(k) && parts.words(k).length > 0 && family(clause.kind) === 'clause' ? [k] : []));
  if (candidateParts.length === 0) return fragments;
  const wanted = new Set<number>();
  for (const k of candidateParts) if (parts.words(k).length >= SHINGLE) for (const shingle of parts.shingles(k)) wanted.add(shingle);
  const postings = wholeIndex(whole, parts, notWhole, wanted);
  const lostOf = lostWords(whole, parts);
  const partOf = new Map<number, number>();
  for (const k of candidateParts) {
    const clause = parts.clause(k);
    const words = parts.words(k);
    const bag = parts.bag(k);
    const candidates: number[] = [];
    // The clause its parent was paired with, or is a part of: how short sub-paragraphs ("(c) becomes insolvent.") are found.
    const parent = parts.parent(k);
    if (parent !== -1 && !parts.isFree(parent)) candidates.push(parts.match(parent));
    const parentWhole = parent === -1 ? undefined : partOf.get(parent);
    if (parentWhole !== undefined) candidates.push(parentWhole);
    if (words.length >= SHINGLE) {
      for (const shingle of parts.shingles(k)) {
        const list = postings.get(shingle);
        if (list && list.length <= COMMON_SHINGLE) candidates.push(...list);
      }
    }
    const seen = new Set<number>();
    let best = -1;
    let bestShare = 0;
    for (const w of candidates) {
      if (seen.has(w) || notWhole.has(w) || !compatible(whole.clause(w), clause)) continue;
      seen.add(w);
      const lost = lostOf(w);
      // A clause holds at most all the words the whole lost: when even that share could neither
      // beat (or tie) the best so far nor make a part, the words need not be counted. Same result.
      if (lost.total / words.length < Math.max(bestShare, PART_CONTAINED)) continue;
      const share = containedShare(bag, words.length, lost.bag);
      if (share > bestShare || (share === bestShare && w < best)) [best, bestShare] = [w, share];
    }
    if (best === -1 || bestShare < PART_CONTAINED) continue;
    partOf.set(k, best);
    const list = fragments.get(best);
    if (list) list.push(k);
    else fragments.set(best, [k]);
  }
  return fragments;
}

/** A whole and its fragments as pieces, when together they cover the whole and the kept clause alone does not. */
function assemble(whole: Side, parts: Side, w: number, frags: readonly number[]): Pieces | undefined {
  const wholeBag = whole.bag(w);
  const wholeSize = whole.words(w).length;
  const kept = whole.match(w);
  const pieces = (kept === -1 ? [...frags] : [kept, ...frags]).sort((x, y) => x - y);
  if (pieces.length < 2) return undefined;
  if (containedShare(wholeBag, wholeSize, sumBags(pieces.map((k) => parts.bag(k)))) < WHOLE_COVERED) return undefined;
  if (kept !== -1 && containedShare(wholeBag, wholeSize, parts.bag(kept)) >= WHOLE_COVERED) return undefined;
  // The part that keeps the number keeps the identity; else the one already paired, else the most alike.
  const number = whole.clause(w).number;
  let primary = pieces.find((k) => number !== null && parts.clause(k).number === number) ?? kept;
  if (primary === -1) {
    let bestScore = -1;
    for (const k of pieces) {
      const score = sideDice(whole, w, parts, k);
      if (score > bestScore) [primary, bestScore] = [k, score];
    }
  }
  return { whole: w, parts: pieces, primary };
}
