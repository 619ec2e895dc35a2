/** A worker thread that reads built pages for the link check (see read-built-site.ts). */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { readPageLinks, withoutResolvedFragments, type BuiltPage } from './read-page-links.ts';

const { items } = workerData as { items: Array<{ path: string; url: string }> };
const pages: BuiltPage[] = [];
for (const item of items) pages.push(withoutResolvedFragments(readPageLinks(item.url, await readFile(item.path, 'utf8'))));
parentPort?.postMessage(pages);
