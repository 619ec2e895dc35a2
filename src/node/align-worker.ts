/** A worker thread that aligns pairs of versions into the disk cache (see warm-align-cache.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { Clause } from '#model/clause.ts';
import { cachedAligner } from './align-cache.ts';

interface Job {
  old: Clause[];
  new: Clause[];
}

const align = cachedAligner((workerData as { dir: string }).dir);
parentPort?.on('message', (job: Job) => {
  try {
    align(job.old, job.new);
    parentPort?.postMessage({ ok: true });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
