/**
 * Aligns every pair of versions the build will compare and the disk cache lacks, on all cores,
 * before the pages are made. Astro's pages and the downloads' step beside it both need the
 * pre-built comparisons: with a cold cache each aligned them on its own core, the same pairs
 * twice. Now both find them in the cache.
 */
import { existsSync } from 'node:fs';
import type { Clause } from '#model/clause.ts';
import { alignCacheFile } from './align-cache.ts';
import { cacheDir } from './parse-cache.ts';
import { runInWorkers } from './run-in-workers.ts';

/** Aligns the pairs (old clauses, new clauses) missing from the cache in worker threads; returns how many it aligned. */
export async function warmAlignCache(pairs: ReadonlyArray<readonly [readonly Clause[], readonly Clause[]]>, dir = cacheDir()): Promise<number> {
  const fileOf = alignCacheFile(dir);
  const files = new Set<string>();
  const jobs = pairs.flatMap(([old, next]) => {
    const file = fileOf(old, next);
    if (!file || files.has(file) || existsSync(file)) return [];
    files.add(file);
    return [{ old, new: next }];
  });
  const failures = await runInWorkers(new URL('./align-worker.ts', import.meta.url), { dir }, jobs);
  // Not fatal here: whoever needs the pair aligns it, and reports what fails.
  if (failures.length > 0) console.warn(`alignment cache: ${failures.length} pair(s) not cached: ${failures[0]?.error}`);
  return jobs.length - failures.length;
}
