import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations a swap uses, replaceable in tests (a rename across file systems cannot be staged otherwise). */
export interface SwapFs {
  rename(from: string, to: string): Promise<void>;
}

const INCOMING = '.sec-incoming';
const OUTGOING = '.sec-previous';
const DISCARD = '.sec-discard';

/** Errors a rename gives when the output folder is a mount point of its own, or on another file system than its parent. */
const CROSS_DEVICE = new Set(['EXDEV', 'EBUSY', 'EPERM']);

/**
 * Puts a fully built and checked site (`staging`) in place of `outDir`. Normally two renames
 * on one file system: the old site to `retired`, the new one in. When the output folder is on
 * another file system than its parent (a mounted volume: the rename fails with EXDEV, or EBUSY
 * for the mount point itself), the new site is copied into the output folder and swapped entry
 * by entry inside it, so the output folder itself (the mount) is kept. Resolves with how it swapped.
 */
export async function swapIn(staging: string, outDir: string, retired: string, fs: SwapFs = { rename }, discard: Discard = removeNow): Promise<'rename' | 'copy'> {
  await rm(retired, { recursive: true, force: true });
  if (!existsSync(outDir)) {
    try {
      await fs.rename(staging, outDir);
      return 'rename';
    } catch (error) {
      if (!CROSS_DEVICE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await mkdir(outDir, { recursive: true });
      return copySwap(staging, outDir, fs);
    }
  }
  try {
    await fs.rename(outDir, retired);
  } catch (error) {
    if (!CROSS_DEVICE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return copySwap(staging, outDir, fs);
  }
  try {
    await fs.rename(staging, outDir);
  } catch (error) {
    // Put the old site back before anything else.
    await fs.rename(retired, outDir);
    if (!CROSS_DEVICE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return copySwap(staging, outDir, fs);
  }
  await discard(retired);
  return 'rename';
}

/** How {@link swapIn} disposes of the site it replaced, once the new one is in place. */
export type Discard = (retired: string) => Promise<void>;

/** Deletes the replaced site before the swap returns. */
async function removeNow(retired: string): Promise<void> {
  await rm(retired, { recursive: true, force: true });
}

/** Where replaced sites wait to be deleted: beside the retired site's name, never mistaken for it. */
const DISCARDED = '.discard-';

/**
 * Hands the replaced site to a process of its own that deletes it after the build has ended:
 * deleting the 40,000 files of the SEC-scale site takes 5 to 7 s that the reader of the new site
 * need not wait for. It is first renamed out of the way (one rename), so a build started
 * meanwhile never finds it under the retired site's name (which a build would put back as the
 * site, see build.ts). Deletions stopped half way are finished by {@link discardLeftovers}.
 */
export async function discardInBackground(retired: string): Promise<void> {
  const doomed = `${retired}${DISCARDED}${process.pid}-${Date.now()}`;
  await rename(retired, doomed);
  removeInBackground(doomed);
}

function removeInBackground(path: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', '--', path], {
    detached: true,
    stdio: 'ignore',
  });
  // Not started (no process left to start one): what is left is deleted by the next build's {@link discardLeftovers}.
  child.on('error', () => {});
  child.unref();
}

/** Sites a background deletion left (stopped, or still running), beside `retired`: handed to deletion again. */
export async function discardLeftovers(retired: string): Promise<void> {
  const prefix = `${basename(retired)}${DISCARDED}`;
  const folder = dirname(retired);
  for (const name of existsSync(folder) ? await readdir(folder) : []) if (name.startsWith(prefix)) removeInBackground(join(folder, name));
}

/**
 * The swap inside the output folder: copy the new site into `<out>/.sec-incoming` (the slow
 * part, while the old site is still served whole), move every old entry into
 * `<out>/.sec-previous`, move every new entry up, and delete the old ones. Renames inside one
 * folder never cross a file system. A build killed during the moves is repaired by
 * {@link repairCopySwap} at the start of the next.
 */
async function copySwap(staging: string, outDir: string, fs: SwapFs): Promise<'copy'> {
  const incoming = join(outDir, INCOMING);
  const outgoing = join(outDir, OUTGOING);
  await rm(incoming, { recursive: true, force: true });
  await rm(outgoing, { recursive: true, force: true });
  await cp(staging, incoming, { recursive: true });
  await mkdir(outgoing);
  for (const name of await readdir(outDir)) {
    if (name !== INCOMING && name !== OUTGOING) await fs.rename(join(outDir, name), join(outgoing, name));
  }
  for (const name of await readdir(incoming)) await fs.rename(join(incoming, name), join(outDir, name));
  // The new site is whole: from here on a repair must not bring the old one back.
  await fs.rename(outgoing, join(outDir, DISCARD));
  await rm(join(outDir, DISCARD), { recursive: true, force: true });
  await rm(incoming, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  return 'copy';
}

/**
 * Undoes a copy swap a killed build left half done: the old entries go back, the new ones
 * (which were not yet all in place) are dropped. Returns whether there was anything to repair.
 */
export async function repairCopySwap(outDir: string): Promise<boolean> {
  const incoming = join(outDir, INCOMING);
  const outgoing = join(outDir, OUTGOING);
  await rm(join(outDir, DISCARD), { recursive: true, force: true });
  if (!existsSync(outgoing)) {
    await rm(incoming, { recursive: true, force: true });
    return false;
  }
  const old = await readdir(outgoing);
  for (const name of await readdir(outDir)) {
    if (name !== INCOMING && name !== OUTGOING && name !== DISCARD) await rm(join(outDir, name), { recursive: true, force: true });
  }
  for (const name of old) await rename(join(outgoing, name), join(outDir, name));
  await rm(incoming, { recursive: true, force: true });
  await rm(outgoing, { recursive: true, force: true });
  return true;
}
