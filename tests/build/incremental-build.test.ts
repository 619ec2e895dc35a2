import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AstroRun, LAST_RUN } from '../../scripts/lib/astro-cache.ts';
import { runBuild } from './run-build.ts';
import { snapshot } from './site-folders.ts';

/**
 * Incremental builds (`experimental.incrementalBuild` with the cache keys of
 * src/publish/page-cache-keys.ts): the shipped content is built, one version's Markdown is
 * changed, and the same output folder is built again. Exactly the pages whose inputs changed are
 * rendered again (every other page is copied from the cache kept beside the output folder), and
 * the site is byte for byte the one a clean build of the changed content gives.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lastRun = (out: string): AstroRun => JSON.parse(readFileSync(`${out}.cache/${LAST_RUN}`, 'utf8')) as AstroRun;

/** Output files of routes without a cache key: rendered by every build. */
const UNKEYED = /^(?:index\.html|404\.html|directions\/index\.html|search\/.*|sitemap\.xml|robots\.txt|api\/documents\.json|api\/schemas\/.*|feeds\/.*)$/;

describe('incremental builds', () => {
  it('re-renders exactly the pages whose inputs changed, and gives the bytes of a clean build', () => {
    const content = join(work, 'content');
    cpSync('content', content, { recursive: true });
    const out = join(work, 'site');

    // Every build at the info log level, which names each page Astro copied "(restored)" (the
    // log level is part of what Astro hashes as a page's code: a build at another level renders all).
    const info = { SEC_LOG_LEVEL: 'info' };
    const first = runBuild(content, out, info);
    expect(first.status, first.stderr).toBe(0);
    const firstRun = lastRun(out);
    expect(firstRun.reused).toBe(0);
    const before = snapshot(out);

    // One row of one version reworded: DMVES v1.0, an old version (v2.0 is in effect).
    const file = join(content, 'documents/dmves/v1.0.md');
    const text = readFileSync(file, 'utf8');
    const old = '| Emergency credit setting checked after firmware activation |';
    expect(text.split(old).length).toBe(2);
    writeFileSync(file, text.replace(old, '| Emergency credit setting checked after each firmware activation |'));

    // Astro's own log, with the histories' and the files' steps' (both write outside Astro),
    // must agree with the cache's record of what was copied.
    const second = runBuild(content, out, info);
    expect(second.status, second.stderr).toBe(0);
    const run = lastRun(out);
    const historiesLine = /clause histories: (\d+) rendered, (\d+) copied/.exec(second.stdout);
    expect(historiesLine, second.stdout).not.toBeNull();
    expect(Number(historiesLine?.[2])).toBeGreaterThan(0);
    // The downloads and data files, written outside Astro beside it, keep a cache of their own too.
    const filesLine = /downloads and data: (\d+) files rendered, (\d+) copied/.exec(second.stdout);
    expect(filesLine, second.stdout).not.toBeNull();
    expect(Number(filesLine?.[2])).toBeGreaterThan(0);
    expect((second.stdout.match(/\(restored\)/g)?.length ?? 0) + Number(historiesLine?.[2]) + Number(filesLine?.[2])).toBe(run.reused);
    // The link check read only the re-rendered pages (the copied ones kept their links and targets).
    expect(second.stdout).toMatch(
      new RegExp(`links: \\d+ links on ${run.rendered.filter((f) => f.endsWith('.html')).length} re-rendered pages \\(the other \\d+ unchanged since the last check\\) resolve`),
    );
    const after = snapshot(out);

    const cleanOut = join(work, 'clean');
    const clean = runBuild(content, cleanOut, info);
    expect(clean.status, clean.stderr).toBe(0);
    const fresh = snapshot(cleanOut);

    // Byte-identical to a clean build of the changed content, search index included.
    expect([...after.keys()]).toEqual([...fresh.keys()]);
    expect([...after].filter(([name, hash]) => fresh.get(name) !== hash).map(([name]) => name)).toEqual([]);

    // Every page whose bytes changed was rendered (none was copied stale).
    const differs = [...fresh.keys()].filter((name) => before.get(name) !== fresh.get(name) && !name.startsWith('pagefind'));
    const rendered = new Set(run.rendered);
    expect(differs.filter((name) => !rendered.has(name))).toEqual([]);
    expect(differs).toContain('dmves/v1.0/index.html');

    // Nothing else was rendered but pages without a key and the pages that show DMVES v1.0: its
    // document's pages, its own files, its comparisons, the one clause history that changed, and
    // the version pages of the document whose text names DMVES.
    const unexpected = run.rendered.filter(
      (name) =>
        !UNKEYED.test(name) &&
        !differs.includes(name) &&
        !/^dmves\/(?:index\.html|feed\.xml|in-effect\/index\.html|latest\/index\.html|v[^/]+\/index\.html)$/.test(name) &&
        // S1SR's text names DMVES (its Annex A): its version pages' cross-references may lead there.
        !/^s1sr\/v[^/]+\/index\.html$/.test(name) &&
        !/^(?:api\/dmves\/v1\.0\.(?:json|akn\.xml)|data\/dmves\/v1\.0\.json|dmves\/v1\.0\.docx)$/.test(name) &&
        !/^(?:api\/)?dmves\/compare\/(?:v1\.0\.\.\.[^/]+|[^/]+\.\.\.v1\.0)(?:\/index\.html|\.json|\.docx)$/.test(name),
    );
    expect(unexpected).toEqual([]);
    const histories = (names: string[]) => names.filter((name) => /^[^/]+\/clauses\//.test(name)).sort();
    expect(histories(run.rendered)).toEqual(histories(differs));
    expect(histories(run.rendered).length).toBe(1);
    // The other documents and the directions were copied whole, but for S1SR's version pages (above).
    expect(
      run.rendered.filter((name) => (/^(?:api\/|data\/)?(?:tmad|s1sr)\//.test(name) && !/^s1sr\/v[^/]+\/index\.html$/.test(name)) || /^directions\/[^/]+\//.test(name)),
    ).toEqual([]);
    expect(run.reused).toBeGreaterThan(run.rendered.length * 5);
  }, 600_000);
});
