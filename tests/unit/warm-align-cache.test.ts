import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import { pairsAligned } from '#model/compare-pairs.ts';
import { alignCacheFile, cachedAligner } from '#node/align-cache.ts';
import { warmAlignCache } from '#node/warm-align-cache.ts';
import { sampleSite } from '../support/sample-site.ts';

const work = mkdtempSync(join(tmpdir(), 'sec-warm-align-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('warmAlignCache', () => {
  const site = sampleSite();
  const document = site.documents.find((d) => d.id === 'td');
  if (!document) throw new Error('no document td');
  const pairs = pairsAligned(document, site.asOf).map(([from, to]) => [from.clauses, to.clauses] as const);

  it('aligns in worker threads each pair the cache lacks, once, and the cache then gives the same rows', async () => {
    const dir = join(work, 'cache');
    expect(pairs.length).toBeGreaterThan(2);
    // A pair given twice is aligned once.
    expect(await warmAlignCache([...pairs, pairs[0] as (typeof pairs)[number]], dir)).toBe(pairs.length);
    const fileOf = alignCacheFile(dir);
    expect(pairs.every(([old, next]) => existsSync(fileOf(old, next) as string))).toBe(true);
    const align = cachedAligner(dir);
    for (const [old, next] of pairs) expect(align(old, next)).toEqual(alignClauses(old, next));
    // Nothing left to align.
    expect(await warmAlignCache(pairs, dir)).toBe(0);
  });

  it('leaves a pair that fails to be aligned where it needs it, and warns', async () => {
    // A clause without its text: the aligner fails on it.
    const broken = [{ slug: 'x', number: '1', label: null, kind: 'paragraph', depth: 0, parent: null, path: [] }] as unknown as Clause[];
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(await warmAlignCache([[broken, broken]], join(work, 'broken'))).toBe(0);
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([expect.stringMatching(/^alignment cache: 1 pair\(s\) not cached: /)]);
  });
});
