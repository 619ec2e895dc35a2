import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file of a folder, by its path relative to the folder (with `/` on every system), with
 * the SHA-256 of its bytes: two snapshots are equal when the folders hold the same bytes.
 */
export function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(/[\\/]/).join('/'))
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

/** A fresh copy of the minimal site's content (`tests/fixtures/site-minimal`) in `work/name`, changed by `edit`. */
export function minimalContent(work: string, name: string, edit: (root: string) => void = () => {}): string {
  const root = join(work, name);
  rmSync(root, { recursive: true, force: true });
  cpSync('tests/fixtures/site-minimal', root, { recursive: true });
  edit(root);
  return root;
}
