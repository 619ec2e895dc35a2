import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from './run-build.ts';

/**
 * Same content in, same bytes out: two builds of the shipped content, from copies in two
 * different folders into two different output folders (each with its own Astro cache), give
 * byte-identical sites, Pagefind index and Astro's hashed assets included.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('reproducible builds', () => {
  it('two builds of the same content are byte-identical, file by file', () => {
    const outs = ['first', 'second'].map((name) => {
      const content = join(work, name, 'content');
      cpSync('content', content, { recursive: true });
      const out = join(work, name, 'site');
      const run = runBuild(content, out);
      expect(run.status, run.stderr).toBe(0);
      return out;
    });
    const [a, b] = outs as [string, string];
    const list = files(a);
    expect(list).toEqual(files(b));
    expect(list.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(10);
    expect(list.some((f) => /^_astro\/.+\.[\w-]{8}\.(?:js|css)$/.test(f))).toBe(true);
    const differing = list.filter((file) => !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
    expect(differing).toEqual([]);
  });
});
