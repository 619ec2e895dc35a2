import * as pagefind from 'pagefind';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchRecord } from '#publish/search-records.ts';

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

/** One Pagefind bundle: its records and the folder it is written to. */
export interface SearchBundle {
  records: readonly SearchRecord[];
  outputPath: string;
}

/**
 * Writes one Pagefind bundle per entry of `bundles`, in one Pagefind session: each record is a
 * clause with its own URL (`/tmad/v6.0/#8.6`) and its filters. Pages themselves are not indexed.
 */
export async function indexSearch(bundles: readonly SearchBundle[]): Promise<Array<{ records: number; bytes: number }>> {
  const written: Array<{ records: number; bytes: number }> = [];
  try {
    for (const { records, outputPath } of bundles) {
      const created = await pagefind.createIndex({ forceLanguage: 'en' });
      check('createIndex', created.errors);
      const index = created.index;
      if (!index) throw new Error('pagefind createIndex returned no index');
      for (const record of records) {
        const added = await index.addCustomRecord(record);
        check(`addCustomRecord(${record.url})`, added.errors);
      }
      const files = await index.writeFiles({ outputPath });
      check(`writeFiles(${outputPath})`, files.errors);
      written.push({ records: records.length, bytes: await size(outputPath) });
      // Written: Pagefind need not hold it while it builds the next one.
      await index.deleteIndex();
    }
    return written;
  } finally {
    await pagefind.close();
  }
}
