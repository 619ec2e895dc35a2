import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { loadTombstones, type Tombstone } from '#content/tombstones.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import { decodeUtf8 } from '#content/read-front-matter.ts';
import { readRegularFile } from './read-content.ts';

/** The tombstones of a content folder (`tombstones.yaml`, optional), with any problems in the file. */
export async function readTombstones(root: string, reserved?: ReadonlySet<string>): Promise<{ file: string; tombstones: Tombstone[]; problems: ContentProblem[] }> {
  const file = join(root, 'tombstones.yaml');
  // A link that leads nowhere is reported, not taken for "no tombstones".
  if (!existsSync(file) && !isLink(file)) return { file, tombstones: [], problems: [] };
  const read = await readRegularFile(file);
  if ('problem' in read) return { file, tombstones: [], problems: [read.problem] };
  const decoded = decodeUtf8(file, read.bytes);
  if (decoded.problems.length > 0) return { file, tombstones: [], problems: decoded.problems };
  return { file, ...loadTombstones(file, decoded.text, reserved) };
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
