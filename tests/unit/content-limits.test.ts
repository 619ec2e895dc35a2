import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/check-site.ts';
import { CONTENT_LIMITS } from '#content/content-limits.ts';
import { loadTombstones } from '#content/tombstones.ts';
import { formatProblem } from '#model/content-problem.ts';
import { siteFolders } from '#node/site-folders.ts';

/**
 * Hostile and oversized content too large or too strange to keep in the catalogue of
 * tests/fixtures/bad-content/ (a 30 MB file, a named pipe, a link to itself): each is refused
 * with one message at file:line, before the work it would have overwhelmed.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const AS_OF = '2024-01-01';
const FRONT = '---\nversion: "3.0"\nstatus: consultation-draft\npublished: 2021-03-13\n---\n';

/** A second document: a copy of td's index.md and v1.0.md (which no direction names) in a folder named `name`. */
function copyDocument(td: string, root: string, name: string): void {
  mkdirSync(join(root, 'documents', name));
  for (const file of ['index.md', 'v1.0.md']) cpSync(join(td, file), join(root, 'documents', name, file));
}

/** A copy of the minimal site with one more version file (or other entry) written by `add`. */
async function check(name: string, add: (td: string, root: string) => void): Promise<string[]> {
  const root = join(work, name);
  cpSync('tests/fixtures/site-minimal', root, { recursive: true });
  add(join(root, 'documents/td'), root);
  const { site, lines } = await checkContent(root, AS_OF);
  expect(site).toBeUndefined();
  return lines.filter((line) => /^\S.*:\d+:\d+ error: /.test(line)).map((line) => (line.split('\n')[0] ?? '').replaceAll(`${root}/`, 'content/'));
}

describe('content refused before it is read or parsed', { timeout: 120_000 }, () => {
  it('a version of 30 MB: refused by its size, unread', async () => {
    const errors = await check('huge', (td) => writeFileSync(join(td, 'v3.0.md'), FRONT + '1.1 The DCC shall act.\n\n'.repeat(1_320_000)));
    expect(errors).toEqual(['content/documents/td/v3.0.md:1:1 error: file of 30.2 MB, more than 4 MB']);
  });

  it('a version of 50,000 clauses: refused at the line where the count passes the limit', async () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `${i + 1} The DCC shall act.\n`).join('\n');
    const errors = await check('clauses', (td) => writeFileSync(join(td, 'v3.0.md'), FRONT + body));
    expect(errors).toEqual([`content/documents/td/v3.0.md:${5 + 2 * CONTENT_LIMITS.clauses + 1}:1 error: more than ${CONTENT_LIMITS.clauses} clauses in one version`]);
  });

  it('a list nested 1,500 deep, and quotes 2,000 deep: refused at the first line too deep', async () => {
    const list = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(await check('list', (td) => writeFileSync(join(td, 'v3.0.md'), `${FRONT}## 1 Scope\n\n${list}\n`))).toEqual([
      'content/documents/td/v3.0.md:40:1 error: lists or quotes nested 33 deep, more than 32',
    ]);
    const quotes = `${'> '.repeat(2000)}deep\n`;
    expect(await check('quotes', (td) => writeFileSync(join(td, 'v3.0.md'), `${FRONT}## 1 Scope\n\n${quotes}`))).toEqual([
      'content/documents/td/v3.0.md:8:1 error: lists or quotes nested 2000 deep, more than 32',
    ]);
  });

  it('a link to itself where a version should be: refused, not followed', async () => {
    expect(await check('loop', (td) => symlinkSync('v3.0.md', join(td, 'v3.0.md')))).toEqual([
      'content/documents/td/v3.0.md:1:1 error: symbolic link that leads to itself (a loop)',
    ]);
  });

  it('a folder where a version should be: refused, not read', async () => {
    expect(await check('folder', (td) => mkdirSync(join(td, 'v3.0.md')))).toEqual(['content/documents/td/v3.0.md:1:1 error: is a folder, not a file']);
  });

  it('a named pipe where a version should be: refused, not waited on', async () => {
    expect(await check('fifo', (td) => execFileSync('mkfifo', [join(td, 'v3.0.md')]))).toEqual(['content/documents/td/v3.0.md:1:1 error: is a named pipe (FIFO), not a file']);
  });

  it('tombstones.yaml as a link to itself: refused, not taken for "no tombstones"', async () => {
    expect(await check('tombstones-loop', (_, root) => symlinkSync('tombstones.yaml', join(root, 'tombstones.yaml')))).toEqual([
      'content/tombstones.yaml:1:1 error: symbolic link that leads to itself (a loop)',
    ]);
  });

  it('a document id of 250 characters: refused before it names a file', async () => {
    const errors = await check('long-id', (td, root) => copyDocument(td, root, 'd'.repeat(250)));
    expect(errors).toEqual([`content/documents/${'d'.repeat(250)}/index.md:1:1 error: id of 250 characters, more than 64`]);
  });

  it('never echoes terminal escape codes from content', async () => {
    const errors = await check('escape', (td, root) => copyDocument(td, root, 'td\u001b[2J'));
    expect(errors.join('\n')).not.toContain('\u001b');
    expect(errors[0]).toBe('content/documents/td\\u{1b}[2J/index.md:1:1 error: "td\\u{1b}[2J" cannot be used as an id in URLs');
    expect(formatProblem({ file: 'f', line: 1, column: 1, severity: 'error', message: 'a\u001b[31mb\nc\u009bd' })).toBe('f:1:1 error: a\\u{1b}[31mb\\u{a}c\\u{9b}d');
  });
});

describe('tombstones at scale', () => {
  it('reads 5,000 entries, converting the YAML once', () => {
    const yaml = Array.from({ length: 5000 }, (_, i) => `- url: /td/v0.${i}/\n  reason: Withdrawn.\n  goTo: /td/v2.0/\n`).join('');
    const { tombstones, problems } = loadTombstones('t.yaml', yaml);
    expect(problems).toEqual([]);
    expect(tombstones).toHaveLength(5000);
    expect(tombstones[4999]).toEqual({ url: '/td/v0.4999/', page: '/td/v0.4999/', reason: 'Withdrawn.', goTo: '/td/v2.0/', line: 14998 });
  });
});

describe('the names the build writes itself', () => {
  it('are derived from src/pages, public/, Astro and the search bundles the build moves in', () => {
    const names = siteFolders();
    for (const name of ['api', 'data', 'directions', 'feeds', 'search', 'sitemap.xml', '_astro', 'pagefind', 'pagefind-in-effect']) expect(names).toContain(name);
    // Dynamic routes are not names: `[doc]` is where documents go.
    expect([...names].some((name) => name.includes('['))).toBe(false);
  });

  it('follow a new route folder without a list to update', () => {
    const root = join(work, 'routes');
    mkdirSync(join(root, 'src/pages/changes'), { recursive: true });
    writeFileSync(join(root, 'src/pages/atom.xml.ts'), '');
    expect([...siteFolders(root)].sort()).toEqual(['_astro', 'atom.xml', 'changes']);
  });
});
