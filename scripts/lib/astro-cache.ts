/**
 * The Astro step's cache folder between builds: whether its last Astro run finished (a cache
 * left by a killed or failed run may hold pages rendered for keys its manifest does not name),
 * and which pages this run rendered rather than copied from the cache.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Present while an Astro step runs on the cache; removed when it ends well. */
const IN_PROGRESS = 'sec-astro-in-progress';
/** What the last finished Astro step did, read by tests and the build's summary. */
export const LAST_RUN = 'sec-last-run.json';
/** Where Astro's incremental build keeps its copy of each keyed page (`node_modules/astro/dist/core/build/incremental.js`). */
const PAGE_COPIES = 'dist';

/** What an Astro step did with the pages it had keys for. */
export interface AstroRun {
  /** Output files rendered by this run, relative to the site folder, sorted (not Astro's bundles, nor copies of public/); pages without a key are always rendered. */
  rendered: string[];
  /** How many output files were copied from the previous build. */
  reused: number;
}

/** Whether the cache folder may be used: absent (a first build) or left by an Astro step that finished. */
export async function cacheIsWhole(cacheDir: string): Promise<boolean> {
  return !existsSync(join(cacheDir, IN_PROGRESS));
}

/** Marks the cache as being written; returns when, to tell rendered pages from copied ones afterwards. */
export async function markStarted(cacheDir: string): Promise<number> {
  await writeFile(join(cacheDir, IN_PROGRESS), '');
  const { mtimeMs } = await stat(join(cacheDir, IN_PROGRESS));
  return mtimeMs;
}

async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  return found;
}

/**
 * Records what the step did and marks the cache whole. Astro writes its copy of a keyed page
 * only when it renders it, so a copy older than the step's start was reused; every file of the
 * new site that is not such a copy was rendered.
 */
export async function markFinished(cacheDir: string, siteDir: string, started: number, publicDir = 'public'): Promise<AstroRun> {
  const copies = join(cacheDir, PAGE_COPIES);
  const reusedFiles = new Set<string>();
  for (const path of await walk(copies)) if ((await stat(path)).mtimeMs < started) reusedFiles.add(relative(copies, path).split(/[\\/]/).join('/'));
  const copied = new Set((await walk(publicDir)).map((path) => relative(publicDir, path).split(/[\\/]/).join('/')));
  const rendered = (await walk(siteDir))
    .map((path) => relative(siteDir, path).split(/[\\/]/).join('/'))
    .filter((file) => !reusedFiles.has(file) && !copied.has(file) && !file.startsWith('_astro/'))
    .sort();
  const run: AstroRun = { rendered, reused: reusedFiles.size };
  await writeFile(join(cacheDir, LAST_RUN), `${JSON.stringify(run)}\n`);
  await rm(join(cacheDir, IN_PROGRESS), { force: true });
  return run;
}
