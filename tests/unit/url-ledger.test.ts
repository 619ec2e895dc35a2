import { describe, expect, it } from 'vitest';
import { readPageLinks, type BuiltPage } from '../../scripts/lib/read-page-links.ts';
import { formatProblem } from '#model/content-problem.ts';
import { loadTombstones } from '#content/tombstones.ts';
import { checkLedger, formatLedger, LEDGER_HEADER, parseLedger, publishedUrls } from '../../scripts/lib/url-ledger.ts';

function pages(html: Record<string, string>): Map<string, BuiltPage> {
  return new Map(Object.entries(html).map(([url, text]) => [url, readPageLinks(url, text)]));
}

const clause = (id: string) => `<div id="${id}" class="clause">${id}</div>`;
const built = pages({
  '/': '<h1>Home</h1>',
  '/404.html': '<h1>Not found</h1>',
  '/tmad/v6.0/': `<main id="main">${clause('8.6')}${clause('8.7')}<li id="8.5">note</li></main>`,
  '/tmad/v6.1/': '<div class="tombstone">Removed</div>',
});

function check(ledgerText: string, tombstonesYaml = '') {
  const tombstones = loadTombstones('content/tombstones.yaml', tombstonesYaml);
  expect(tombstones.problems).toEqual([]);
  return checkLedger({ file: 'content/published-urls.txt', entries: parseLedger(ledgerText) }, built, { file: 'content/tombstones.yaml', entries: tombstones.tombstones });
}

describe('the ledger file', () => {
  it('reads one URL per line, skipping comments and blank lines, keeping line numbers', () => {
    expect(parseLedger('# header\n\n/a/\r\n/a/#1\n')).toEqual([
      { url: '/a/', line: 3 },
      { url: '/a/#1', line: 4 },
    ]);
  });

  it('writes the header then every URL once, sorted the same way everywhere', () => {
    expect(formatLedger(['/b/', '/a/#2', '/a/', '/b/', '/a/#10'])).toBe(`${LEDGER_HEADER.join('\n')}\n/a/\n/a/#10\n/a/#2\n/b/\n`);
  });
});

describe('publishedUrls', () => {
  it('lists pages and their clause anchors, not the 404 page or tombstones', () => {
    expect(publishedUrls(built.values())).toEqual(['/', '/tmad/v6.0/', '/tmad/v6.0/#8.6', '/tmad/v6.0/#8.7']);
  });
});

describe('checkLedger', () => {
  it('accepts a build that keeps every published URL, and lists what it adds', () => {
    const result = check('/\n/tmad/v6.0/\n/tmad/v6.0/#8.6\n');
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual(['/tmad/v6.0/#8.7']);
  });

  it('refuses to drop a published page or clause anchor, naming the ledger line', () => {
    const result = check('/\n/tmad/v5.0/\n/tmad/v6.0/#8.4\n');
    expect(result.problems.map(formatProblem)).toEqual([
      'content/published-urls.txt:2:1 error: /tmad/v5.0/ was published, and this build no longer has it\n' +
        '  hint: restore it, or add a tombstone for it to content/tombstones.yaml (url, reason, goTo): published URLs are cited and must keep working',
      'content/published-urls.txt:3:1 error: /tmad/v6.0/#8.4 was published, and this build no longer has it\n' +
        '  hint: restore it, or add a tombstone for it to content/tombstones.yaml (url, reason, goTo): published URLs are cited and must keep working',
    ]);
  });

  it('accepts a dropped page whose tombstone page is built, and a dropped anchor shown on its page', () => {
    const tombstones = [
      '- url: /tmad/v6.1/',
      '  reason: Published in error.',
      '  goTo: /tmad/v6.0/',
      '- url: /tmad/v6.0/#8.5',
      '  reason: Merged into 8.6.',
      '  goTo: /tmad/v6.0/#8.6',
    ].join('\n');
    expect(check('/tmad/v6.1/\n/tmad/v6.1/#1.1\n/tmad/v6.0/#8.5\n', tombstones).problems).toEqual([]);
  });

  it('refuses a tombstone that the build does not serve, or that stands for something still published', () => {
    const tombstones = [
      '- url: /tmad/v5.0/',
      '  reason: Gone.',
      '  goTo: /tmad/v6.0/',
      '- url: /tmad/v6.0/',
      '  reason: Still here.',
      '  goTo: /',
      '- url: /tmad/v6.0/#8.7',
      '  reason: Still here.',
      '  goTo: /',
      '- url: /tmad/v6.0/#8.1',
      '  reason: Not shown.',
      '  goTo: /',
    ].join('\n');
    const messages = check('/tmad/v5.0/\n', tombstones).problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(messages).toEqual([
      'content/tombstones.yaml:4 tombstone for /tmad/v6.0/, but the site still has that page',
      'content/tombstones.yaml:7 tombstone for /tmad/v6.0/#8.7, but the page still has that clause',
      'content/tombstones.yaml:10 tombstone for /tmad/v6.0/#8.1 is not shown on /tmad/v6.0/',
      'content/published-urls.txt:1 /tmad/v5.0/ was published, and this build no longer has it',
    ]);
  });
});

describe('loadTombstones', () => {
  it('reads url, reason and where to go, splitting page and anchor', () => {
    const { tombstones, problems } = loadTombstones('t.yaml', '- url: /tmad/v6.0/#8.5%20a\n  reason: Merged.\n  goTo: /tmad/v6.0/#8.6\n');
    expect(problems).toEqual([]);
    expect(tombstones).toEqual([{ url: '/tmad/v6.0/#8.5%20a', page: '/tmad/v6.0/', anchor: '8.5 a', reason: 'Merged.', goTo: '/tmad/v6.0/#8.6', line: 1 }]);
  });

  it('names the line of each bad entry', () => {
    const yaml = [
      '- url: tmad/v6.0/',
      '  reason: No leading slash.',
      '  goTo: /',
      '- url: /tmad/v6.1/',
      '  goTo: /tmad/v6.0/',
      '- url: /tmad/v6.2/',
      '  reason: Fine.',
      '  goTo: javascript:alert(1)',
      '- url: /tmad/v6.3/',
      '  reason: Once.',
      '  goTo: /',
      '- url: /tmad/v6.3/',
      '  reason: Twice.',
      '  goTo: /',
    ].join('\n');
    expect(loadTombstones('t.yaml', yaml).problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '1 tombstone 1: url: write the URL as published, from the first slash: /tmad/v6.1/ or /tmad/v6.0/#8.6',
      '4 tombstone 2: reason: missing or not text',
      '6 tombstone 3: goTo: a URL on this site (/tmad/v6.0/) or an absolute https:// one',
      '12 two tombstones for /tmad/v6.3/ (first at line 9)',
    ]);
  });

  it('refuses a file that is not a list, or not YAML', () => {
    expect(loadTombstones('t.yaml', 'url: /x/\n').problems.map((p) => p.message)).toEqual(['tombstones must be a list']);
    expect(loadTombstones('t.yaml', '- url: [\n').problems[0]?.message).toMatch(/^invalid YAML: /);
    expect(loadTombstones('t.yaml', '').tombstones).toEqual([]);
  });
});

describe('anchor aliases in the ledger', () => {
  it('records an alias like any clause anchor, and refuses a build that drops it', () => {
    const page = (alias: string) => `<h2 id="k" class="clause clause-heading"><span id="${alias}" class="clause-alias"></span>K</h2>`;
    const before = new Map([['/club/v1.0/', readPageLinks('/club/v1.0/', page('k-payment'))]]);
    expect(publishedUrls(before.values())).toEqual(['/club/v1.0/', '/club/v1.0/#k', '/club/v1.0/#k-payment']);
    const after = new Map([['/club/v1.0/', readPageLinks('/club/v1.0/', page('payment'))]]);
    const ledger = { file: 'content/published-urls.txt', entries: parseLedger(formatLedger(publishedUrls(before.values()))) };
    const { problems } = checkLedger(ledger, after, { file: 'content/tombstones.yaml', entries: [] });
    expect(problems.map((p) => p.message)).toEqual(['/club/v1.0/#k-payment was published, and this build no longer has it']);
  });
});
