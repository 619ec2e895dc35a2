/// <reference lib="webworker" />
/**
 * The comparison engine in a Web Worker: see {@link computeComparison}. Each part is posted as
 * soon as it is ready. If the page's request has not come yet once the worker has started (the
 * data is still downloading), the engine runs first on a small made-up comparison (see
 * {@link warmUpRequest}) so that the real one runs on compiled code; when the request is
 * already waiting, that would only delay it, so it is skipped.
 */
import { type ComputeRequest, type ComputeResult, computeComparison } from './compare-compute.ts';
import { warmUpRequest } from './compare-warm-up.ts';

let requested = false;

self.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  requested = true;
  try {
    for (const part of computeComparison(event.data)) self.postMessage(part);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ComputeResult);
  }
});

// A task after this script's, so a request that arrived while the worker started is handled first.
setTimeout(() => {
  if (requested) return;
  try {
    for (const _ of computeComparison(warmUpRequest()));
  } catch (error) {
    // Only a head start: the real comparison still runs (and reports its own errors).
    console.warn('compare worker: the warm-up comparison failed', error);
  }
}, 0);
