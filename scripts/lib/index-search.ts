import * as pagefind from 'pagefind';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchRecord } from '../../src/lib/search-records.ts';

async function size(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await size(path) : (await stat(path)).size;
  }
  return total;
}

function check(what: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`pagefind ${what} failed: ${errors.join('; ')}`);
}

/**
 * Writes the Pagefind index: one record per clause, with its own URL (`/tmad/v6.0/#8.6`) and
 * filters for document, version and status. Pages themselves are not indexed.
 */
export async function indexSearch(records: readonly SearchRecord[], outputPath: string): Promise<{ records: number; bytes: number }> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  check('createIndex', created.errors);
  const index = created.index;
  if (!index) throw new Error('pagefind createIndex returned no index');
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      check(`addCustomRecord(${record.url})`, added.errors);
    }
    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);
    return { records: records.length, bytes: await size(outputPath) };
  } finally {
    await pagefind.close();
  }
}
