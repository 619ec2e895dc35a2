import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffIds } from '#compare/diff-ids.ts';

/** A deterministic generator (mulberry32), so a failure names a sequence that can be run again. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** jsdiff's answer in the same shape. */
function jsdiff(a: number[], b: number[], maxEditLength?: number) {
  const changes = maxEditLength === undefined ? diffArrays(a, b) : diffArrays(a, b, { maxEditLength });
  return changes?.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', count: c.count }));
}

describe('diffIds', () => {
  it('finds the edit jsdiff finds, among equally short ones, on sequences with many ties', () => {
    const next = random(7);
    for (let trial = 0; trial < 3000; trial++) {
      // Few distinct ids, so many edits are equally short and the choice between them is tested.
      const alphabet = 1 + Math.floor(next() * 4);
      const a = Array.from({ length: Math.floor(next() * 14) }, () => Math.floor(next() * alphabet));
      const b =
        next() < 0.5
          ? a.map((x) => (next() < 0.25 ? Math.floor(next() * alphabet) : x)).filter(() => next() > 0.1)
          : Array.from({ length: Math.floor(next() * 14) }, () => Math.floor(next() * alphabet));
      expect(diffIds(a, b), `trial ${trial}: ${JSON.stringify([a, b])}`).toEqual(jsdiff(a, b));
    }
  });

  it('gives up past the longest edit allowed, as jsdiff does', () => {
    const next = random(11);
    for (let trial = 0; trial < 500; trial++) {
      const a = Array.from({ length: 10 }, () => Math.floor(next() * 3));
      const b = Array.from({ length: 10 }, () => Math.floor(next() * 3));
      const limit = Math.floor(next() * 12);
      expect(diffIds(a, b, limit), `trial ${trial}: ${JSON.stringify([a, b, limit])}`).toEqual(jsdiff(a, b, limit));
    }
    expect(diffIds([1, 2, 3], [4, 5, 6], 5)).toBeUndefined();
  });

  it('keeps two empty or equal sequences whole', () => {
    expect(diffIds([], [])).toEqual([]);
    expect(diffIds([1, 2], [1, 2])).toEqual([{ op: 'equal', count: 2 }]);
    expect(diffIds([], [3])).toEqual([{ op: 'added', count: 1 }]);
  });
});
