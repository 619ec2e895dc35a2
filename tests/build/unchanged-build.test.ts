/**
 * A build with nothing changed since the last (content, code, as-of date, site address) keeps
 * the site it wrote and runs no step; any change to those, or to the site on disk, builds again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInputsKey } from '../../scripts/lib/unchanged-build.ts';
import { runBuild } from './run-build.ts';
import { minimalContent, snapshot } from './site-folders.ts';

const work = mkdtempSync(join(tmpdir(), 'unchanged-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KEPT = /nothing changed since the last build .*: \S+ kept as it is/;

describe('a build with nothing changed', () => {
  it('keeps the site, and builds again when the content, the as-of date or the site on disk changed', () => {
    const content = minimalContent(work, 'content');
    const out = join(work, 'dist');
    const first = runBuild(content, out);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(KEPT);
    const built = snapshot(out);

    const again = runBuild(content, out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(KEPT);
    expect(again.stdout).not.toMatch(/^pages: /m);
    expect(snapshot(out)).toEqual(built);

    // Another day: statuses may differ, so every step runs (pages come from the cache where their keys hold).
    const otherDay = runBuild(content, out, { SEC_AS_OF: '2024-01-02' });
    expect(otherDay.status, otherDay.stderr).toBe(0);
    expect(otherDay.stdout).not.toMatch(KEPT);
    expect(otherDay.stdout).toMatch(/^pages: /m);
    const dayTwo = snapshot(out);

    // A page of the site edited by hand since: built again, and the page is the build's once more.
    const page = join(out, 'index.html');
    writeFileSync(page, 'edited');
    const edited = runBuild(content, out, { SEC_AS_OF: '2024-01-02' });
    expect(edited.stdout).not.toMatch(KEPT);
    expect(snapshot(out).get('index.html')).toBe(dayTwo.get('index.html'));

    // The content changed, even with the same size and time.
    const source = join(content, 'documents', 'td', 'v2.0.md');
    const kept = runBuild(content, out, { SEC_AS_OF: '2024-01-02' });
    expect(kept.stdout).toMatch(KEPT);
    writeFileSync(source, readFileSync(source, 'utf8').replace('promptly', 'PROMPTLY'));
    utimesSync(source, new Date(0), new Date(0));
    const changed = runBuild(content, out, { SEC_AS_OF: '2024-01-02' });
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).not.toMatch(KEPT);
  }, 300_000);
});

describe('buildInputsKey', () => {
  it('changes with a file of the content, a setting, and nothing else of what it is given', async () => {
    const content = minimalContent(work, 'keyed');
    const key = await buildInputsKey(content, { asOf: '2024-01-01' });
    expect(await buildInputsKey(content, { asOf: '2024-01-01' })).toBe(key);
    expect(await buildInputsKey(content, { asOf: '2024-01-02' })).not.toBe(key);
    writeFileSync(join(content, 'documents', 'td', 'extra.txt'), 'x');
    expect(await buildInputsKey(content, { asOf: '2024-01-01' })).not.toBe(key);
  });

  it("changes with a file of the project's code (src/, scripts/, the lockfile, …)", async () => {
    const content = minimalContent(work, 'keyed-code');
    const project = join(work, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src', 'a.ts'), 'export const a = 1;');
    writeFileSync(join(project, 'package-lock.json'), '{}');
    const key = await buildInputsKey(content, {}, project);
    writeFileSync(join(project, 'src', 'a.ts'), 'export const a = 2;');
    const edited = await buildInputsKey(content, {}, project);
    expect(edited).not.toBe(key);
    writeFileSync(join(project, 'package-lock.json'), '{ }');
    const locked = await buildInputsKey(content, {}, project);
    expect(locked).not.toBe(edited);
    writeFileSync(join(project, 'notes.md'), 'not an input');
    expect(await buildInputsKey(content, {}, project)).toBe(locked);
  });
});
