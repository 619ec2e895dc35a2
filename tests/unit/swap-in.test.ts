import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardInBackground, discardLeftovers, repairCopySwap, swapIn, type SwapFs } from '../../scripts/lib/swap-in.ts';

/**
 * Issue 17, item 10: an output folder on another file system than its parent (a mounted
 * volume) cannot be renamed into place (EXDEV; EBUSY for the mount point itself). The swap
 * falls back to copying in and swapping inside the folder. A rename that fails that way is
 * staged here: a real mount needs privileges a test does not have.
 */
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'sec-swap-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function site(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Renames that fail as across file systems whenever they touch `mount` itself (not what is inside it). */
function mountedAt(mount: string, code: 'EXDEV' | 'EBUSY'): SwapFs {
  return {
    rename: async (from, to) => {
      if (from === mount || to === mount) throw Object.assign(new Error(`${code}: cross-device link`), { code });
      await rename(from, to);
    },
  };
}

describe('swapIn', () => {
  it('renames when it can', async () => {
    const out = join(work, 'site');
    site(out, { 'index.html': 'old' });
    site(`${out}.staging`, { 'index.html': 'new' });
    expect(await swapIn(`${out}.staging`, out, `${out}.previous`)).toBe('rename');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(work)).toEqual(['site']);
  });

  it.each(['EXDEV', 'EBUSY'] as const)('copies and swaps inside the folder when a rename fails with %s', async (code) => {
    const out = join(work, 'site');
    site(out, { 'index.html': 'old', 'gone/index.html': 'old page' });
    site(`${out}.staging`, { 'index.html': 'new', 'td/index.html': 'new page' });
    expect(await swapIn(`${out}.staging`, out, `${out}.previous`, mountedAt(out, code))).toBe('copy');
    expect(readdirSync(out).sort()).toEqual(['index.html', 'td']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'td/index.html'), 'utf8')).toBe('new page');
    expect(readdirSync(work)).toEqual(['site']);
  });

  it('a copy swap stopped half way is undone by the next build: the old site comes back whole', async () => {
    const out = join(work, 'site');
    // The state after two of the old entries moved out and one new entry moved in.
    site(out, { 'td/index.html': 'new page', '.sec-previous/index.html': 'old', '.sec-previous/gone/index.html': 'old page', '.sec-incoming/x.html': 'new' });
    expect(await repairCopySwap(out)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['gone', 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(await repairCopySwap(out)).toBe(false);
    expect(existsSync(join(out, '.sec-incoming'))).toBe(false);
  });
});

/** Waits (up to 20 s) until `done` holds: a deletion in another process ends when it ends. */
async function eventually(done: () => boolean): Promise<boolean> {
  for (let k = 0; k < 200 && !done(); k++) await new Promise((resolve) => setTimeout(resolve, 100));
  return done();
}

describe('discarding the replaced site', () => {
  it('hands the retired site to a deletion of its own once the new one is in place', async () => {
    const out = join(work, 'site');
    site(out, { 'index.html': 'old', 'a/index.html': 'old page' });
    site(`${out}.staging`, { 'index.html': 'new' });
    const handed: string[] = [];
    const discard = async (retired: string) => {
      // The new site is already in place when the old one is handed over.
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
      handed.push(retired);
      await discardInBackground(retired);
    };
    expect(await swapIn(`${out}.staging`, out, `${out}.previous`, undefined, discard)).toBe('rename');
    expect(handed).toEqual([`${out}.previous`]);
    // Renamed out of the way at once: a build never finds it under the retired site's name.
    expect(existsSync(`${out}.previous`)).toBe(false);
    expect(await eventually(() => readdirSync(work).length === 1)).toBe(true);
    expect(readdirSync(work)).toEqual(['site']);
  });

  it('deletes what a stopped deletion left, and nothing else beside the site', async () => {
    const out = join(work, 'site');
    site(out, { 'index.html': 'live' });
    site(`${out}.previous.discard-123-456`, { 'index.html': 'old', 'b/index.html': 'old page' });
    site(`${out}.previous-notes`, { 'keep.txt': 'not ours' });
    await discardLeftovers(`${out}.previous`);
    expect(await eventually(() => !existsSync(`${out}.previous.discard-123-456`))).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['site', 'site.previous-notes']);
    // No folder at all beside it: nothing to do.
    await discardLeftovers(join(work, 'absent', 'site.previous'));
  });
});
