import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTombstones, type Tombstone } from '#content/tombstones.ts';
import type { ContentProblem } from '#model/content-problem.ts';

/** The tombstones of a content folder (`tombstones.yaml`, optional), with any problems in the file. */
export async function readTombstones(root: string): Promise<{ file: string; tombstones: Tombstone[]; problems: ContentProblem[] }> {
  const file = join(root, 'tombstones.yaml');
  if (!existsSync(file)) return { file, tombstones: [], problems: [] };
  return { file, ...loadTombstones(file, await readFile(file, 'utf8')) };
}
