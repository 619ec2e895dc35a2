import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAST_RUN } from '../../scripts/lib/astro-cache.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { readSiteToCheck, recordCheckedSite } from '../../scripts/lib/link-index.ts';

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

/** A checked first build (/a/ links to /b/#x), then a second one where Astro re-rendered /b/ as `b`. */
async function secondBuild(b: string, options: { manifest?: string; dropFile?: boolean } = {}) {
  const root = join(work, String(++n));
  const site = join(root, 'site');
  const cache = join(root, 'cache');
  const a = '<main><a href="/b/#x">to b</a><a href="/file.json">data</a></main>';
  write(site, { 'a/index.html': a, 'b/index.html': '<main><p id="x">x</p></main>', 'file.json': '{}' });
  write(cache, { [LAST_RUN]: JSON.stringify({ rendered: ['a/index.html', 'b/index.html'], reused: 0, previousManifest: null, manifest: 'm1' }) });
  const first = await readSiteToCheck(site, cache);
  expect(first.checked).toBeUndefined();
  await recordCheckedSite(cache, first.built, true);

  rmSync(site, { recursive: true });
  write(site, { 'a/index.html': a, 'b/index.html': b, ...(options.dropFile ? {} : { 'file.json': '{}' }) });
  write(cache, { [LAST_RUN]: JSON.stringify({ rendered: ['b/index.html'], reused: 1, previousManifest: options.manifest ?? 'm1', manifest: 'm2' }) });
  return readSiteToCheck(site, cache);
}

describe('readSiteToCheck', () => {
  it('reads only the re-rendered pages when no target lost an id; the copied ones stand in with their ids', async () => {
    const { built, checked } = await secondBuild('<main><p id="x">x</p><p id="y">new</p></main>');
    expect([...(checked ?? [])]).toEqual(['/b/']);
    expect([...built.pages.keys()]).toEqual(['/a/', '/b/']);
    expect(built.pages.get('/a/')?.links).toEqual([]);
    expect(checkLinks(built, SITE)).toEqual([]);
  });

  it('reads every page when a re-rendered page lost an id a copied page may link to, and so finds the broken link', async () => {
    const { built, checked } = await secondBuild('<main><p id="y">renamed</p></main>');
    expect(checked).toBeUndefined();
    expect(checkLinks(built, SITE).map((b) => [b.page, b.link.href])).toEqual([['/a/', '/b/#x']]);
  });

  it('reads every page when a file of the checked build is gone', async () => {
    const { built, checked } = await secondBuild('<main><p id="x">x</p></main>', { dropFile: true });
    expect(checked).toBeUndefined();
    expect(checkLinks(built, SITE).map((b) => b.link.href)).toEqual(['/file.json']);
  });

  it('reads every page when the record is of another build than the one this build started from', async () => {
    const { checked } = await secondBuild('<main><p id="x">x</p></main>', { manifest: 'other' });
    expect(checked).toBeUndefined();
  });
});
