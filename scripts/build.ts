/**
 * `npm run build`: checks the content (parsing versions on all cores into the parse cache),
 * builds the site with Astro into a fresh folder while Pagefind writes the clause search index
 * beside it, checks every link and every published URL, and only then replaces `dist/`. A
 * failed build (bad content, a failure inside Astro or Pagefind, a broken link, a dropped URL,
 * or the process being killed) leaves the previous site untouched.
 *
 * The content check and Astro each run in a process of their own, so the memory one uses is
 * returned before the next starts: the whole SEC is too large to hold twice.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { asOfDate, contentRoot, siteUrlFromEnv, siteUrlWarning } from '#content/environment.ts';
import type { SearchRecord } from '#publish/search-records.ts';
import { checkBuiltSite, type LinkSources } from './lib/check-built-site.ts';
import { indexSearch } from './lib/index-search.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const staging = `${outDir}.staging`;
const searchStaging = `${outDir}.pagefind`;
const inEffectSearchStaging = `${outDir}.pagefind-in-effect`;
const prepared = `${outDir}.prepared.json`;
const retired = `${outDir}.previous`;
// A cache of this build's own, removed after it: no state carries from one build to the next
// (reproducible), and builds into different folders can run side by side. (Parsed versions and
// comparisons are cached apart, by content hash: see src/node/.)
const cacheDir = `${outDir}.cache`;
/** Heap of the Astro process, in MB: enough for the whole SEC, and a bound on the build's memory. */
const ASTRO_HEAP_MB = Number(process.env.SEC_ASTRO_HEAP_MB ?? 1280);
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

async function clean(): Promise<void> {
  for (const path of [staging, searchStaging, inEffectSearchStaging, cacheDir, prepared]) await rm(path, { recursive: true, force: true });
}

async function fail(error?: unknown): Promise<never> {
  await clean();
  if (error !== undefined) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error(`\nbuild failed: ${outDir}/ is unchanged.`);
  process.exit(1);
}

/** Runs a step script in a child process with this one's environment; resolves with its exit code. */
function step(script: string, args: string[], heapMb?: number): Promise<number> {
  const child = spawn(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), script, ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`${script} could not start`, { cause: error })));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

await clean();
if ((await step('scripts/lib/check-step.ts', [prepared])) !== 0) {
  await clean();
  process.exit(1);
}
const { records, inEffectRecords, links } = JSON.parse(await readFile(prepared, 'utf8')) as {
  records: SearchRecord[];
  inEffectRecords: SearchRecord[];
  links: LinkSources;
};
await rm(prepared, { force: true });
const siteWarning = siteUrlWarning();
if (siteWarning) console.warn(siteWarning);
// Warnings were printed once, by the check: not again by the pages' loader inside Astro.
process.env.SEC_CONTENT_REPORTED = '1';
phase('check');

// Pagefind indexes in a process of its own while Astro renders in another: on two cores the
// search index costs little wall time. Its outcome is kept, not thrown, until Astro is done.
const searchStarted = performance.now();
const searching = indexSearch([
  { records: inEffectRecords, outputPath: inEffectSearchStaging },
  { records, outputPath: searchStaging },
]).then(
  (index) => ({ index, ms: Math.round(performance.now() - searchStarted) }),
  (error: unknown) => ({ error }),
);
const checked = await (async () => {
  if ((await step('scripts/lib/astro-step.ts', [staging, cacheDir], ASTRO_HEAP_MB)) !== 0) throw new Error('astro build failed');
  phase('astro');
  const searched = await searching;
  if ('error' in searched) throw searched.error;
  phase('searchWait');
  phases.search = searched.ms;
  const [inEffect, all] = searched.index as [{ records: number; bytes: number }, { records: number; bytes: number }];
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`search index: ${inEffect.records} clause records in effect (${kib(inEffect.bytes)}), ${all.records} in all versions (${kib(all.bytes)})`);
  await rename(inEffectSearchStaging, `${staging}/pagefind-in-effect`);
  await rename(searchStaging, `${staging}/pagefind`);
  const report = await checkBuiltSite(staging, links, contentRoot(), siteUrlFromEnv());
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
  // For the benchmark: where the time went, and each process's own peak memory.
  const stats = process.env.SEC_BUILD_STATS;
  const stepRss = async (name: string) => {
    try {
      return (JSON.parse(await readFile(`${stats}.${name}`, 'utf8')) as { maxRssBytes: number }).maxRssBytes;
    } catch {
      return null;
    }
  };
  await writeFile(
    stats,
    JSON.stringify(
      {
        seconds,
        phasesMs: phases,
        maxRssBytes: { build: process.resourceUsage().maxRSS * 1024, check: await stepRss('check'), astro: await stepRss('astro') },
      },
      null,
      2,
    ),
  );
}
