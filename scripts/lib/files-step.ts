/**
 * A step of `npm run build` in a process of its own, run beside the Astro step (Astro renders on
 * one core): writes every version's and pre-built comparison's downloads and data files
 * (`#publish/generated-files.ts`: Word, JSON, Akoma Ntoso, browser data) into the site folder.
 *
 * It reads one document's texts at a time (`#node/deferred-parser.ts`) and lets them go before
 * the next, so its memory stays small beside Astro's. A file whose inputs are unchanged since an
 * earlier build is copied from its cache (`cached-files.ts`). What it did is written to the record
 * file named on the command line; the build adds it to the Astro step's record.
 *
 * Usage: files-step.ts <siteDir> <cacheDir> <recordFile>
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { renumberedBy } from '#compare/renumbered-by.ts';
import { contentRoot, siteUrlFromEnv } from '#content/environment.ts';
import type { VersionRecord } from '#model/site-model.ts';
import { cachedAligner } from '#node/align-cache.ts';
import { deferredParser } from '#node/deferred-parser.ts';
import { cachedParser } from '#node/parse-cache.ts';
import { siteFolders } from '#node/site-folders.ts';
import { generatedFiles } from '#publish/generated-files.ts';
import { pageCacheKeys } from '#publish/page-cache-keys.ts';
import type { OtherPages } from './astro-cache.ts';
import { CachedFiles } from './cached-files.ts';
import { loadFrame } from './load-frame.ts';
import { readTombstones } from './read-tombstones.ts';
import { writeStepStats } from './step-stats.ts';
import { projectKey } from './unchanged-build.ts';

const [siteDir, cacheDir, recordFile] = process.argv.slice(2);
if (!siteDir || !cacheDir || !recordFile) throw new Error('usage: files-step.ts <siteDir> <cacheDir> <recordFile>');

const texts = deferredParser(cachedParser().later);
const site = await loadFrame(texts);
const { tombstones } = await readTombstones(contentRoot(), siteFolders());
const siteUrl = siteUrlFromEnv();

const align = cachedAligner();
const rows = new Map<string, AlignedRow[]>();
const compare = (from: VersionRecord, to: VersionRecord): AlignedRow[] => {
  const pair = `${from.version}...${to.version}`;
  let found = rows.get(pair);
  if (!found) {
    found = align(from.clauses, to.clauses);
    rows.set(pair, found);
  }
  return found;
};
const keys = pageCacheKeys({ site, siteUrl, layoutFacts: tombstones, renumbered: renumberedBy(compare) });
const files = new CachedFiles(siteDir, join(cacheDir, 'files'), await projectKey());
const inputs = { site: new URL(siteUrl), asOf: site.asOf, keys, compare, directionOf: (id: string) => site.directions.find((d) => d.id === id) };

for (const loaded of site.documents) {
  const document = texts.withTexts(loaded);
  for (const file of generatedFiles(document, inputs)) await files.write(file.path, file.key, file.contents);
  // One document's texts and alignments at a time: memory does not grow with the corpus.
  rows.clear();
}
const { rendered, reused, state } = await files.finish();
const record: OtherPages = { rendered, reused, state };
await writeFile(recordFile, JSON.stringify(record));
console.log(`downloads and data: ${rendered.length} files rendered, ${reused} copied from the previous build`);
await writeStepStats('files');
