/// <reference lib="webworker" />
/**
 * The comparison engine in a Web Worker: see {@link computeComparison}. Each part is posted as
 * soon as it is ready. Before the page's request arrives, the engine runs once on a small
 * made-up comparison (see {@link warmUpRequest}), while the page is still downloading the data.
 */
import { type ComputeRequest, type ComputeResult, computeComparison } from './compare-compute.ts';
import { warmUpRequest } from './compare-warm-up.ts';

self.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  try {
    for (const part of computeComparison(event.data)) self.postMessage(part);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ComputeResult);
  }
});

try {
  for (const _ of computeComparison(warmUpRequest()));
} catch (error) {
  // Only a head start: the real comparison still runs (and reports its own errors).
  console.warn('compare worker: the warm-up comparison failed', error);
}
