import { describe, expect, it } from 'vitest';
import { contentAgrees } from '#compare/align/sections.ts';
import { Side } from '#compare/align/side.ts';
import { distinctSorted, sharedCount, Vocabulary } from '#compare/align/similarity.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

/** A seeded generator, so every run checks the same sections. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS =
  'supplier party shall send each request meter device model list service reject migration dormant working day notice within before after record data report panel code change order'.split(
    ' ',
  );

function sentence(rand: () => number): string[] {
  return Array.from({ length: 2 + Math.floor(rand() * 30) }, () => WORDS[Math.floor(rand() * WORDS.length)] as string);
}

/** A section of numbered clauses under one heading, as Markdown. */
const section = (texts: readonly string[][]) => ['## 1 Requests', ...texts.map((words, k) => `1.${k + 1} ${words.join(' ')}`)].join('\n\n');

/** The measure itself: Dice of the two sections' shingles, every clause shingled (agrees when either is empty). */
function fullMeasure(a: Side, b: Side): boolean {
  const union = (side: Side) => {
    const parts = Array.from({ length: side.size - 1 }, (_, k) => [...side.shingles(k + 1)]).flat();
    return distinctSorted(Float64Array.from(parts));
  };
  const x = union(a);
  const y = union(b);
  if (x.length === 0 || y.length === 0) return true;
  return (2 * sharedCount(x, y)) / (x.length + y.length) >= 0.3;
}

describe('contentAgrees, two headings with the same title', () => {
  it('agrees exactly when the full shingle measure does, whatever share of the section was carried over', () => {
    const rand = random(20200724);
    const outcomes = { agree: 0, differ: 0 };
    for (let run = 0; run < 300; run++) {
      const keep = run / 300;
      const old = Array.from({ length: 3 + Math.floor(rand() * 18) }, () => sentence(rand));
      const neu: string[][] = [];
      for (const words of old) {
        const roll = rand();
        if (roll < keep) neu.push(words);
        else if (roll < keep + (1 - keep) / 2) neu.push(words.map((w) => (rand() < 0.3 ? (WORDS[Math.floor(rand() * WORDS.length)] as string) : w)));
        else if (rand() < 0.5) neu.push(sentence(rand));
      }
      if (neu.length === 0) neu.push(sentence(rand));
      const vocabulary = new Vocabulary();
      const a = new Side(parseClauses(section(old), { file: 'old.md' }).clauses, vocabulary);
      const b = new Side(parseClauses(section(neu), { file: 'new.md' }).clauses, vocabulary);
      expect(a.clause(0).kind).toBe('heading');
      expect(a.size).toBe(old.length + 1);
      const agrees = contentAgrees(a, b, 0, 0);
      expect(agrees, `run ${run}`).toBe(fullMeasure(a, b));
      outcomes[agrees ? 'agree' : 'differ']++;
    }
    // Both answers occur, so the check covers sections on either side of the threshold.
    expect(outcomes.agree).toBeGreaterThan(30);
    expect(outcomes.differ).toBeGreaterThan(30);
  });

  it('agrees for a section carried over but for one clause, and not for another section under the same title', () => {
    const clauses = (markdown: string) => parseClauses(markdown, { file: 'test.md' }).clauses;
    const kept = [
      '## 5 Service Requests',
      '5.1 The DCC shall process each Service Request in the order received from the Supplier Party.',
      '5.2 A Supplier Party shall not send a Service Request for a Dormant Meter before its Migration.',
      '5.3 The DCC shall reject a Service Request that names a Device Model not on the list.',
    ];
    const edited = [...kept];
    edited[3] = '5.3 The Panel may publish a report on any matter it considers to be of interest.';
    const other = ['## 5 Service Requests', '5.1 Each party shall keep records for six years.', '5.2 Records may be kept in electronic form.'];
    const vocabulary = new Vocabulary();
    const a = new Side(clauses(kept.join('\n\n')), vocabulary);
    expect(contentAgrees(a, new Side(clauses(edited.join('\n\n')), vocabulary), 0, 0)).toBe(true);
    expect(contentAgrees(a, new Side(clauses(other.join('\n\n')), vocabulary), 0, 0)).toBe(false);
  });
});
