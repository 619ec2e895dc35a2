/**
 * The content folder's tombstones (`tombstones.yaml`): published URLs the site no longer has,
 * each with why and where to go instead. Read once per build.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { contentRoot } from '#content/environment.ts';
import { ContentError } from '#model/content-problem.ts';
import { loadTombstones, type Tombstone } from '#content/tombstones.ts';
import { siteFolders } from '#node/site-folders.ts';

let loading: Promise<Tombstone[]> | undefined;

/** Every tombstone. A broken tombstones file stops the build with its problems. */
export function getTombstones(): Promise<Tombstone[]> {
  loading ??= (async () => {
    const file = `${contentRoot()}/tombstones.yaml`;
    if (!existsSync(file)) return [];
    const { tombstones, problems } = loadTombstones(file, await readFile(file, 'utf8'), siteFolders());
    if (problems.length > 0) throw new ContentError(problems);
    return tombstones;
  })();
  return loading;
}
