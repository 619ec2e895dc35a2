import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { urlOfFile, type BuiltPage } from './read-page-links.ts';
import type { BuiltSite } from './check-links.ts';
import { walkFiles } from './walk-files.ts';

/**
 * Reads pages in worker threads, one per core: a large site has tens of thousands. The threads
 * send pages in batches as they read them; the same link targets (the navigation on every
 * page) are kept once.
 */
async function readPages(items: Array<{ path: string; url: string }>): Promise<BuiltPage[]> {
  const threads = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(items.length / 200)));
  const shares = Array.from({ length: threads }, (_, k) => items.filter((_, i) => i % threads === k));
  const hrefs = new Map<string, string>();
  const once = (text: string): string => {
    const known = hrefs.get(text);
    if (known !== undefined) return known;
    hrefs.set(text, text);
    return text;
  };
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<BuiltPage[]>((resolve, reject) => {
          const read: BuiltPage[] = [];
          const worker = new Worker(new URL('./read-pages-worker.ts', import.meta.url), { workerData: { items: share } });
          worker.on('message', (message: BuiltPage[] | 'done') => {
            if (message !== 'done') {
              for (const page of message) {
                for (const link of page.links) {
                  link.href = once(link.href);
                  link.element = once(link.element);
                }
              }
              read.push(...message);
              return;
            }
            resolve(read);
            void worker.terminate();
          });
          worker.once('error', (error) => reject(new Error('reading built pages failed', { cause: error })));
        }),
    ),
  );
  return results.flat();
}

/**
 * Reads a built site folder: every file as a URL path, and every HTML page read for its ids,
 * clause anchors and links (with their lines). With `only` (paths relative to the folder), only
 * those pages are read; the others are left out of `pages`.
 */
export async function readBuiltSite(outDir: string, only?: ReadonlySet<string>): Promise<BuiltSite> {
  const files = new Set<string>();
  const html: Array<{ path: string; url: string }> = [];
  for (const path of (await walkFiles(outDir)).sort()) {
    const rel = relative(outDir, path);
    const posix = rel.split(/[\\/]/).join('/');
    files.add(`/${posix}`);
    if (rel.endsWith('.html') && (!only || only.has(posix))) html.push({ path, url: urlOfFile(rel) });
  }
  const read = new Map((await readPages(html)).map((page) => [page.url, page]));
  // In path order, whichever thread read them.
  const pages: BuiltSite['pages'] = new Map(html.map(({ url }) => [url, read.get(url) as BuiltPage]));
  return { pages, files };
}

/** Reads more pages of a built site folder (paths relative to it, `a/index.html`), in the order given. */
export async function readMorePages(outDir: string, paths: readonly string[]): Promise<BuiltPage[]> {
  const items = paths.map((path) => ({ path: join(outDir, path), url: urlOfFile(path) }));
  const read = new Map((await readPages(items)).map((page) => [page.url, page]));
  return items.map(({ url }) => read.get(url) as BuiltPage);
}

/** The file of a page, relative to the site folder: `/tmad/v6.0/` → `tmad/v6.0/index.html` (the reverse of {@link urlOfFile}). */
export function fileOfUrl(url: string): string {
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}
