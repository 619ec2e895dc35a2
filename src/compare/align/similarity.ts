import type { Side } from './side.ts';

/** Words per shingle: three-word runs say which clause a text is, single words do not. */
export const SHINGLE = 3;
/** Shingles shared by more clauses than this are boilerplate and say nothing about identity. */
export const COMMON_SHINGLE = 64;

/** The distinct runs of {@link SHINGLE} words of a text (the whole text when shorter). */
export function shingles(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let k = 0; k + SHINGLE <= words.length; k++) out.add(words.slice(k, k + SHINGLE).join(' '));
  return out;
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
      if (side.isFree(index)) for (const w of words) documents.set(w, { clauses: 0, last: -1 });
    });
  }
  let clause = 0;
  for (const words of [...a.allWords(), ...b.allWords()]) {
    clause++;
    for (const w of words) {
      const count = documents.get(w);
      if (count === undefined || count.last === clause) continue;
      count.last = clause;
      count.clauses++;
    }
  }
  const weights = new Map<string, number>();
  for (const [w, count] of documents) weights.set(w, Math.log(1 + clause / count.clauses));
  return weights;
}

/** Dice similarity with each word weighted by its rarity. */
export function weightedDice(a: readonly string[], b: readonly string[], weights: ReadonlyMap<string, number>): number {
  const weight = (w: string) => weights.get(w) ?? 1;
  const counts = countWords(a);
  let common = 0;
  let total = 0;
  for (const w of a) total += weight(w);
  for (const w of b) {
    total += weight(w);
    if (take(counts, w)) common += weight(w);
  }
  return total === 0 ? 1 : (2 * common) / total;
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
