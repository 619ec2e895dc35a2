import type { Side } from './side.ts';

/** Words per shingle: three-word runs say which clause a text is, single words do not. */
export const SHINGLE = 3;
/** Shingles shared by more clauses than this are boilerplate and say nothing about identity. */
export const COMMON_SHINGLE = 64;

/**
 * Word ids shared by the two sides of one alignment, so a shingle is a number: sets and maps of
 * numbers cost a fraction of the same of strings, and shingles are made for every word. It also
 * keeps what is made from a clause's text (its words, shingles and word counts) by the text, so
 * the clauses the two versions share, most of them, are split and shingled once, not once a side.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #words = new Map<string, string[]>();
  readonly #shingles = new Map<string, Float64Array>();
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #bags = new Map<string, Bag>();
  /** Word ids of bags, apart from those of shingles, so that bagging a text never renumbers a shingle. */
  readonly #bagIds = new Map<string, number>();

  /** A word's id in shingles. */
  id(word: string): number {
    return numbered(this.#ids, word);
  }

  /** The lower-case words of a text (shared: not to be changed). */
  words(text: string): string[] {
    let known = this.#words.get(text);
    if (!known) {
      known = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      this.#words.set(text, known);
    }
    return known;
  }

  /** {@link shingles} of a text's words (shared: not to be changed). */
  shingles(text: string): Float64Array {
    let known = this.#shingles.get(text);
    if (!known) {
      known = shingles(this.words(text), this);
      this.#shingles.set(text, known);
    }
    return known;
  }

  /** A word's id in {@link Bag}s. */
  bagId(word: string): number {
    return numbered(this.#bagIds, word);
  }

  /** {@link Bag} of a text's words (shared: not to be changed). */
  bag(text: string): Bag {
    let known = this.#bags.get(text);
    if (!known) {
      const words = this.words(text);
      const ids = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) ids[k] = this.bagId(words[k] as string);
      ids.sort();
      let distinct = 0;
      for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) distinct++;
      const bag: Bag = { ids: new Int32Array(distinct), counts: new Int32Array(distinct) };
      let at = -1;
      for (let k = 0; k < ids.length; k++) {
        if (k === 0 || ids[k] !== ids[k - 1]) bag.ids[++at] = ids[k] as number;
        bag.counts[at] = (bag.counts[at] as number) + 1;
      }
      known = bag;
      this.#bags.set(text, known);
    }
    return known;
  }

  /** How often each word occurs in a text (shared: not to be changed). */
  counts(text: string): Map<string, number> {
    let known = this.#counts.get(text);
    if (!known) {
      known = countWords(this.words(text));
      this.#counts.set(text, known);
    }
    return known;
  }
}

/** A word's number in `ids`, the next number if it has none yet. */
function numbered(ids: Map<string, number>, word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = ids.size;
    ids.set(word, id);
  }
  return id;
}

/** A text's words as a multiset of word ids: the distinct ids ascending, and how often each occurs. */
export interface Bag {
  ids: Int32Array;
  counts: Int32Array;
}

/** Bits per word id in a shingle: three ids fit in a safe integer (3 × 17 < 53). */
const ID_BITS = 17;
const ID_SPACE = 2 ** ID_BITS;

/**
 * The distinct runs of {@link SHINGLE} words of a text (the whole text, up to three words, when
 * shorter), each as one number, in ascending order: sorted arrays are merged and intersected in
 * one pass, at a fraction of what sets of numbers cost to build and hold. Past 131,072 distinct
 * words two runs may share a number: that only adds a candidate, which is then scored on its words.
 */
function shingles(words: readonly string[], vocabulary: Vocabulary): Float64Array {
  const ids = words.map((w) => vocabulary.id(w) % ID_SPACE);
  if (ids.length < SHINGLE) {
    // Negative, so a text of one or two words never equals a three-word run (ids count from 1 here).
    return ids.length > 0 ? Float64Array.of(ids.reduce((n, id) => n * ID_SPACE + id + 1, 0) * -1) : new Float64Array(0);
  }
  const out = new Float64Array(ids.length - SHINGLE + 1);
  for (let k = 0; k < out.length; k++) out[k] = ((ids[k] as number) * ID_SPACE + (ids[k + 1] as number)) * ID_SPACE + (ids[k + 2] as number);
  return distinctSorted(out);
}

/** The distinct values of `values`, ascending (sorts `values` in place; the result shares its memory). */
export function distinctSorted(values: Float64Array): Float64Array {
  values.sort();
  let kept = 0;
  for (let k = 0; k < values.length; k++) if (k === 0 || values[k] !== values[kept - 1]) values[kept++] = values[k] as number;
  return values.subarray(0, kept);
}

/** The distinct values of two ascending arrays of distinct values, ascending. */
export function union(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length || j < y.length) {
    const a = i < x.length ? (x[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < y.length ? (y[j] as number) : Number.POSITIVE_INFINITY;
    if (a <= b) i++;
    if (b <= a) j++;
    out[n++] = Math.min(a, b);
  }
  return out.subarray(0, n);
}

/** How many values two ascending arrays of distinct values share. */
export function sharedCount(x: Float64Array, y: Float64Array): number {
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      common++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return common;
}

/** Dice similarity of two word multisets: 1 for the same words, 0 for none in common. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = countWords(a);
  let common = 0;
  for (const w of b) if (take(counts, w)) common++;
  return (2 * common) / (a.length + b.length);
}

/**
 * How telling each word is: ln(1 + clauses / clauses containing it), over both versions. Words
 * every clause uses ("the DCC shall") say little about which clause is which.
 */
export function rarity(a: Side, b: Side): Map<string, number> {
  // Only the words of unmatched clauses are ever weighed: count those alone, in one pass.
  const documents = new Map<string, { clauses: number; last: number }>();
  for (const side of [a, b]) {
    side.allWords().forEach((words, index) => {
      if (side.isFree(index)) for (const w of words) if (!documents.has(w)) documents.set(w, { clauses: 0, last: -1 });
    });
  }
  // Clauses with the same words (most of them, carried over from one version to the next) are
  // counted together: their words are read once.
  const clausesWithWords = new Map<readonly string[], number>();
  for (const words of [...a.allWords(), ...b.allWords()]) clausesWithWords.set(words, (clausesWithWords.get(words) ?? 0) + 1);
  let text = 0;
  for (const [words, clauses] of clausesWithWords) {
    text++;
    for (const w of words) {
      const count = documents.get(w);
      if (count === undefined || count.last === text) continue;
      count.last = text;
      count.clauses += clauses;
    }
  }
  const all = a.size + b.size;
  const weights = new Map<string, number>();
  for (const [w, count] of documents) weights.set(w, Math.log(1 + all / count.clauses));
  return weights;
}

/** Words two counted multisets share: Σ min(count in a, count in b), over the smaller one's words. */
function shared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [w, n] of small) {
    const m = large.get(w);
    if (m !== undefined) common += Math.min(n, m);
  }
  return common;
}

/** {@link dice} of clause i of `a` and clause j of `b`, on their cached word counts: no copies. */
export function sideDice(a: Side, i: number, b: Side, j: number): number {
  const total = a.words(i).length + b.words(j).length;
  return total === 0 ? 1 : (2 * shared(a.counts(i), b.counts(j))) / total;
}

/** Dice similarity with each word weighted by its rarity, of clause i of `a` and clause j of `b`, on their cached word counts. */
function sideWeightedDice(a: Side, i: number, b: Side, j: number, weights: ReadonlyMap<string, number>): number {
  const x = weighted(a, i, weights);
  const y = weighted(b, j, weights);
  // The same sum, in the same order, as adding up both clauses' weighted counts word by word
  // (so the same bits): clause i's sum, then clause j's terms one by one, both made once.
  let total = x.sum;
  for (const term of y.terms) total += term;
  if (total === 0) return 1;
  // Words shared as {@link shared} counts them, in its order (the smaller text's words), each
  // weighed by its weight in that text's list rather than looked up.
  const countsA = a.counts(i);
  const countsB = b.counts(j);
  const [small, large, smallWeights] = countsA.size <= countsB.size ? [countsA, countsB, x.weights] : [countsB, countsA, y.weights];
  let common = 0;
  let k = 0;
  for (const [w, n] of small) {
    const m = large.get(w);
    if (m !== undefined) common += Math.min(n, m) * (smallWeights[k] as number);
    k++;
  }
  return (2 * common) / total;
}

/**
 * How far from the bar an estimate of the measure must be to be trusted: far more than rounding
 * can move a sum of a clause's weights, far less than any difference between two texts.
 */
const ROUNDING = 1e-9;

/**
 * Whether {@link sideWeightedDice} of the two clauses reaches `least`. The measure is first
 * estimated on the two texts' {@link Bag}s (sorted word ids, merged in one pass with no lookup
 * by word, each weight read from a table by id); only an estimate within rounding of the bar is
 * settled by the measure itself, so the answer is the measure's. Sides that do not share their
 * vocabulary (word ids) are measured directly.
 */
export function weightedDiceReaches(a: Side, i: number, b: Side, j: number, weights: ReadonlyMap<string, number>, least: number): boolean {
  if (a.vocabulary === b.vocabulary) {
    const estimate = bagWeightedDice(a.bag(i), b.bag(j), weightsById(a.vocabulary, weights));
    if (estimate < least - ROUNDING) return false;
    if (estimate > least + ROUNDING) return true;
  }
  return sideWeightedDice(a, i, b, j, weights) >= least;
}

/** Weights by bag word id, one table per vocabulary and weights (one per alignment): ids past its end, and words not weighed, weigh 1. */
const idWeightsCache = new WeakMap<ReadonlyMap<string, number>, { vocabulary: Vocabulary; table: Float64Array }>();

function weightsById(vocabulary: Vocabulary, weights: ReadonlyMap<string, number>): Float64Array {
  const cached = idWeightsCache.get(weights);
  let known = cached?.vocabulary === vocabulary ? cached.table : undefined;
  if (!known) {
    const ids: number[] = [];
    let last = -1;
    for (const w of weights.keys()) {
      const id = vocabulary.bagId(w);
      ids.push(id);
      if (id > last) last = id;
    }
    known = new Float64Array(last + 1).fill(1);
    let k = 0;
    for (const weight of weights.values()) known[ids[k++] as number] = weight;
    idWeightsCache.set(weights, { vocabulary, table: known });
  }
  return known;
}

/** Rarity-weighted Dice of two bags: twice the weight of the words both hold over the weight of all their words (1 for two empty texts). */
function bagWeightedDice(x: Bag, y: Bag, weightOf: Float64Array): number {
  const weight = (id: number) => (id < weightOf.length ? (weightOf[id] as number) : 1);
  let total = 0;
  for (let k = 0; k < x.ids.length; k++) total += (x.counts[k] as number) * weight(x.ids[k] as number);
  for (let k = 0; k < y.ids.length; k++) total += (y.counts[k] as number) * weight(y.ids[k] as number);
  if (total === 0) return 1;
  let common = 0;
  let p = 0;
  let q = 0;
  while (p < x.ids.length && q < y.ids.length) {
    const u = x.ids[p] as number;
    const v = y.ids[q] as number;
    if (u === v) {
      common += Math.min(x.counts[p] as number, y.counts[q] as number) * weight(u);
      p++;
      q++;
    } else if (u < v) p++;
    else q++;
  }
  return (2 * common) / total;
}

/** A clause's weighted word counts: each word's count times its weight, in the order of its counts, and their running sum. */
interface Weighted {
  terms: Float64Array;
  /** Each word's weight, in the same order. */
  weights: Float64Array;
  sum: number;
}

/** Weighted counts by weights (one table per alignment), side and clause: each pair scored reads them again. */
const weightedCache = new WeakMap<ReadonlyMap<string, number>, WeakMap<Side, Array<Weighted | undefined>>>();

function weighted(side: Side, index: number, weights: ReadonlyMap<string, number>): Weighted {
  let bySide = weightedCache.get(weights);
  if (!bySide) {
    bySide = new WeakMap();
    weightedCache.set(weights, bySide);
  }
  let byClause = bySide.get(side);
  if (!byClause) {
    byClause = new Array(side.size);
    bySide.set(side, byClause);
  }
  let known = byClause[index];
  if (!known) {
    const counts = side.counts(index);
    const terms = new Float64Array(counts.size);
    const wordWeights = new Float64Array(counts.size);
    let sum = 0;
    let k = 0;
    for (const [w, n] of counts) {
      const weight = weights.get(w) ?? 1;
      const term = n * weight;
      wordWeights[k] = weight;
      terms[k++] = term;
      sum += term;
    }
    known = { terms, weights: wordWeights, sum };
    byClause[index] = known;
  }
  return known;
}

export function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Takes one occurrence of `word` out of `counts`; false when none is left. */
export function take(counts: Map<string, number>, word: string): boolean {
  const n = counts.get(word) ?? 0;
  if (n === 0) return false;
  counts.set(word, n - 1);
  return true;
}

/**
 * Share of a multiset of words (`counts`, `total` words in all) found in the multiset `pool`:
 * the size of their intersection over `total`. Counting word by word needs no copy of `pool`,
 * which the split and merge search would otherwise make for every candidate.
 */
export function containedShare(counts: ReadonlyMap<string, number>, total: number, pool: ReadonlyMap<string, number>): number {
  if (total === 0) return 0;
  let found = 0;
  for (const [w, n] of counts) found += Math.min(n, pool.get(w) ?? 0);
  return found / total;
}

/** Share of `whole`'s words that `parts` contain. */
export function coverage(whole: readonly string[], parts: readonly string[]): number {
  return containedShare(countWords(whole), whole.length, countWords(parts));
}
