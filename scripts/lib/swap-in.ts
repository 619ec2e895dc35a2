import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

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
export async function swapIn(staging: string, outDir: string, retired: string, fs: SwapFs = { rename }): Promise<'rename' | 'copy'> {
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
  await rm(retired, { recursive: true, force: true });
  return 'rename';
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
