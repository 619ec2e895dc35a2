/**
 * `npm run build`: checks the content, builds the site with Astro into a fresh folder, adds the
 * clause search index, and only then replaces `dist/`. A failed build leaves the previous site
 * untouched.
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { asOfDate, contentRoot } from '../src/lib/content-root.ts';
import { checkSite } from './lib/check-site.ts';
import { indexSearch } from './lib/index-search.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const staging = `${outDir}.staging`;
const retired = `${outDir}.previous`;
// Every step computes statuses for the same day, even across midnight.
process.env.SEC_AS_OF ??= asOfDate();
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const started = performance.now();
const site = await checkSite(contentRoot(), process.env.SEC_AS_OF);
if (!site) process.exit(1);

await rm(staging, { recursive: true, force: true });
try {
  await build({ root: process.cwd(), outDir: staging, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  const index = await indexSearch(site, `${staging}/pagefind`);
  console.log(`search index: ${index.records} clause records, ${(index.bytes / 1024).toFixed(0)} KiB`);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nbuild failed: ${outDir}/ is unchanged.`);
  process.exit(1);
}
await rm(retired, { recursive: true, force: true });
if (existsSync(outDir)) await rename(outDir, retired);
await rename(staging, outDir);
await rm(retired, { recursive: true, force: true });
console.log(`built ${outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
