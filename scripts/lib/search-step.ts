/**
 * The search step of `npm run build`, in a process of its own beside the clause histories' step:
 * has Pagefind write both search bundles (scripts/lib/index-search.ts) from the records the
 * content check prepared, checks them whole, and moves them into the site. The records (some
 * 90,000 at the scale of the whole SEC) are held here, not in the build's own process, which
 * would keep their memory through the link check after it.
 *
 * Usage: search-step.ts <records.json> <site> <in-effect staging> <all staging> <cache dir>
 */
import { readFile, rename, rm } from 'node:fs/promises';
import type { SearchRecord } from '#publish/search-records.ts';
import { checkSearchBundle, type IndexedBundle, indexSearch } from './index-search.ts';
import { writeStepStats } from './step-stats.ts';

const [recordsFile, site, inEffectStaging, allStaging, cacheDir] = process.argv.slice(2);
if (!recordsFile || !site || !inEffectStaging || !allStaging || !cacheDir)
  throw new Error('usage: search-step.ts <records.json> <site> <in-effect staging> <all staging> <cache dir>');

const { records, inEffectRecords } = JSON.parse(await readFile(recordsFile, 'utf8')) as { records: SearchRecord[]; inEffectRecords: SearchRecord[] };
await rm(recordsFile, { force: true });
// A bundle whose records did not change since the build before is copied from the cache, not indexed again.
const [inEffect, all] = (await indexSearch(
  [
    { name: 'pagefind-in-effect', records: inEffectRecords, outputPath: inEffectStaging },
    { name: 'pagefind', records, outputPath: allStaging },
  ],
  cacheDir,
)) as [IndexedBundle, IndexedBundle];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const how = (bundle: IndexedBundle) => (bundle.reused ? ', unchanged: reused' : '');
console.log(
  `search index: ${inEffect.records} clause records in effect on ${inEffect.pages} Pagefind pages (${kib(inEffect.bytes)}${how(inEffect)}), ${all.records} in all versions on ${all.pages} (${kib(all.bytes)}${how(all)})`,
);
// Both bundles must be whole before they go in: a bundle missing files only fails in a reader's browser.
await checkSearchBundle(inEffectStaging, inEffect.pages);
await checkSearchBundle(allStaging, all.pages);
await rename(inEffectStaging, `${site}/pagefind-in-effect`);
await rename(allStaging, `${site}/pagefind`);
await writeStepStats('search');
