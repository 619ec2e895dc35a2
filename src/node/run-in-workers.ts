import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** A job's failure: the job and the error its worker reported. */
export interface JobFailure<Job> {
  job: Job;
  error: string;
}

/**
 * Runs jobs in worker threads, one thread per core (at most 8), each thread taking the next job
 * when it answers the last. The worker (`script`) answers each message with `{ ok: true }` or
 * `{ ok: false, error }`. A modest heap per thread: each job needs little at a time, and garbage
 * is collected sooner. Returns the jobs that failed.
 */
export async function runInWorkers<Job>(script: URL, workerData: unknown, jobs: readonly Job[], heapMb = 384): Promise<JobFailure<Job>[]> {
  if (jobs.length === 0) return [];
  const threads = Math.max(1, Math.min(availableParallelism(), 8, jobs.length));
  let next = 0;
  const failures: JobFailure<Job>[] = [];
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(script, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      try {
        while (next < jobs.length) {
          const job = jobs[next++] as Job;
          const reply = await new Promise<{ ok: boolean; error?: string }>((resolve, reject) => {
            const done = (value: { ok: boolean; error?: string }) => {
              worker.off('error', reject);
              resolve(value);
            };
            worker.once('message', done);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          if (!reply.ok) failures.push({ job, error: reply.error ?? 'unknown error' });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return failures;
}
