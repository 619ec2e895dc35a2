/**
 * `npm run build`: checks the content (parsing versions on all cores into the parse cache),
 * builds the site with Astro into a fresh folder (while the downloads and data files are written
 * beside it: scripts/lib/files-step.ts), writes the clause history pages into the
 * layout Astro rendered for them (scripts/lib/histories-step.ts), then has Pagefind write the clause search
 * index beside it, checks every link and every published URL, and only then replaces `dist/`. A
 * failed build (bad content, a failure inside Astro or Pagefind, a broken link, a dropped URL,
 * or the process being killed) leaves the previous site untouched.
 *
 * The content check, Astro, the downloads, the clause histories, the search index and the link
 * check each run in a process of their own, so the memory one uses is returned when it ends: the
 * whole SEC is too large to hold twice.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { asOfDate, contentRoot, siteUrlFromEnv, siteUrlWarning } from '#content/environment.ts';
import { LockHeld, takeLock } from './lib/folder-lock.ts';
import { addToRun, cacheIsWhole, type OtherPages } from './lib/astro-cache.ts';
import { moveFiles } from './lib/move-files.ts';
import { discardInBackground, discardLeftovers, repairCopySwap, swapIn } from './lib/swap-in.ts';
import { buildInputsKey, isUnchanged, recordBuild } from './lib/unchanged-build.ts';

const outDir = (process.env.SEC_OUT_DIR ?? 'dist').replace(/(.)\/+$/, '$1');
const staging = `${outDir}.staging`;
const searchStaging = `${outDir}.pagefind`;
// The downloads and data files, written beside Astro's output while it runs (Astro empties its own folder first).
const filesStaging = `${outDir}.files`;
const filesRecord = `${outDir}.files.json`;
const inEffectSearchStaging = `${outDir}.pagefind-in-effect`;
const prepared = `${outDir}.prepared.json`;
const preparedLinks = `${outDir}.links.json`;
const preparedSearch = `${outDir}.search.json`;
const preparedInEffectSearch = `${outDir}.search-in-effect.json`;
const retired = `${outDir}.previous`;
// Astro's cache for this output folder, kept from one build to the next: its incremental build
// (experimental.incrementalBuild) keeps a copy of every generated page there with the page's
// cache key, and copies a page into the new site instead of rendering it when neither its key
// nor its code changed. The site is built into a fresh staging folder and swapped in, so pages
// come back from this cache, never from the live site. `--clean` (or SEC_CLEAN_BUILD=1) starts
// from an empty cache. (Parsed versions and comparisons are cached apart, by content hash: see src/node/.)
const cacheDir = `${outDir}.cache`;
const cleanBuild = process.argv.includes('--clean') || process.env.SEC_CLEAN_BUILD === '1';
/**
 * Heap of the Astro process, in MB: enough for the whole SEC with room to spare (its pages hold a
 * few documents' texts at a time, and it peaked at about 1 GB resident at SEC scale), and a bound
 * on the build's memory with the downloads' process beside it.
 */
const ASTRO_HEAP_MB = Number(process.env.SEC_ASTRO_HEAP_MB ?? 1024);
/**
 * Heap of the downloads' process beside Astro, in MB. It holds one document's texts at a time
 * (some 100 MB live at SEC scale); left unbounded, V8 lets it grow to 400 MB before collecting,
 * which with Astro's would pass 2 GB.
 */
const FILES_HEAP_MB = Number(process.env.SEC_FILES_HEAP_MB ?? 256);
// Every step computes statuses for the same day, even across midnight.
process.env.SEC_AS_OF ??= asOfDate();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
/** How long a build waits for another build of the same output folder, in seconds: by default it refuses at once. */
const WAIT_SECONDS = Number(process.env.SEC_BUILD_WAIT ?? 0);

/** Stops before anything was written, with one message and the hint that fixes it. */
function refuse(message: string, hint: string): never {
  console.error(`error: ${message}\n  hint: ${hint}\n\nbuild failed: nothing was built; ${outDir}/ is unchanged.`);
  process.exit(1);
}

/** A file-system failure as one line a maintainer can act on (a read-only or full disk is not a bug to report). */
function describeFsError(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'a folder on the way does not exist',
  };
  if (!e || typeof e !== 'object' || !e.code || !(e.code in why)) return undefined;
  return `error: cannot write ${e.path ?? outDir}: ${why[e.code]} (${e.code})\n  hint: the build writes ${staging}/ beside ${outDir}/ and then swaps them: the folder holding ${outDir} must be writable (set SEC_OUT_DIR to build elsewhere)`;
}

const root = contentRoot();
const rootKind = (() => {
  try {
    return statSync(root).isDirectory() ? 'folder' : 'not a folder';
  } catch {
    return 'missing';
  }
})();
if (rootKind !== 'folder') {
  refuse(
    `the content folder ${resolve(root)} ${rootKind === 'missing' ? 'does not exist' : 'is not a folder'}${process.env.SEC_CONTENT_DIR ? ` (SEC_CONTENT_DIR=${process.env.SEC_CONTENT_DIR})` : ''}`,
    'set SEC_CONTENT_DIR to the content folder (the one holding documents/ and directions/), or unset it to build content/',
  );
}
if (!existsSync(`${root}/documents`)) {
  refuse(
    `the content folder ${resolve(root)} has no documents/ folder: it is not a content folder`,
    'set SEC_CONTENT_DIR to the folder holding documents/ and directions/ (see content/README.md)',
  );
}
if (resolve(outDir) === resolve('.') || resolve(outDir) === resolve(root) || resolve(outDir) === '/') {
  refuse(`SEC_OUT_DIR=${outDir} names ${resolve(outDir)}, which the build would replace whole`, 'name a folder of its own for the built site, such as dist');
}

// One build at a time per output folder: a second one would delete the first one's staging
// folders while it writes them. Builds into other folders run beside it.
try {
  await takeLock(`${outDir}.lock`, `npm run build into ${outDir}/`, WAIT_SECONDS * 1000);
} catch (error) {
  if (error instanceof LockHeld)
    refuse(
      error.message.split('\n')[0] as string,
      'wait for the other build to finish (SEC_BUILD_WAIT=<seconds> makes a build wait for it), or, if no build is running, delete the lock file named',
    );
  refuse(
    (describeFsError((error as Error).cause) ?? String(error)).replace(/^error: /, '').replace(/\n {2}hint: .*/s, ''),
    `the folder holding ${outDir} must be writable: the build writes beside it`,
  );
}

// A build killed between its two renames leaves only the retired site: put it back first.
if (!existsSync(outDir) && existsSync(retired)) await rename(retired, outDir);
// A build killed while swapping inside the output folder (when it is a mount of its own): undo.
if (existsSync(outDir) && (await repairCopySwap(outDir))) console.error(`note: ${outDir}/ was left half swapped by a build that was stopped: the site before it is back`);
// Sites replaced by earlier builds whose deletion was stopped: deleted again, meanwhile.
await discardLeftovers(retired);

const phases: Record<string, number> = {};
let mark = performance.now();
const phase = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - mark);
  mark = now;
};
const started = performance.now();

async function clean(): Promise<void> {
  for (const path of [staging, searchStaging, inEffectSearchStaging, filesStaging, filesRecord, prepared, preparedLinks, preparedSearch, preparedInEffectSearch])
    await rm(path, { recursive: true, force: true });
}

// A cache whose Astro step did not finish (killed, or failed inside Astro) may hold pages
// rendered for keys its manifest does not name: start that one afresh.
if (cleanBuild || !(await cacheIsWhole(cacheDir))) await rm(cacheDir, { recursive: true, force: true });

async function fail(error?: unknown): Promise<never> {
  await clean().catch(() => {});
  const fsError = describeFsError(error) ?? describeFsError((error as Error | undefined)?.cause);
  if (fsError) console.error(fsError);
  else if (error !== undefined) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
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

await clean().catch(fail);
// Nothing changed since the last build (content, code, as-of date, site address) and its site
// is in place as it left it: keep it. Every step would only write the same bytes again.
const inputs = await buildInputsKey(root, { asOf: process.env.SEC_AS_OF, siteUrl: siteUrlFromEnv() }).catch(() => undefined);
if (inputs && !cleanBuild && existsSync(outDir) && (await isUnchanged(cacheDir, outDir, inputs).catch(() => false))) {
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `nothing changed since the last build (content, code, as-of date ${process.env.SEC_AS_OF}, site address): ${outDir}/ kept as it is, and the content warnings it printed are not repeated (npm run build -- --clean builds it afresh)`,
  );
  console.log(`built ${outDir}/ in ${seconds.toFixed(1)} s`);
  if (process.env.SEC_BUILD_STATS)
    await writeFile(
      process.env.SEC_BUILD_STATS,
      JSON.stringify(
        {
          seconds,
          unchanged: true,
          phasesMs: { unchanged: Math.round(seconds * 1000) },
          maxRssBytes: { build: process.resourceUsage().maxRSS * 1024, check: null, astro: null, files: null, histories: null, search: null, links: null },
        },
        null,
        2,
      ),
    );
  process.exit(0);
}

// Until here: clearing what a stopped build left, and reading the content and code for their key.
phase('inputs');
if ((await step('scripts/lib/check-step.ts', [prepared, preparedLinks, preparedSearch, preparedInEffectSearch])) !== 0) {
  await clean();
  process.exit(1);
}
const { versionPages } = JSON.parse(await readFile(prepared, 'utf8')) as { versionPages: number };
await rm(prepared, { force: true });
if (versionPages === 0) {
  await clean();
  refuse(
    `the content folder ${resolve(root)} has no document versions: a site without them would replace ${outDir}/ with empty pages`,
    'check SEC_CONTENT_DIR names the right folder; each document needs documents/<id>/index.md and at least one v<version>.md',
  );
}
const siteWarning = siteUrlWarning();
if (siteWarning) console.warn(siteWarning);
// Warnings were printed once, by the check: not again by the pages' loader inside Astro.
process.env.SEC_CONTENT_REPORTED = '1';
phase('check');

const checked = await (async () => {
  // Astro writes its generated types into the project's one .astro/ folder whatever the output
  // folder: builds into different folders take turns for this step (waiting, not refusing).
  const astroLock = await takeLock('.astro.lock', `the Astro step of a build into ${outDir}/`, 24 * 3600 * 1000);
  // Astro renders on one core: the downloads and data files are written on the other meanwhile,
  // by a process that holds one document's texts at a time (see scripts/lib/files-step.ts).
  const files = step('scripts/lib/files-step.ts', [filesStaging, cacheDir, filesRecord], FILES_HEAP_MB);
  const astroCode = await step('scripts/lib/astro-step.ts', [staging, cacheDir], ASTRO_HEAP_MB).finally(() => astroLock.release());
  // Never left writing into a staging folder that a failure is about to delete.
  const filesCode = await files;
  if (astroCode !== 0)
    throw new Error(
      `astro build failed (if it ran out of memory, "Reached heap limit" above, give it more: SEC_ASTRO_HEAP_MB=${Math.round(ASTRO_HEAP_MB * 1.5)}; it is ${ASTRO_HEAP_MB})`,
    );
  if (filesCode !== 0)
    throw new Error(
      `the downloads and data files could not be written (if the process ran out of memory, "Reached heap limit" above, give it more: SEC_FILES_HEAP_MB=${FILES_HEAP_MB * 2}; it is ${FILES_HEAP_MB})`,
    );
  await moveFiles(filesStaging, staging);
  await addToRun(cacheDir, 'files', JSON.parse(await readFile(filesRecord, 'utf8')) as OtherPages);
  await rm(filesRecord, { force: true });
  phase('astro and files');
  // Clause histories, most of the pages, are written outside Astro into the layout it rendered:
  // in a process of its own, after Astro's memory is returned, on one core while Pagefind
  // indexes on the other (neither reads what the other writes).
  const histories = step('scripts/lib/histories-step.ts', [staging, cacheDir]);
  // In a process of its own too: the records it indexes are not held through the link check.
  const searchCode = await step('scripts/lib/search-step.ts', [preparedSearch, preparedInEffectSearch, staging, inEffectSearchStaging, searchStaging, join(cacheDir, 'search')]);
  // Never left writing into a staging folder that a failure is about to delete.
  const historiesCode = await histories;
  if (searchCode !== 0) throw new Error('the search index could not be written');
  if (historiesCode !== 0) throw new Error('the clause history pages could not be written');
  phase('histories and search');
  // In a process of its own: what it reads of the built pages is returned when it ends.
  const linksCode = await step('scripts/lib/links-step.ts', [staging, preparedLinks, root, siteUrlFromEnv(), outDir, cacheDir]);
  phase('links');
  return linksCode === 0;
})().catch(fail);

await rm(preparedLinks, { force: true });
if (!checked) await fail();

// The replaced site is deleted after the build ends, by a process of its own: the new one is in place.
const swapped = await swapIn(staging, outDir, retired, undefined, discardInBackground).catch(fail);
if (swapped === 'copy') console.log(`note: ${outDir}/ is on another file system than its parent: the site was copied in and swapped inside it`);
// The cache folder exists: the Astro step wrote it.
if (inputs)
  await recordBuild(cacheDir, outDir, inputs).catch((error: unknown) =>
    console.warn(`note: the next build will not know this one's inputs (${(error as Error).message}): it runs every step`),
  );
phase('swap');
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
        maxRssBytes: {
          build: process.resourceUsage().maxRSS * 1024,
          check: await stepRss('check'),
          astro: await stepRss('astro'),
          files: await stepRss('files'),
          histories: await stepRss('histories'),
          search: await stepRss('search'),
          links: await stepRss('links'),
        },
      },
      null,
      2,
    ),
  );
}
