import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repairCopySwap, swapIn, type SwapFs } from '../../scripts/lib/swap-in.ts';

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
