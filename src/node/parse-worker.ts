/** A worker thread that parses versions into the disk cache (see warm-parse-cache.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedParser } from './parse-cache.ts';

interface Job {
  markdown: string;
  file: string;
  lineOffset: number;
}

const { parse } = cachedParser((workerData as { dir: string }).dir);
parentPort?.on('message', (job: Job) => {
  try {
    parse(job.markdown, { file: job.file, lineOffset: job.lineOffset });
    parentPort?.postMessage({ ok: true });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
