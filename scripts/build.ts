/**
 * `npm run build`: checks the content, builds the site with Astro into a fresh folder, adds the
 * clause search index, checks every link and every published URL, and only then replaces
 * `dist/`. A failed build (bad content, a failure inside Astro or Pagefind, a broken link, a
 * dropped URL, or the process being killed) leaves the previous site untouched.
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { asOfDate, contentRoot } from '../src/lib/content-root.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { checkBuiltSite } from './lib/check-built-site.ts';
import { checkSite } from './lib/check-site.ts';
import { indexSearch } from './lib/index-search.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const staging = `${outDir}.staging`;
const retired = `${outDir}.previous`;
// A cache of this build's own, removed after it: no state carries from one build to the next
// (reproducible), and builds into different folders can run side by side.
const cacheDir = `${outDir}.cache`;
// Every step computes statuses for the same day, even across midnight.
process.env.SEC_AS_OF ??= asOfDate();
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// A build killed between its two renames leaves only the retired site: put it back first.
if (!existsSync(outDir) && existsSync(retired)) await rename(retired, outDir);

const started = performance.now();
const site = await checkSite(contentRoot(), process.env.SEC_AS_OF);
if (!site) process.exit(1);
// Warnings are printed once, here, not again by the pages' loader inside Astro.
process.env.SEC_CONTENT_REPORTED = '1';

async function fail(error?: unknown): Promise<never> {
  await rm(staging, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  if (error !== undefined) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nbuild failed: ${outDir}/ is unchanged.`);
  process.exit(1);
}

await rm(staging, { recursive: true, force: true });
await rm(cacheDir, { recursive: true, force: true });
const checked = await (async () => {
  await build({ root: process.cwd(), outDir: staging, cacheDir, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  const index = await indexSearch(site, `${staging}/pagefind`);
  console.log(`search index: ${index.records} clause records, ${(index.bytes / 1024).toFixed(0)} KiB`);
  return checkBuiltSite(staging, site, contentRoot(), siteUrl());
})().catch(fail);
for (const line of checked.lines) (checked.ok ? console.log : console.error)(line);
if (!checked.ok) await fail();

await rm(cacheDir, { recursive: true, force: true });
await rm(retired, { recursive: true, force: true });
if (existsSync(outDir)) await rename(outDir, retired);
await rename(staging, outDir);
await rm(retired, { recursive: true, force: true });
console.log(`built ${outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
