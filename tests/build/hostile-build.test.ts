import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSearchBundle } from '../../scripts/lib/index-search.ts';
import { buildEnv, runBuild, type BuildRun } from './run-build.ts';
import { minimalContent, snapshot } from './site-folders.ts';

/**
 * A careless administrator and bad timing, against the real build command (issue 17, items 1,
 * 2 and 10): a content folder that is not there or holds nothing, a content folder without its
 * ledger that would drop pages the live site publishes, two builds at once into one folder (and
 * into two), a stale lock, a search bundle missing files, and an output folder that cannot be
 * written. Each ends with one message and the previous site byte for byte as it was.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-hostile-build-'));
const out = join(work, 'site');
let published: Map<string, string>;

const content = (name: string, edit?: (root: string) => void) => minimalContent(work, name, edit);

const leftovers = (dir = out) =>
  ['staging', 'previous', 'pagefind', 'pagefind-in-effect', 'prepared.json', 'search.json', 'search-in-effect.json', 'lock'].filter((suffix) => existsSync(`${dir}.${suffix}`));

/** Starts a build without waiting for it. */
function startBuild(root: string, dir: string, extra: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { env: buildEnv(root, dir, extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

beforeAll(() => {
  const first = runBuild(content('good'), out);
  expect(first.status, first.stderr).toBe(0);
  published = snapshot(out);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('item 1: a content folder that is missing or empty never replaces the site', () => {
  it('SEC_CONTENT_DIR naming a folder that does not exist (a typo)', () => {
    const run = runBuild(join(work, 'contnet'), out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: the content folder ${join(work, 'contnet')} does not exist (SEC_CONTENT_DIR=${join(work, 'contnet')})`);
    expect(run.stderr).toContain(`build failed: nothing was built; ${out}/ is unchanged.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('a folder with no documents/ folder at all', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    const run = runBuild(empty, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: the content folder ${empty} has no documents/ folder: it is not a content folder`);
    expect(snapshot(out)).toEqual(published);
  });

  it('a content folder whose documents/ holds no version', () => {
    const none = content('no-versions', (root) => {
      rmSync(join(root, 'documents/td'), { recursive: true });
      rmSync(join(root, 'directions'), { recursive: true });
      mkdirSync(join(root, 'directions'));
    });
    const run = runBuild(none, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: the content folder ${none} has no document versions: a site without them would replace ${out}/ with empty pages`);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('without a ledger, the site built before stands in for it: a build dropping a clause it publishes fails', () => {
    const dropped = content('dropped-clause', (root) => {
      const file = join(root, 'documents/td/v1.0.md');
      const text = readFileSync(file, 'utf8');
      const line = text.split('\n').find((l) => l.startsWith('1.2 '));
      if (!line) throw new Error('fixture changed: no clause 1.2 in v1.0');
      writeFileSync(file, text.replace(`${line}\n`, ''));
    });
    expect(existsSync(join(dropped, 'published-urls.txt'))).toBe(false);
    const run = runBuild(dropped, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${out}/ error: /td/v1.0/#1.2 is published by the site built before, and this build no longer has it`);
    expect(run.stderr).toContain(`hint: ${dropped}/published-urls.txt (the ledger of published URLs) is missing`);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });
});

describe('item 2: builds at the same time', () => {
  it('a second build into the same folder refuses at once, naming the build that holds it; the first publishes a whole site', async () => {
    const root = content('good');
    // Clean builds: one with nothing changed keeps the site and ends before the other starts.
    const clean = { SEC_CLEAN_BUILD: '1' };
    const [a, b] = await Promise.all([startBuild(root, out, clean), new Promise<BuildRun>((resolve) => setTimeout(() => resolve(startBuild(root, out, clean)), 300))]);
    const [winner, loser] = a.status === 0 ? [a, b] : [b, a];
    expect(winner.status, winner.stderr).toBe(0);
    expect(loser.status).toBe(1);
    expect(loser.stderr).toMatch(new RegExp(`error: process \\d+ on ${hostname()} \\(npm run build into ${out}/, started [^)]+\\) holds ${out}.lock`));
    expect(loser.stderr).toContain('SEC_BUILD_WAIT');
    await checkSearchBundle(join(out, 'pagefind'), JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('with SEC_BUILD_WAIT the second build waits its turn, and both succeed', async () => {
    const root = content('good');
    const wait = { SEC_BUILD_WAIT: '170', SEC_CLEAN_BUILD: '1' };
    const [a, b] = await Promise.all([startBuild(root, out, wait), new Promise<BuildRun>((resolve) => setTimeout(() => resolve(startBuild(root, out, wait)), 300))]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect([a, b].filter((run) => run.stderr.includes(`waiting for process`))).toHaveLength(1);
    expect(snapshot(out)).toEqual(published);
  });

  it('a lock left by a build that was killed is taken over with a note', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid as number;
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: dead, host: hostname(), started: '2024-01-01T00:00:00.000Z', what: 'npm run build' }));
    const run = runBuild(content('good'), out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`note: removed a stale lock ${out}.lock left by process ${dead}`);
    expect(leftovers()).toEqual([]);
  });

  it('builds into two different folders at once both succeed, each with its own staging', async () => {
    const root = content('good');
    const other = join(work, 'other-site');
    const [a, b] = await Promise.all([startBuild(root, out), startBuild(root, other)]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(snapshot(other)).toEqual(snapshot(out));
    expect([...leftovers(), ...leftovers(other)]).toEqual([]);
  });

  it('a search bundle missing files is refused before it is swapped in', async () => {
    const copy = join(work, 'bundle');
    cpSync(join(out, 'pagefind'), copy, { recursive: true });
    const count = readdirSync(join(copy, 'fragment')).length;
    await expect(checkSearchBundle(copy, count)).resolves.toBeUndefined();
    // A small site's bundle may be one Pagefind page (a section of records): every fragment goes.
    for (const name of readdirSync(join(copy, 'fragment'))) rmSync(join(copy, 'fragment', name));
    await expect(checkSearchBundle(copy, count)).rejects.toThrow(`the search bundle ${copy} is incomplete: fragment/ has 0 files for ${count} pages`);
    await expect(checkSearchBundle(copy, count - 1)).rejects.toThrow(`it holds ${count} pages, not the ${count - 1} written`);
  });
});

describe('item 4: a link to a clause of the same version, by fragment alone', () => {
  it('builds, and on the history and comparison pages leads to the clause in its version', () => {
    const root = content('fragment-links', (dir) => {
      const file = join(dir, 'documents/td/v2.0.md');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('1.1 The DCC shall act promptly.', '1.1 The DCC shall act promptly (see [clause 1.2](#1.2) and <a href="#1.2">clause 1.2 again</a>).'),
      );
    });
    const site = join(work, 'fragment-site');
    const run = runBuild(root, site);
    expect(run.status, run.stderr).toBe(0);
    // The links by their text, whatever marks the word diff put inside them. (Clause 1.1 of v2.0
    // is not the 1.1 of v1.0, so its history is at 1.1~v2.0.)
    const hrefs = (page: string) =>
      [...readFileSync(join(site, page), 'utf8').matchAll(/<a href="([^"]*)">((?:(?!<\/a>)[\s\S])*)<\/a>/g)]
        .filter((m) => /^clause 1\.2( again)?$/.test((m[2] ?? '').replace(/<[^>]+>/g, '').trim()))
        .map((m) => m[1]);
    expect(hrefs('td/v2.0/index.html')).toEqual(['#1.2', '#1.2']);
    expect(hrefs('td/clauses/1.1~v2.0/index.html')).toEqual(['/td/v2.0/#1.2', '/td/v2.0/#1.2']);
    expect(hrefs('td/compare/v1.0...v2.0/index.html').length).toBeGreaterThan(0);
    expect(new Set(hrefs('td/compare/v1.0...v2.0/index.html'))).toEqual(new Set(['/td/v2.0/#1.2']));
  });
});

describe('item 10: an output folder that cannot be written', () => {
  it('one message, no stack, nothing left behind', () => {
    // /sys cannot be written even by root: the case of a read-only mount.
    const readOnly = '/sys/sec-versions-test-site';
    const run = runBuild(content('good'), readOnly);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: cannot write \/sys\/sec-versions-test-site\.lock: (operation not permitted|permission denied|the file system is read-only)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(`${readOnly}.staging`)).toBe(false);
  });
});
