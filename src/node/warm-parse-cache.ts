/**
 * Parses every version not yet in the disk cache, on all cores, before the build reads them.
 * The build then finds every parse in the cache; on a rebuild only new or changed versions are
 * parsed at all.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '#content/load-site.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { parsableWithinLimits } from '#content/scan-text.ts';
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
  const threads = Math.max(1, Math.min(availableParallelism(), 8, jobs.length));
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: threads }, async () => {
      // A modest heap per worker: parsing needs little at a time, and garbage is collected sooner.
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { dir }, resourceLimits: { maxOldGenerationSizeMb: 384 } });
      try {
        while (next < jobs.length) {
          const job = jobs[next++];
          if (!job) break;
          const reply = await new Promise<{ ok: boolean; error?: string }>((resolve, reject) => {
            const done = (value: { ok: boolean; error?: string }) => {
              worker.off('error', reject);
              resolve(value);
            };
            worker.once('message', done);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          if (!reply.ok) failures.push(`${job.file}: ${reply.error}`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  // A failed parse is not fatal here: the build parses that file itself and reports the problem.
  if (failures.length > 0) console.warn(`parse cache: ${failures.length} version(s) not cached: ${failures[0]}`);
  return jobs.length - failures.length;
}
