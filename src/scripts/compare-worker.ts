/// <reference lib="webworker" />
/**
 * The comparison engine in a Web Worker: see {@link computeComparison}. Each part is posted as
 * soon as it is ready.
 */
import { type ComputeRequest, type ComputeResult, computeComparison } from './compare-compute.ts';

self.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  try {
    for (const part of computeComparison(event.data)) self.postMessage(part);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ComputeResult);
  }
});
