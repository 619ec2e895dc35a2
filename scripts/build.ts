/**
 * `npm run build`: checks the content (parsing versions on all cores into the parse cache),
 * writes the clause search index, builds the site with Astro into a fresh folder, and only then
 * replaces `dist/`. A failed build leaves the previous site untouched.
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { asOfDate, contentRoot } from '../src/lib/content-root.ts';
import { searchRecords, type SearchRecord } from '../src/lib/search-records.ts';
import { checkSite } from './lib/check-site.ts';
import { indexSearch } from './lib/index-search.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const staging = `${outDir}.staging`;
const searchStaging = `${outDir}.pagefind`;
const retired = `${outDir}.previous`;
// Every step computes statuses for the same day, even across midnight.
process.env.SEC_AS_OF ??= asOfDate();
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const phases: Record<string, number> = {};
let mark = performance.now();
const phase = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - mark);
  mark = now;
};

const started = performance.now();
const fail = async (error: unknown): Promise<never> => {
  await rm(staging, { recursive: true, force: true });
  await rm(searchStaging, { recursive: true, force: true });
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nbuild failed: ${outDir}/ is unchanged.`);
  process.exit(1);
};

let records: SearchRecord[] = [];
{
  // Scoped so the checked site is collected before Astro loads its own copy.
  const site = await checkSite(contentRoot(), process.env.SEC_AS_OF);
  if (!site) process.exit(1);
  records = searchRecords(site);
}
phase('check');

// The search index first, then Astro: the two never hold their memory at the same time.
await rm(searchStaging, { recursive: true, force: true });
try {
  const index = await indexSearch(records, searchStaging);
  records = [];
  phase('search');
  console.log(`search index: ${index.records} clause records, ${(index.bytes / 1024).toFixed(0)} KiB`);
} catch (error) {
  await fail(error);
}

await rm(staging, { recursive: true, force: true });
try {
  await build({ root: process.cwd(), outDir: staging, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  phase('astro');
  await rename(searchStaging, `${staging}/pagefind`);
} catch (error) {
  await fail(error);
}
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
