/**
 * The search index's cache: a bundle whose records are unchanged since the build before is
 * copied from the cache, not indexed again, and a change to one document's records re-indexes
 * only the bundle that holds them. Runs Pagefind for real on a few records.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRecord } from '#publish/search-records.ts';
import { indexSearch, searchBundleKey, type SearchBundle } from '../../scripts/lib/index-search.ts';
import { walkFiles } from '../../scripts/lib/walk-files.ts';

function record(document: string, version: string, number: string, text: string): SearchRecord {
  return {
    url: `/${document}/v${version}/#${number}`,
    language: 'en',
    kind: 'clause',
    text,
    defines: [],
    aliases: [],
    name: `clause ${number}`,
    number,
    filters: { document: [document.toUpperCase()], version: [`${document.toUpperCase()} v${version}`] },
  };
}

const inEffect = [record('aa', '2.0', '1.1', 'The operator shall keep the register.'), record('bb', '1.0', '1.1', 'A meter is read each quarter.')];
const all = [...inEffect, record('aa', '1.0', '1.1', 'The operator shall keep a register.')];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-index-cache-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const bundles = (run: string, allRecords: readonly SearchRecord[]): SearchBundle[] => [
  { name: 'pagefind-in-effect', records: inEffect, outputPath: join(dir, run, 'pagefind-in-effect') },
  { name: 'pagefind', records: allRecords, outputPath: join(dir, run, 'pagefind') },
];

/** Every file of a folder with its bytes, by path inside it. */
async function contents(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await walkFiles(folder)) files[relative(folder, path)] = (await readFile(path)).toString('base64');
  return files;
}

describe('indexSearch with a cache folder', () => {
  it('indexes each bundle once, reuses both for the same records, and re-indexes only the bundle whose records changed', async () => {
    const cache = join(dir, 'cache');
    const first = await indexSearch(bundles('first', all), cache);
    expect(first.map((b) => b.reused)).toEqual([false, false]);

    const second = await indexSearch(bundles('second', all), cache);
    expect(second.map((b) => b.reused)).toEqual([true, true]);
    // A reused bundle is the bundle indexed before, byte for byte.
    expect(await contents(join(dir, 'second', 'pagefind'))).toEqual(await contents(join(dir, 'first', 'pagefind')));
    expect(await contents(join(dir, 'second', 'pagefind-in-effect'))).toEqual(await contents(join(dir, 'first', 'pagefind-in-effect')));

    // A superseded version of one document reworded: only the search of all versions holds it.
    const changed = all.map((r) => (r.url === '/aa/v1.0/#1.1' ? { ...r, text: 'The operator shall keep a list.' } : r));
    const third = await indexSearch(bundles('third', changed), cache);
    expect(third.map((b) => b.reused)).toEqual([true, false]);
    expect(third[1]?.key).not.toBe(first[1]?.key);
    // The cache keeps one bundle of each name: the latest.
    expect(await readdir(join(cache, 'pagefind'))).toEqual([await searchBundleKey(changed)]);
    expect(await readdir(join(cache, 'pagefind-in-effect'))).toEqual([await searchBundleKey(inEffect)]);
  });

  it('keys a bundle by what Pagefind is given: the same records, the same key; another name, number or page, another key', async () => {
    expect(await searchBundleKey(all)).toBe(await searchBundleKey(all.map((r) => ({ ...r }))));
    expect(await searchBundleKey(all)).not.toBe(await searchBundleKey(all.map((r, i) => (i === 0 ? { ...r, name: 'section 1' } : r))));
    expect(await searchBundleKey(all)).not.toBe(await searchBundleKey(all.map((r, i) => (i === 0 ? { ...r, number: '1.2' } : r))));
    // The same records on fewer Pagefind pages are another bundle.
    expect(await searchBundleKey(all)).not.toBe(await searchBundleKey(all.map((r) => ({ ...r, page: '/aa/v2.0/#1.1', filters: { document: ['AA'] } }))));
  });
});
