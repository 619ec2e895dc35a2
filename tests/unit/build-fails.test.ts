import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real build command on broken content: it must stop before building, name the file and
 * the problem, and leave the previously built site alone.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(name: string, breakIt: (root: string) => void) {
  const root = join(work, name);
  cpSync('tests/fixtures/site-minimal', root, { recursive: true });
  breakIt(root);
  const out = join(work, `${name}-dist`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), 'previous site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, SEC_CONTENT_DIR: root, SEC_OUT_DIR: out },
    encoding: 'utf8',
  });
  return { ...result, root, previous: readFileSync(join(out, 'index.html'), 'utf8') };
}

function edit(file: string, from: string, to: string) {
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

describe('npm run build on bad content', () => {
  it('stops on an invalid date', () => {
    const run = buildWith('bad-date', (root) => edit(join(root, 'documents/td/v1.0.md'), 'designated: 2020-06-15', 'designated: 2020-06-31'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${run.root}/documents/td/v1.0.md:4:1 error: designated: impossible date 2020-06-31: there is no such day`);
    expect(run.stderr).toContain('nothing was built');
    expect(run.previous).toBe('previous site');
  });

  it('stops on an unknown direction', () => {
    const run = buildWith('bad-direction', (root) => edit(join(root, 'documents/td/v2.0.md'), 'direction: 2020-07-24-test', 'direction: 2020-07-25-test'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${run.root}/documents/td/v2.0.md:6:1 error: unknown direction "2020-07-25-test"`);
    expect(run.previous).toBe('previous site');
  });

  it('stops on a link to a clause that does not exist', () => {
    const run = buildWith('bad-clause', (root) => edit(join(root, 'documents/td/v2.0.md'), '1.2 A Supplier', '1.2 [A](#9.9) Supplier'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${run.root}/documents/td/v2.0.md:13:1 error: link to clause 9.9, which does not exist in this version`);
    expect(run.previous).toBe('previous site');
  });
});
