import { describe, expect, it } from 'vitest';
import { Side } from '#compare/align/side.ts';
import { countWords, rarity, Vocabulary, weightedDiceReaches } from '#compare/align/similarity.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

/** A seeded generator, so every run checks the same texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS = 'the supplier party shall send each request meter device model list service reject migration dormant working day notice'.split(' ');

/** Rarity-weighted Dice by its definition: twice the weight of the words both texts hold, over the weight of all their words. */
function weightedDice(x: readonly string[], y: readonly string[], weights: ReadonlyMap<string, number>): number {
  const weight = (w: string) => weights.get(w) ?? 1;
  const cx = countWords(x);
  const cy = countWords(y);
  let shared = 0;
  for (const [w, n] of cx) shared += Math.min(n, cy.get(w) ?? 0) * weight(w);
  const total = [...x, ...y].reduce((sum, w) => sum + weight(w), 0);
  return total === 0 ? 1 : (2 * shared) / total;
}

describe('weightedDiceReaches', () => {
  it('answers as the measure does, for texts of every length ratio and each bar the aligner uses', () => {
    const rand = random(7);
    const text = () => Array.from({ length: 1 + Math.floor(rand() ** 2 * 60) }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(' ');
    const texts = Array.from({ length: 40 }, text);
    const markdown = (list: readonly string[]) => list.map((t, k) => `${k + 1}. ${t}`).join('\n\n');
    const vocabulary = new Vocabulary();
    const a = new Side(parseClauses(markdown(texts), { file: 'old.md' }).clauses, vocabulary);
    const b = new Side(parseClauses(markdown([...texts].reverse().map((t) => (rand() < 0.5 ? t : text()))), { file: 'new.md' }).clauses, vocabulary);
    const weights = rarity(a, b);
    const answers = { reached: 0, missed: 0 };
    for (const least of [0.5, 0.75, 0.85]) {
      for (let i = 0; i < a.size; i++) {
        for (let j = 0; j < b.size; j++) {
          const measure = weightedDice(a.words(i), b.words(j), weights);
          if (Math.abs(measure - least) < 1e-9) continue;
          const reached = weightedDiceReaches(a, i, b, j, weights, least);
          expect(reached, `${i}/${j} at ${least}`).toBe(measure >= least);
          answers[reached ? 'reached' : 'missed']++;
        }
      }
    }
    expect(answers.reached).toBeGreaterThan(50);
    expect(answers.missed).toBeGreaterThan(50);
  });

  it('answers as the measure does for sides that number their words apart, and for a pair on the bar', () => {
    const parse = (markdown: string) => parseClauses(markdown, { file: 'x.md' }).clauses;
    // Separate vocabularies: the same word has another id on each side.
    const a = new Side(parse('1. meter device model list\n\n2. notice of the working day'));
    const b = new Side(parse('1. working day notice\n\n2. meter device model list reject'));
    const weights = rarity(a, b);
    for (let i = 0; i < a.size; i++) {
      for (let j = 0; j < b.size; j++) {
        const measure = weightedDice(a.words(i), b.words(j), weights);
        for (const least of [0.5, 0.75, 0.85]) expect(weightedDiceReaches(a, i, b, j, weights, least), `${i}/${j} at ${least}`).toBe(measure >= least);
      }
    }
    // Exactly on the bar (two equal texts, measure 1): reached, as the measure says.
    const vocabulary = new Vocabulary();
    const c = new Side(parse('1. the supplier party shall send'), vocabulary);
    const d = new Side(parse('1. the supplier party shall send'), vocabulary);
    expect(weightedDiceReaches(c, 0, d, 0, rarity(c, d), 1)).toBe(true);
  });
});
