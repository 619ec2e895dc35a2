/** A worker thread that reads built pages for the link check (see read-built-site.ts). */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { readPageLinks, withoutResolvedFragments, type BuiltPage } from './read-page-links.ts';

/** Pages sent to the main thread at a time: what a thread holds is returned as it goes, not kept to the end. */
const BATCH = 100;

const { items } = workerData as { items: Array<{ path: string; url: string }> };
let pages: BuiltPage[] = [];
for (const item of items) {
  pages.push(withoutResolvedFragments(readPageLinks(item.url, await readFile(item.path, 'utf8'))));
  if (pages.length === BATCH) {
    parentPort?.postMessage(pages);
    pages = [];
  }
}
parentPort?.postMessage(pages);
parentPort?.postMessage('done');
