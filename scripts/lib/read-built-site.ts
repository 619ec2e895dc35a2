import { fromHtml } from 'hast-util-from-html';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { builtPage, urlOfFile } from '../../src/lib/built-page.ts';
import type { BuiltSite } from '../../src/lib/check-links.ts';

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  return found;
}

/**
 * Reads a built site folder: every file as a URL path, and every HTML page parsed (with
 * positions) into its ids, clause anchors and links.
 */
export async function readBuiltSite(outDir: string): Promise<BuiltSite> {
  const pages: BuiltSite['pages'] = new Map();
  const files = new Set<string>();
  for (const path of (await walk(outDir)).sort()) {
    const rel = relative(outDir, path);
    files.add(`/${rel.split(/[\\/]/).join('/')}`);
    if (!rel.endsWith('.html')) continue;
    const url = urlOfFile(rel);
    pages.set(url, builtPage(url, fromHtml(await readFile(path, 'utf8'))));
  }
  return { pages, files };
}
