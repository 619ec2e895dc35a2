/**
 * Parses every version not yet in the disk cache, on all cores, before the build reads them.
 * The build then finds every parse in the cache; on a rebuild only new or changed versions are
 * parsed at all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '#content/load-site.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { parsableWithinLimits } from '#content/scan-text.ts';
import { runInWorkers } from './run-in-workers.ts';
import { cacheDir, parseKey, parserSalt } from './parse-cache.ts';

/** Parses the versions missing from the cache in worker threads; returns how many it parsed. */
export async function warmParseCache(versions: readonly SourceFile[], dir = cacheDir()): Promise<number> {
  const parser = parserSalt();
  if (!parser) return 0;
  const jobs = versions.flatMap((source) => {
    const front = readFrontMatter(source.file, source.text);
    // Beyond the limits the parser could hang or run out of memory: the check refuses those.
    if (front.data === undefined || !parsableWithinLimits(front.body)) return [];
    const options = { file: source.file, lineOffset: front.bodyOffset };
    const file = join(dir, 'parsed', `${parseKey(front.body, options, parser)}.json`);
    return existsSync(file) ? [] : [{ markdown: front.body, file: source.file, lineOffset: front.bodyOffset }];
  });
  if (jobs.length === 0) return 0;
  const failures = (await runInWorkers(new URL('./parse-worker.ts', import.meta.url), { dir }, jobs)).map(({ job, error }) => `${job.file}: ${error}`);
  // A failed parse is not fatal here: the build parses that file itself and reports the problem.
  if (failures.length > 0) console.warn(`parse cache: ${failures.length} version(s) not cached: ${failures[0]}`);
  return jobs.length - failures.length;
}
