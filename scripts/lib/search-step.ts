/**
 * The search step of `npm run build`, in a process of its own beside the clause histories' step:
 * has Pagefind write both search bundles (scripts/lib/index-search.ts) from the records the
 * content check prepared, checks them whole, and moves them into the site. The records (some
 * 90,000 at the scale of the whole SEC) are held here, not in the build's own process, which
 * would keep their memory through the link check after it.
 *
 * The bundle of all versions is indexed first, and each bundle's records are read only when it
 * is indexed: Pagefind's process then peaks at the larger bundle alone (some 620 MiB at SEC
 * scale, against 750 with the smaller one indexed before it).
 *
 * Usage: search-step.ts <records.json> <in-effect records.json> <site> <in-effect staging> <all staging> <cache dir>
 */
import { readFile, rename, rm } from 'node:fs/promises';
import type { SearchRecord } from '#publish/search-records.ts';
import { checkSearchBundle, type IndexedBundle, indexSearch } from './index-search.ts';
import { writeStepStats } from './step-stats.ts';

const [recordsFile, inEffectRecordsFile, site, inEffectStaging, allStaging, cacheDir] = process.argv.slice(2);
if (!recordsFile || !inEffectRecordsFile || !site || !inEffectStaging || !allStaging || !cacheDir)
  throw new Error('usage: search-step.ts <records.json> <in-effect records.json> <site> <in-effect staging> <all staging> <cache dir>');

/** Indexes one bundle from its records file, which is removed once read. A bundle whose records did not change since the build before is copied from the cache. */
async function bundle(name: string, file: string, outputPath: string): Promise<IndexedBundle> {
  const records = JSON.parse(await readFile(file, 'utf8')) as SearchRecord[];
  await rm(file, { force: true });
  const [indexed] = await indexSearch([{ name, records, outputPath }], cacheDir);
  if (!indexed) throw new Error(`Pagefind wrote no bundle ${name}`);
  return indexed;
}

const all = await bundle('pagefind', recordsFile, allStaging);
const inEffect = await bundle('pagefind-in-effect', inEffectRecordsFile, inEffectStaging);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const how = (indexed: IndexedBundle) => (indexed.reused ? ', unchanged: reused' : '');
console.log(
  `search index: ${inEffect.records} clause records in effect on ${inEffect.pages} Pagefind pages (${kib(inEffect.bytes)}${how(inEffect)}), ${all.records} in all versions on ${all.pages} (${kib(all.bytes)}${how(all)})`,
);
// Both bundles must be whole before they go in: a bundle missing files only fails in a reader's browser.
await checkSearchBundle(inEffectStaging, inEffect.pages);
await checkSearchBundle(allStaging, all.pages);
await rename(inEffectStaging, `${site}/pagefind-in-effect`);
await rename(allStaging, `${site}/pagefind`);
await writeStepStats('search');
