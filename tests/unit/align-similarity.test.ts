import { describe, expect, it } from 'vitest';
import { Side } from '#compare/align/side.ts';
import { bagLess, bagShared, bagSize, rarity, sumBags, Vocabulary, weightedDiceReaches } from '#compare/align/similarity.ts';
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

/** How often each word id occurs. */
function countIds(ids: Iterable<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Rarity-weighted Dice by its definition, word by word in text order: twice the weight of the words both texts hold, over the weight of all their words. */
function weightedDice(x: Int32Array, y: Int32Array, weights: Float64Array): number {
  const weight = (id: number) => weights[id] ?? 1;
  const cx = countIds(x);
  const cy = countIds(y);
  let shared = 0;
  for (const [id, n] of cx) shared += Math.min(n, cy.get(id) ?? 0) * weight(id);
  const total = [...x, ...y].reduce((sum, id) => sum + weight(id), 0);
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
          const measure = weightedDice(vocabulary.tokens(a.clause(i).text), vocabulary.tokens(b.clause(j).text), weights);
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

  it('refuses sides that number their words apart, and reaches a bar the measure is exactly on', () => {
    const parse = (markdown: string) => parseClauses(markdown, { file: 'x.md' }).clauses;
    // Separate vocabularies: the same word has another id on each side, so ids cannot be compared.
    const a = new Side(parse('1. meter device model list\n\n2. notice of the working day'));
    const b = new Side(parse('1. working day notice\n\n2. meter device model list reject'));
    expect(() => rarity(a, b)).toThrow(/share one Vocabulary/);
    expect(() => weightedDiceReaches(a, 0, b, 1, new Float64Array(0), 0.5)).toThrow(/share one Vocabulary/);
    // Exactly on the bar (two equal texts, measure 1): reached, as the measure says.
    const vocabulary = new Vocabulary();
    const c = new Side(parse('1. the supplier party shall send'), vocabulary);
    const d = new Side(parse('1. the supplier party shall send'), vocabulary);
    expect(weightedDiceReaches(c, 0, d, 0, rarity(c, d), 1)).toBe(true);
  });
});

describe('bags', () => {
  const vocabulary = new Vocabulary();
  const bag = (text: string) => vocabulary.bag(text);
  const words = (b: ReturnType<typeof bag>) => {
    const out: string[] = [];
    const names = new Map<number, string>();
    for (const w of 'the meter shall send a notice'.split(' ')) names.set(vocabulary.tokens(w)[0] as number, w);
    b.ids.forEach((id, k) => {
      for (let n = 0; n < (b.counts[k] as number); n++) out.push(names.get(id) ?? '?');
    });
    return out.sort();
  };

  it('holds each word of a text once, with how often it occurs, ids ascending', () => {
    const b = bag('The meter shall send the notice, the meter');
    expect(words(b)).toEqual(['meter', 'meter', 'notice', 'send', 'shall', 'the', 'the', 'the']);
    expect([...b.ids]).toEqual([...b.ids].sort((x, y) => x - y));
    expect(bagSize(b)).toBe(8);
    expect(bagSize(bag(''))).toBe(0);
  });

  it('counts the words two texts share, repeats as often as both hold them', () => {
    expect(bagShared(bag('the meter the notice'), bag('the the the meter'))).toBe(3);
    expect(bagShared(bag('send a notice'), bag('the meter'))).toBe(0);
  });

  it('takes words away no further than none, and adds bags together', () => {
    expect(words(bagLess(bag('the meter the notice'), bag('the the the send')))).toEqual(['meter', 'notice']);
    expect(words(sumBags([bag('the meter'), bag('the notice'), bag('')]))).toEqual(['meter', 'notice', 'the', 'the']);
    expect(bagSize(sumBags([]))).toBe(0);
  });
});
