import { link, mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { walkFiles } from './walk-files.ts';

/**
 * Moves every file of the folder `from` into the folder `to`, keeping their paths, and removes
 * `from`. Files are linked, not copied (both folders are siblings on one file system), and a file
 * already in `to` is an error: two steps never write the same file.
 */
export async function moveFiles(from: string, to: string): Promise<number> {
  const files = await walkFiles(from);
  const folders = new Map<string, Promise<unknown>>();
  await Promise.all(
    files.map(async (path) => {
      const target = join(to, relative(from, path));
      const folder = dirname(target);
      let made = folders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        folders.set(folder, made);
      }
      await made;
      await link(path, target).catch((error: unknown) => {
        throw new Error(
          `cannot move ${relative(from, path)} into ${to}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'another step wrote it too' : (error as Error).message}`,
          {
            cause: error,
          },
        );
      });
    }),
  );
  await rm(from, { recursive: true, force: true });
  return files.length;
}
