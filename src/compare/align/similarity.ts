import type { Side } from './side.ts';

/** Words per shingle: three-word runs say which clause a text is, single words do not. */
export const SHINGLE = 3;
/** Shingles shared by more clauses than this are boilerplate and say nothing about identity. */
export const COMMON_SHINGLE = 64;

/**
 * Word ids shared by the two sides of one alignment, so a word is a number: a shingle is a
 * number, a text's words are a sorted array of ids with counts (a {@link Bag}) and the measures
 * merge those arrays, at a fraction of what sets and maps of strings cost. It also keeps what is
 * made from a clause's text (its words, ids, shingles and bag) by the text, so the clauses the
 * two versions share, most of them, are split, numbered and shingled once, not once a side.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #words = new Map<string, string[]>();
  readonly #tokens = new Map<string, Int32Array>();
  readonly #shingles = new Map<string, Float64Array>();
  readonly #bags = new Map<string, Bag>();

  /** How many distinct words it has numbered: every id is below this. */
  get size(): number {
    return this.#ids.size;
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

  /** The ids of a text's words, in order (shared: not to be changed). */
  tokens(text: string): Int32Array {
    let known = this.#tokens.get(text);
    if (!known) {
      const words = this.words(text);
      known = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) known[k] = numbered(this.#ids, words[k] as string);
      this.#tokens.set(text, known);
    }
    return known;
  }

  /** {@link shingles} of a text's words (shared: not to be changed). */
  shingles(text: string): Float64Array {
    let known = this.#shingles.get(text);
    if (!known) {
      known = shingles(this.tokens(text));
      this.#shingles.set(text, known);
    }
    return known;
  }

  /** {@link Bag} of a text's words (shared: not to be changed). */
  bag(text: string): Bag {
    let known = this.#bags.get(text);
    if (!known) {
      known = bagOf(this.tokens(text));
      this.#bags.set(text, known);
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

/** The {@link Bag} of a sequence of word ids. */
function bagOf(tokens: Int32Array): Bag {
  const ids = Int32Array.from(tokens).sort();
  let distinct = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) distinct++;
  const bag: Bag = { ids: new Int32Array(distinct), counts: new Int32Array(distinct) };
  let at = -1;
  for (let k = 0; k < ids.length; k++) {
    if (k === 0 || ids[k] !== ids[k - 1]) bag.ids[++at] = ids[k] as number;
    bag.counts[at] = (bag.counts[at] as number) + 1;
  }
  return bag;
}

/** The sum of bags: every word as often as the bags hold it together. */
export function sumBags(bags: readonly Bag[]): Bag {
  let total = 0;
  for (const bag of bags) for (let k = 0; k < bag.ids.length; k++) total += bag.counts[k] as number;
  const tokens = new Int32Array(total);
  let at = 0;
  for (const bag of bags) {
    for (let k = 0; k < bag.ids.length; k++) {
      const next = at + (bag.counts[k] as number);
      tokens.fill(bag.ids[k] as number, at, next);
      at = next;
    }
  }
  return bagOf(tokens);
}

/** The words of `bag` less those of `less`, each taken away as often as `less` holds it (to none at least). */
export function bagLess(bag: Bag, less: Bag): Bag {
  const out: Bag = { ids: bag.ids, counts: Int32Array.from(bag.counts) };
  let q = 0;
  for (let p = 0; p < bag.ids.length && q < less.ids.length; p++) {
    const id = bag.ids[p] as number;
    while (q < less.ids.length && (less.ids[q] as number) < id) q++;
    if (q < less.ids.length && less.ids[q] === id) out.counts[p] = Math.max(0, (bag.counts[p] as number) - (less.counts[q] as number));
  }
  return out;
}

/** How many words a bag holds, repeats counted. */
export function bagSize(bag: Bag): number {
  let total = 0;
  for (let k = 0; k < bag.counts.length; k++) total += bag.counts[k] as number;
  return total;
}

/**
 * Words two bags share: Σ min(count in x, count in y), merged in one pass over both; with
 * `weightOf` (weights by word id; ids past its end weigh 1), each word's share times its weight.
 */
export function bagShared(x: Bag, y: Bag, weightOf?: Float64Array): number {
  let common = 0;
  let p = 0;
  let q = 0;
  while (p < x.ids.length && q < y.ids.length) {
    const u = x.ids[p] as number;
    const v = y.ids[q] as number;
    if (u === v) {
      const both = Math.min(x.counts[p] as number, y.counts[q] as number);
      common += weightOf === undefined ? both : both * (u < weightOf.length ? (weightOf[u] as number) : 1);
      p++;
      q++;
    } else if (u < v) p++;
    else q++;
  }
  return common;
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
function shingles(tokens: Int32Array): Float64Array {
  if (tokens.length < SHINGLE) {
    // Negative, so a text of one or two words never equals a three-word run (ids count from 1 here).
    return tokens.length > 0 ? Float64Array.of(tokens.reduce((n, id) => n * ID_SPACE + (id % ID_SPACE) + 1, 0) * -1) : new Float64Array(0);
  }
  const out = new Float64Array(tokens.length - SHINGLE + 1);
  for (let k = 0; k < out.length; k++) {
    out[k] = (((tokens[k] as number) % ID_SPACE) * ID_SPACE + ((tokens[k + 1] as number) % ID_SPACE)) * ID_SPACE + ((tokens[k + 2] as number) % ID_SPACE);
  }
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
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n === 0) continue;
    counts.set(w, n - 1);
    common++;
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * How telling each word is, by word id: ln(1 + clauses / clauses containing it), over both
 * versions. Words every clause uses ("the DCC shall") say little about which clause is which.
 * Only the words of unmatched clauses are ever weighed, so only those are counted; every other
 * id (and any id numbered later) weighs 1.
 */
export function rarity(a: Side, b: Side): Float64Array {
  if (a.vocabulary !== b.vocabulary) throw new Error('rarity: the two sides must share one Vocabulary (their word ids are compared)');
  const vocabulary = a.vocabulary;
  // Clauses with the same text (most of them, carried over from one version to the next) share
  // one array of word ids and are counted together: their words are read once.
  const clausesWithText = new Map<Int32Array, number>();
  for (const side of [a, b]) {
    for (let index = 0; index < side.size; index++) {
      const tokens = vocabulary.tokens(side.clause(index).text);
      clausesWithText.set(tokens, (clausesWithText.get(tokens) ?? 0) + 1);
    }
  }
  const size = vocabulary.size;
  const weighed = new Uint8Array(size);
  for (const side of [a, b]) {
    for (let index = 0; index < side.size; index++) {
      if (!side.isFree(index)) continue;
      const tokens = vocabulary.tokens(side.clause(index).text);
      for (let k = 0; k < tokens.length; k++) weighed[tokens[k] as number] = 1;
    }
  }
  const clauses = new Int32Array(size);
  // The last text each word was counted for, so a word repeated in a text counts that text once.
  const countedFor = new Int32Array(size).fill(-1);
  let text = 0;
  for (const [tokens, count] of clausesWithText) {
    for (let k = 0; k < tokens.length; k++) {
      const id = tokens[k] as number;
      if (weighed[id] !== 1 || countedFor[id] === text) continue;
      countedFor[id] = text;
      clauses[id] = (clauses[id] as number) + count;
    }
    text++;
  }
  const all = a.size + b.size;
  const weights = new Float64Array(size).fill(1);
  for (let id = 0; id < size; id++) if (weighed[id] === 1) weights[id] = Math.log(1 + all / (clauses[id] as number));
  return weights;
}

/** {@link dice} of clause i of `a` and clause j of `b`, on their bags: no copies. */
export function sideDice(a: Side, i: number, b: Side, j: number): number {
  const total = a.words(i).length + b.words(j).length;
  return total === 0 ? 1 : (2 * bagShared(a.bag(i), b.bag(j))) / total;
}

/**
 * Whether the Dice similarity of clause i of `a` and clause j of `b`, each word weighted by its
 * rarity (`weights`, by word id, from {@link rarity}), reaches `least`: twice the weight of the
 * words both hold over the weight of all their words (1 for two empty texts), summed in the
 * order of the bags' ids (numbered in the order the alignment met the words, so the same input
 * gives the same sums, bit for bit).
 */
export function weightedDiceReaches(a: Side, i: number, b: Side, j: number, weights: Float64Array, least: number): boolean {
  if (a.vocabulary !== b.vocabulary) throw new Error('weightedDiceReaches: the two sides must share one Vocabulary (their word ids are compared)');
  return bagWeightedDice(a.bag(i), b.bag(j), weights) >= least;
}

/** Rarity-weighted Dice of two bags: twice the weight of the words both hold over the weight of all their words (1 for two empty texts). */
function bagWeightedDice(x: Bag, y: Bag, weightOf: Float64Array): number {
  const weight = (id: number) => (id < weightOf.length ? (weightOf[id] as number) : 1);
  let total = 0;
  for (let k = 0; k < x.ids.length; k++) total += (x.counts[k] as number) * weight(x.ids[k] as number);
  for (let k = 0; k < y.ids.length; k++) total += (y.counts[k] as number) * weight(y.ids[k] as number);
  if (total === 0) return 1;
  return (2 * bagShared(x, y, weightOf)) / total;
}

/** How often each word occurs in a list of words. */
function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * Share of a multiset of words (`bag`, `total` words in all) found in the multiset `pool`: the
 * size of their intersection over `total`.
 */
export function containedShare(bag: Bag, total: number, pool: Bag): number {
  return total === 0 ? 0 : bagShared(bag, pool) / total;
}
