import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder, at any depth (none when the folder does not exist). Read with the
 * synchronous calls: a built site is some 30,000 folders of one page each, and one awaited
 * `readdir` per folder costs three times as long (2.4 s against 0.7 s for the SEC-scale site)
 * in the steps that walk it, none of which has anything else to do meanwhile.
 */
export async function walkFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  walkInto(dir, found);
  return found;
}

function walkInto(dir: string, found: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkInto(path, found);
    else found.push(path);
  }
}
