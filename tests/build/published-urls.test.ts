import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium.ts';
import { buildEnv, runBuild } from './run-build.ts';
import { serveStatic } from './serve-static.ts';

/**
 * Published URLs never break: the real build checks every link, records what it publishes in
 * the content folder's ledger (`npm run ledger:update`), refuses to drop a recorded URL, and
 * serves a tombstone for one that is given one in `tombstones.yaml`.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-urls-'));
const content = join(work, 'content');
const out = join(work, 'site');
const ledger = join(content, 'published-urls.txt');
const v2 = join(content, 'documents/td/v2.0.md');
const original = { v2: '' };

function updateLedger() {
  return spawnSync(process.execPath, ['scripts/update-ledger.ts'], { env: buildEnv(content, out), encoding: 'utf8' });
}

function urls(): string[] {
  return readFileSync(ledger, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('/'));
}

beforeAll(() => {
  cpSync('tests/fixtures/site-minimal', content, { recursive: true });
  original.v2 = readFileSync(v2, 'utf8');
  const first = runBuild(content, out);
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/links: \d+ links on \d+ pages resolve; 0 published URLs in place/);
  const update = updateLedger();
  expect(update.status, update.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the ledger of published URLs', () => {
  it('records every page and clause anchor, sorted, once', () => {
    const recorded = urls();
    expect(recorded).toEqual([...new Set(recorded)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Clause anchors are those of version pages only.
    expect(recorded.filter((url) => url.includes('#')).every((url) => /^\/td\/v\d\.\d\/#/.test(url))).toBe(true);
    expect(recorded).toEqual(
      expect.arrayContaining([
        '/',
        '/directions/',
        '/directions/2020-07-24-test/',
        '/search/',
        '/td/',
        '/td/compare/v1.0...v2.0/',
        '/td/latest/',
        '/td/v1.0/',
        '/td/v1.0/#1',
        '/td/v1.0/#1.1',
        '/td/v1.0/#1.2',
        '/td/v2.0/',
        '/td/v2.0/#1',
        '/td/v2.0/#1.1',
        '/td/v2.0/#1.2',
      ]),
    );
    expect(readFileSync(ledger, 'utf8')).toMatch(/^# Every URL this site has published/);
  });

  it('stops a build that drops a published clause, naming it, and publishes nothing', () => {
    const before = readFileSync(join(out, 'td/v2.0/index.html'), 'utf8');
    writeFileSync(v2, original.v2.replace('\n1.2 A Supplier Party shall tell the DCC.\n', '\n'));
    const run = runBuild(content, out);
    expect(run.status).toBe(1);
    const line = readFileSync(ledger, 'utf8').split('\n').indexOf('/td/v2.0/#1.2') + 1;
    expect(run.stderr).toContain(`${ledger}:${line}:1 error: /td/v2.0/#1.2 was published, and this build no longer has it`);
    expect(readFileSync(join(out, 'td/v2.0/index.html'), 'utf8')).toBe(before);
  });

  it('publishes with a tombstone: the dropped anchor lands on a note that explains and links on', () => {
    writeFileSync(
      join(content, 'tombstones.yaml'),
      ['- url: /td/v2.0/#1.2', '  reason: Clause 1.2 was folded into clause 1.1 by a correction.', '  goTo: /td/v2.0/#1.1', ''].join('\n'),
    );
    const run = runBuild(content, out);
    expect(run.status, run.stderr).toBe(0);
    const page = readFileSync(join(out, 'td/v2.0/index.html'), 'utf8');
    expect(page).toContain('<li id="1.2"><strong>#1.2</strong>: Clause 1.2 was folded into clause 1.1 by a correction. <a href="/td/v2.0/#1.1">Go to /td/v2.0/#1.1</a></li>');
  });

  it('publishes a dropped page as a tombstone page, and the ledger keeps every URL', () => {
    rmSync(join(content, 'documents/td/v1.0.md'));
    const withoutTombstone = runBuild(content, out);
    expect(withoutTombstone.status).toBe(1);
    expect(withoutTombstone.stderr).toContain('/td/v1.0/ was published, and this build no longer has it');
    expect(withoutTombstone.stderr).toContain('/td/compare/v1.0...v2.0/ was published, and this build no longer has it');
    expect(withoutTombstone.stderr).toContain('/td/clauses/1.2/ was published, and this build no longer has it');

    writeFileSync(
      join(content, 'tombstones.yaml'),
      [
        readFileSync(join(content, 'tombstones.yaml'), 'utf8').trimEnd(),
        '- url: /td/v1.0/',
        '  reason: Version 1.0 was never designated; it was published here in error.',
        '  goTo: /td/v2.0/',
        '- url: /td/compare/v1.0...v2.0/',
        '  reason: There is no version 1.0 to compare with.',
        '  goTo: /td/',
        // Clause 1.2 existed only in v1.0 (v2.0 dropped it above), so its history page goes too.
        '- url: /td/clauses/1.2/',
        '  reason: Clause 1.2 was only in version 1.0, which was published here in error.',
        '  goTo: /td/',
        '',
      ].join('\n'),
    );
    const run = runBuild(content, out);
    expect(run.status, run.stderr).toBe(0);
    const tombstone = readFileSync(join(out, 'td/v1.0/index.html'), 'utf8');
    expect(tombstone).toContain('<h1>This page has been removed</h1><p>Version 1.0 was never designated; it was published here in error.</p>');
    expect(tombstone).toContain('<a href="/td/v2.0/">Go to /td/v2.0/</a>');
    expect(tombstone).toContain('<meta name="robots" content="noindex">');
    expect(existsSync(join(out, 'td/compare/v1.0...v2.0/index.html'))).toBe(true);

    const before = urls();
    expect(updateLedger().status).toBe(0);
    expect(urls()).toEqual(before);
  });

  it('tombstone pages and removed-clause notes pass axe (WCAG 2.2 A and AA)', async () => {
    const server = await serveStatic(out);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      for (const url of ['/td/v1.0/', '/td/compare/v1.0...v2.0/', '/td/v2.0/#1.2']) {
        await page.goto(`${server.url}${url}`);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(results.violations.map((v) => `${url} ${v.id}`)).toEqual([]);
      }
      await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.textContent ?? '')).toContain('folded into clause 1.1');
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('refuses a tombstone for a page the site still has', () => {
    writeFileSync(join(content, 'tombstones.yaml'), '- url: /td/v2.0/\n  reason: Not really gone.\n  goTo: /td/\n');
    writeFileSync(v2, original.v2);
    const run = runBuild(content, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tombstones.yaml:1:1 error: tombstone for /td/v2.0/, but the site still has that page');
  });
});
