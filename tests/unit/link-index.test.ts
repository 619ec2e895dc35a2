import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAST_RUN } from '../../scripts/lib/astro-cache.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { linksInto, readSiteToCheck, recordCheckedSite } from '../../scripts/lib/link-index.ts';

/**
 * The link check of an incremental build reads only the re-rendered pages, and falls back to
 * reading every page whenever a copied page's link could have broken.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-link-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SITE = 'https://sec.example.org';
let n = 0;

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * A checked first build (/a/ links to /b/#x and to /file.json; /b/ also has #y, /c/ and
 * /unlinked.json nothing links to), then a second one where Astro re-rendered /b/ as `b`.
 */
async function secondBuild(b: string, options: { manifest?: string; drop?: string[] } = {}) {
  const root = join(work, String(++n));
  const site = join(root, 'site');
  const cache = join(root, 'cache');
  const a = '<main><a href="/b/#x">to b</a><a href="/file.json">data</a></main>';
  const files = {
    'a/index.html': a,
    'b/index.html': '<main><p id="x">x</p><p id="y">y</p></main>',
    'c/index.html': '<main><p>c</p></main>',
    'file.json': '{}',
    'unlinked.json': '{}',
  };
  write(site, files);
  write(cache, { [LAST_RUN]: JSON.stringify({ rendered: ['a/index.html', 'b/index.html', 'c/index.html'], reused: 0, previousManifest: null, manifest: 'm1' }) });
  const first = await readSiteToCheck(site, cache);
  expect(first.checked).toBeUndefined();
  await recordCheckedSite(cache, first.built, true, linksInto(first.built, SITE));

  rmSync(site, { recursive: true });
  const kept = Object.fromEntries(Object.entries(files).filter(([path]) => !options.drop?.includes(path)));
  write(site, { ...kept, 'b/index.html': b });
  write(cache, { [LAST_RUN]: JSON.stringify({ rendered: ['b/index.html'], reused: 1, previousManifest: options.manifest ?? 'm1', manifest: 'm2' }) });
  return readSiteToCheck(site, cache);
}

describe('readSiteToCheck', () => {
  it('reads only the re-rendered pages when no target lost an id; the copied ones stand in with their ids', async () => {
    const { built, checked, linkers } = await secondBuild('<main><p id="x">x</p><p id="y">new</p><p id="z">added</p></main>');
    expect([...(checked ?? [])]).toEqual(['/b/']);
    expect(linkers).toEqual([]);
    expect([...built.pages.keys()]).toEqual(['/a/', '/b/', '/c/']);
    expect(built.pages.get('/a/')?.links).toEqual([]);
    expect(checkLinks(built, SITE)).toEqual([]);
  });

  it('reads only the re-rendered pages when a page lost an id no page links to', async () => {
    const { checked } = await secondBuild('<main><p id="x">x</p></main>');
    expect([...(checked ?? [])]).toEqual(['/b/']);
  });

  it('reads every page when a re-rendered page lost an id a copied page links to, and so finds the broken link', async () => {
    const { built, checked } = await secondBuild('<main><p id="y">renamed</p></main>');
    expect(checked).toBeUndefined();
    expect(checkLinks(built, SITE).map((b) => [b.page, b.link.href])).toEqual([['/a/', '/b/#x']]);
  });

  it('reads the pages that linked to a file now gone, and so finds the broken link', async () => {
    const { built, checked, linkers } = await secondBuild('<main><p id="x">x</p></main>', { drop: ['file.json'] });
    expect([...(checked ?? [])]).toEqual(['/a/', '/b/']);
    expect(linkers).toEqual(['/a/']);
    expect(checkLinks(built, SITE).map((b) => [b.page, b.link.href])).toEqual([['/a/', '/file.json']]);
  });

  it('reads only the re-rendered pages when a file no page linked to is gone', async () => {
    const { checked, linkers } = await secondBuild('<main><p id="x">x</p></main>', { drop: ['unlinked.json'] });
    expect([...(checked ?? [])]).toEqual(['/b/']);
    expect(linkers).toEqual([]);
  });

  it('reads every page when a page of the checked build is gone', async () => {
    const { built, checked } = await secondBuild('<main><p id="x">x</p></main>', { drop: ['c/index.html'] });
    expect(checked).toBeUndefined();
    expect([...built.pages.keys()]).toEqual(['/a/', '/b/']);
  });

  it('gives the pages of the build before as its check recorded them, for the URL ledger', async () => {
    const { previousPages } = await secondBuild('<main><p id="x">x</p></main>', { drop: ['c/index.html'] });
    expect(previousPages?.map((page) => page.url)).toEqual(['/a/', '/b/', '/c/']);
  });

  it('reads every page when the record is of another build than the one this build started from', async () => {
    const { checked } = await secondBuild('<main><p id="x">x</p></main>', { manifest: 'other' });
    expect(checked).toBeUndefined();
  });
});
