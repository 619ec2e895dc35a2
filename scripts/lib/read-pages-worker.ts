/** A worker thread that reads built pages for the link check (see read-built-site.ts). */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readPageLinks, withoutResolvedFragments, type BuiltPage } from './read-page-links.ts';

/** Pages sent to the main thread at a time: what a thread holds is returned as it goes, not kept to the end. */
const BATCH = 100;

const { items } = workerData as { items: Array<{ path: string; url: string }> };
let pages: BuiltPage[] = [];
for (const item of items) {
  // Read whole and decoded in one go, in this thread of its own: the promise `readFile` with an
  // encoding decodes chunk by chunk into a string made of pieces, which the parser's first search
  // then copies whole (a large share of the time a page took), and waits on the thread pool.
  pages.push(withoutResolvedFragments(readPageLinks(item.url, readFileSync(item.path, 'utf8'))));
  if (pages.length === BATCH) {
    parentPort?.postMessage(pages);
    pages = [];
  }
}
parentPort?.postMessage(pages);
parentPort?.postMessage('done');
