import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run bench` at a tiny scale, only to prove that it runs and reports every figure: its
 * timings mean nothing here and nothing is asserted about them (see README, Benchmarks).
 */
const work = mkdtempSync(join(tmpdir(), 'sec-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('builds a generated corpus and writes every figure', () => {
    const json = join(work, 'run.json');
    const run = spawnSync(
      process.execPath,
      ['bench/run.ts', '--documents', '2', '--versions', '4', '--clauses', '30', '--big-clauses', '150', '--json', json, '--work', join(work, 'bench')],
      { encoding: 'utf8', env: { ...process.env, SEC_CACHE_DIR: join(work, 'cache') } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('full build');
    const figures = JSON.parse(readFileSync(json, 'utf8'));
    expect(figures.scale).toMatchObject({ documents: 2, versions: 4, clauses: 30, bigClauses: 150 });
    expect(figures.build.pages).toBeGreaterThan(20);
    expect(Object.keys(figures.pageTypes)).toEqual(expect.arrayContaining(['version', 'compare (pre-built)', 'compare (in browser)', 'clause history']));
    expect(figures.pageTypes.version.gzipBytes.median).toBeGreaterThan(0);
    expect(figures.build.incremental.seconds).toBeGreaterThan(0);
    // The rebuild with nothing changed keeps the site of the build before, and runs no step.
    expect(figures.build.unchanged).toMatchObject({ keptUnchanged: true, pages: null });
    expect(figures.build.full.keptUnchanged).toBe(false);
    expect(figures.build.incremental.pages.reused).toBeGreaterThan(0);
    expect(figures.build.full.pages.reused).toBe(0);
    expect(figures.bigCompare.gzipBytes).toBeGreaterThan(0);
    expect(figures.search.indexBytes.inEffect).toBeGreaterThan(0);
    expect(figures.search.indexBytes.allVersions).toBeGreaterThan(figures.search.indexBytes.inEffect);
    expect(figures.search.firstQuery).toMatchObject({ path: '/search/?q=migration', bytesByKind: { meta: expect.any(Number), runtime: expect.any(Number) } });
    expect(figures.search.firstQuery.indexBytes).toBeGreaterThan(0);
    expect(figures.search.firstQueryAllVersions.path).toBe('/search/all/?q=migration');
    // No filter is fetched by a query that narrows by nothing.
    expect(figures.search.firstQueryAllVersions.bytesByKind.filters).toBeUndefined();
    expect(figures.search.firstQueryAllVersions.bytesByKind.meta).toBeGreaterThan(0);
    expect(figures.compareInBrowser.renderMsMedian).toBeGreaterThan(0);
    expect(figures.compareInBrowser.computeMsMedian).toBeGreaterThan(0);
    expect(figures.diffEngine.clauseFirstMs).toBeGreaterThan(0);
    expect(figures.diffEngine.jsdiffWholeTextMs).toBeGreaterThan(0);
    expect(figures.diffEngine.clauses.rewordedPairs).toBeGreaterThan(0);
    // Three builds (full, nothing changed, one version added) and a browser.
  }, 600_000);
});
