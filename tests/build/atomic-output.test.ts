import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AstroRun, cacheIsWhole, LAST_RUN } from '../../scripts/lib/astro-cache.ts';
import { killBuildWhen, runBuild } from './run-build.ts';
import { minimalContent, snapshot } from './site-folders.ts';

/**
 * A failed build never touches the published site: `scripts/build.ts` builds into
 * `<out>.staging` and swaps it in only when everything passed. Each failure here is a real one:
 * bad content, Astro refusing its configuration, a broken link found after the search index is
 * written, and the process killed (SIGKILL, as by the OOM killer or a power cut) mid-build.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-atomic-'));
const out = join(work, 'site');
let published: Map<string, string>;

const content = (name: string, edit?: (root: string) => void) => minimalContent(work, name, edit);

function replace(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

// `<out>.cache` is kept on purpose: the next build copies unchanged pages from it (incremental builds).
const leftovers = () => ['staging', 'previous'].filter((suffix) => existsSync(`${out}.${suffix}`));

beforeAll(() => {
  const first = runBuild(content('good'), out);
  expect(first.status, first.stderr).toBe(0);
  published = snapshot(out);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a failed build leaves the previous site untouched', () => {
  it('when the content has errors', () => {
    const run = runBuild(
      content('bad', (root) => replace(join(root, 'documents/td/v2.0.md'), '1.1 The DCC shall act promptly.', '1.1 The DCC shall act promptly (see [clause 9.9](#9.9)).')),
      out,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: link to clause 9.9, which does not exist in this version');
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('when Astro fails inside its build (a configuration it refuses)', () => {
    const run = runBuild(content('good'), out, { SITE_URL: 'not a url' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid URL');
    expect(run.stderr).toContain(`build failed: ${out}/ is unchanged.`);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('when a link breaks, found after Astro and Pagefind have written everything', () => {
    const broken = content('broken-link', (root) =>
      replace(join(root, 'documents/td/v2.0.md'), '1.1 The DCC shall act promptly.', '1.1 The DCC shall act promptly (see [version 9](/td/v9.0/)).'),
    );
    const run = runBuild(broken, out);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('search index:');
    expect(run.stderr).toContain(
      `${broken}/documents/td/v2.0.md:11:1 error: link to /td/v9.0/ leads nowhere: no page or file at /td/v9.0/\n  hint: correct the link or remove it; if it is relative to the publisher's own site, give the document's index.md that address as linksBase (https://…) (it is on /td/v2.0/#1.1)`,
    );
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });

  it('when the build is killed while Astro writes the new site, and the next build then succeeds', async () => {
    const changed = content('changed', (root) => replace(join(root, 'documents/td/v2.0.md'), 'act promptly', 'act at once'));
    const { killed, run } = await killBuildWhen(changed, out, () => existsSync(`${out}.staging`));
    expect(killed).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(published);
    // Astro was stopped mid-write: its cache may hold pages its manifest does not name.
    expect(await cacheIsWhole(`${out}.cache`)).toBe(false);

    const next = runBuild(changed, out);
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(join(out, 'td/v2.0/index.html'), 'utf8')).toContain('act at once');
    // So the next build started from an empty cache: it copied no page.
    expect((JSON.parse(readFileSync(`${out}.cache/${LAST_RUN}`, 'utf8')) as AstroRun).reused).toBe(0);
    expect(leftovers()).toEqual([]);
    published = snapshot(out);
  });

  it('when a build was killed between retiring the old site and moving the new one in', () => {
    // The moment between the two renames: only the retired site exists.
    renameSync(out, `${out}.previous`);
    const run = runBuild(
      content('bad-again', (root) => replace(join(root, 'documents/td/v1.0.md'), 'designated: 2020-06-15', 'designated: 2020-06-31')),
      out,
    );
    expect(run.status).toBe(1);
    expect(snapshot(out)).toEqual(published);
    expect(leftovers()).toEqual([]);
  });
});
