/**
 * `npm run build`: checks the content (parsing versions on all cores into the parse cache),
 * builds the site with Astro into a fresh folder while Pagefind writes the clause search index
 * beside it, checks every link and every published URL, and only then replaces `dist/`. A
 * failed build (bad content, a failure inside Astro or Pagefind, a broken link, a dropped URL,
 * or the process being killed) leaves the previous site untouched.
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { asOfDate, contentRoot } from '../src/lib/content-root.ts';
import { searchRecords, type SearchRecord } from '../src/lib/search-records.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { checkBuiltSite, linkSources, type LinkSources } from './lib/check-built-site.ts';
import { checkSite } from './lib/check-site.ts';
import { indexSearch } from './lib/index-search.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const staging = `${outDir}.staging`;
const searchStaging = `${outDir}.pagefind`;
const retired = `${outDir}.previous`;
// A cache of this build's own, removed after it: no state carries from one build to the next
// (reproducible), and builds into different folders can run side by side. (Parsed versions and
// comparisons are cached apart, by content hash: see src/node/.)
const cacheDir = `${outDir}.cache`;
// Every step computes statuses for the same day, even across midnight.
process.env.SEC_AS_OF ??= asOfDate();
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// A build killed between its two renames leaves only the retired site: put it back first.
if (!existsSync(outDir) && existsSync(retired)) await rename(retired, outDir);

const phases: Record<string, number> = {};
let mark = performance.now();
const phase = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - mark);
  mark = now;
};
const started = performance.now();

async function fail(error?: unknown): Promise<never> {
  await rm(staging, { recursive: true, force: true });
  await rm(searchStaging, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  if (error !== undefined) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nbuild failed: ${outDir}/ is unchanged.`);
  process.exit(1);
}

// What later steps need of the checked site is taken now, so the site itself can be collected
// before Astro loads its own copy: the build never holds two.
const prepared: { records: SearchRecord[]; links: LinkSources } = await (async () => {
  const site = await checkSite(contentRoot(), process.env.SEC_AS_OF as string);
  if (!site) process.exit(1);
  return { records: searchRecords(site), links: linkSources(site) };
})();
// Warnings are printed once, here, not again by the pages' loader inside Astro.
process.env.SEC_CONTENT_REPORTED = '1';
phase('check');

await rm(searchStaging, { recursive: true, force: true });
await rm(staging, { recursive: true, force: true });
await rm(cacheDir, { recursive: true, force: true });
// Pagefind indexes in a process of its own while Astro renders in this one: on two cores the
// search index costs little wall time. Its outcome is kept, not thrown, until Astro is done.
const searchStarted = performance.now();
const searching = indexSearch(prepared.records, searchStaging).then(
  (index) => ({ index, ms: Math.round(performance.now() - searchStarted) }),
  (error: unknown) => ({ error }),
);
prepared.records = [];
const checked = await (async () => {
  await build({ root: process.cwd(), outDir: staging, cacheDir, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  phase('astro');
  const searched = await searching;
  if ('error' in searched) throw searched.error;
  phase('searchWait');
  phases.search = searched.ms;
  console.log(`search index: ${searched.index.records} clause records, ${(searched.index.bytes / 1024).toFixed(0)} KiB`);
  await rename(searchStaging, `${staging}/pagefind`);
  const report = await checkBuiltSite(staging, prepared.links, contentRoot(), siteUrl());
  phase('links');
  return report;
})().catch(fail);
for (const line of checked.lines) (checked.ok ? console.log : console.error)(line);
if (!checked.ok) await fail();

await rm(cacheDir, { recursive: true, force: true });
await rm(retired, { recursive: true, force: true });
if (existsSync(outDir)) await rename(outDir, retired);
await rename(staging, outDir);
await rm(retired, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;
console.log(`built ${outDir}/ in ${seconds.toFixed(1)} s`);
if (process.env.SEC_BUILD_STATS) {
  // For the benchmark: this process's own peak memory and where the time went.
  await writeFile(
    process.env.SEC_BUILD_STATS,
    JSON.stringify({ seconds, phasesMs: phases, maxRssBytes: process.resourceUsage().maxRSS * 1024 }, null, 2),
  );
}
