import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltSite } from '../../scripts/lib/read-built-site.ts';
import { publishedUrls } from '../../scripts/lib/url-ledger.ts';
import type { BuiltSite } from '../../scripts/lib/check-links.ts';
import { launchChromium } from './launch-chromium.ts';
import { runBuild, type BuildRun } from './run-build.ts';
import { serveStatic } from './serve-static.ts';

/**
 * Published under a path (`SITE_URL=https://example.org/sec-versions/`), as often as at the root
 * of a domain: the repository's content is built with `SITE_URL` naming a path on a local
 * server, served there and nowhere else, and read both as files (every link, asset and URL in
 * feeds, sitemap and API stays under the path; the build's link check and the URL ledger pass)
 * and in Chromium (home → version → clause → search → in-browser comparison, nothing failing to load).
 */
const BASE = '/sec-versions/';
const work = mkdtempSync(join(tmpdir(), 'sec-path-'));
const content = join(work, 'content');
const out = join(work, 'site');
let server: { url: string; close: () => Promise<void> };
let site: string;
let built: BuiltSite;
let build: BuildRun;
let browser: Browser;

beforeAll(async () => {
  // The server starts first, so the build can be told the address it will be served at.
  server = await serveStatic(out, BASE);
  site = `${server.url}${BASE}`;
  // The repository's content, with a tombstone for a page and one for a clause anchor: both are
  // served under the path, and the ledger check finds them there.
  cpSync('content', content, { recursive: true });
  writeFileSync(
    join(content, 'tombstones.yaml'),
    [
      '- url: /tmad/v4.0/',
      '  reason: Illustrative tombstone for a version page this test pretends was withdrawn.',
      '  goTo: /tmad/v5.0/',
      '- url: /tmad/v6.0/#99.9',
      '  reason: Illustrative tombstone for a clause anchor this test pretends was removed.',
      '  goTo: /tmad/v6.0/#8.6',
      '',
    ].join('\n'),
  );
  build = runBuild(content, out, { SITE_URL: site });
  expect(build.status, build.stderr).toBe(0);
  built = await readBuiltSite(out);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every file of the built site, relative to it. */
function files(dir = out, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

/** Where a link on a page leads, when it leads to this site's server (external links are undefined). */
function onServer(href: string, page: string): URL | undefined {
  const target = new URL(href, `${server.url}${BASE}${page.slice(1)}`);
  return target.origin === server.url ? target : undefined;
}

describe('a site published under a path', () => {
  it('passes its own link check and the URL ledger, which stays site-relative', () => {
    expect(build.stdout).toMatch(/links: \d+ links on \d+ pages resolve; [1-9]\d* published URLs in place/);
    expect(build.stdout).not.toMatch(/ledger: \d+ new URL/);
    const published = publishedUrls(built.pages.values());
    expect(published).toContain('/tmad/v6.0/#8.6');
    expect(published.filter((url) => url.startsWith(BASE))).toEqual([]);
  });

  it('serves tombstones under the path: a page, and a removed clause anchor on its page', () => {
    expect(built.pages.get('/tmad/v4.0/')?.tombstone).toBe(true);
    expect(readFileSync(join(out, 'tmad/v4.0/index.html'), 'utf8')).toContain(`<a href="${BASE}tmad/v5.0/">`);
    expect(built.pages.get('/tmad/v6.0/')?.ids.has('99.9')).toBe(true);
    expect(readFileSync(join(out, 'tmad/v6.0/index.html'), 'utf8')).toContain(`<a href="${BASE}tmad/v6.0/#8.6">`);
  });

  it('keeps every link, asset, form and refresh of every page under the path', () => {
    const outside: string[] = [];
    let checked = 0;
    for (const page of built.pages.values()) {
      for (const link of page.links) {
        const target = onServer(link.href, page.url);
        if (!target) continue;
        checked++;
        if (!target.pathname.startsWith(BASE)) outside.push(`${page.url}: ${link.element} ${link.href}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
  });

  it('fetches data, search bundles and the worker from under the path', () => {
    const search = readFileSync(join(out, 'search/index.html'), 'utf8');
    expect(search).toContain(`data-bundle="${BASE}pagefind-in-effect/"`);
    expect(search).toContain(`data-base="${BASE}"`);
    expect(readFileSync(join(out, 'search/all/index.html'), 'utf8')).toContain(`data-bundle="${BASE}pagefind/"`);
    const fetched = files()
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => [...readFileSync(join(out, file), 'utf8').matchAll(/data-(?:from|to)-data="([^"]*)"/g)].map((m) => m[1] as string));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((url) => !url.startsWith(`${BASE}data/`))).toEqual([]);
  });

  it('names the path in every URL of feeds, sitemap, robots.txt, the API and JSON-LD', () => {
    const outside: string[] = [];
    let checked = 0;
    const readable = files().filter((file) => ['.xml', '.json', '.txt'].includes(extname(file)) || file.endsWith('.html'));
    for (const file of readable) {
      if (file.startsWith('data/') || file.startsWith('pagefind')) continue;
      const text = readFileSync(join(out, file), 'utf8');
      for (const [url] of text.matchAll(/https?:\/\/127\.0\.0\.1:\d+[^\s"'<>)]*/g)) {
        checked++;
        if (!url.startsWith(site)) outside.push(`${file}: ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: ${BASE}\n\nSitemap: ${site}sitemap.xml\n`);
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain(`<loc>${site}tmad/v6.0/</loc>`);
  });

  it('reads in Chromium: home, a version, a clause, search, an in-browser comparison', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // A request cut short by the next navigation (ERR_ABORTED) did not fail to load.
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on('pageerror', (error) => failed.push(`error ${error.message}`));
    try {
      await page.goto(site);
      // The site's stylesheet (under the path) applies: the header is laid out as a flex row.
      expect(await page.locator('.site-header-inner').evaluate((e) => getComputedStyle(e).display)).toBe('flex');

      await page.getByRole('link', { name: 'v6.0', exact: true }).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${BASE}tmad/v6.0/`);
      await page.getByRole('heading', { level: 1 }).waitFor();

      await page.goto(`${site}tmad/latest/#8.6`);
      await page.waitForURL(`${site}tmad/v6.0/#8.6`);
      expect(await page.locator('[id="8.6"]').isVisible()).toBe(true);

      await page.goto(`${site}search/?q=UTRN`);
      const result = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('href')).toMatch(new RegExp(`^${BASE}[a-z0-9-]+/v[^/]+/#`));
      await result.click();
      await page.waitForURL((url) => url.pathname.startsWith(`${BASE}`) && url.hash.length > 1);
      await page.getByRole('heading', { level: 1 }).waitFor();

      // A pair not built in advance: the page fetches both versions' data and runs the worker, all under the path.
      await page.goto(`${site}s1sr/compare/v3.0...v4.0-aclara-draft/`);
      const compared = page.locator('[data-slot="compare"] [data-slot-content]');
      await compared.locator('a[href]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('.compare-fallback').isHidden()).toBe(true);
      const hrefs = await compared.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => href.startsWith('/') && !href.startsWith(BASE))).toEqual([]);

      expect(failed).toEqual([]);
      // The 404 page, for an address under the path, is styled too.
      const missing = await page.goto(`${site}no-such-page/`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator('.site-header-inner').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    } finally {
      await context.close();
    }
  });
});
