/**
 * The Astro step's cache folder between builds: whether its last Astro run finished (a cache
 * left by a killed or failed run may hold pages rendered for keys its manifest does not name),
 * and which pages this run rendered rather than copied from the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { walkFiles } from './walk-files.ts';

/** Present while an Astro step runs on the cache; removed when it ends well. */
const IN_PROGRESS = 'sec-astro-in-progress';
/** What the last finished Astro step did, read by tests and the build's summary. */
export const LAST_RUN = 'sec-last-run.json';
/** Where Astro's incremental build keeps its copy of each keyed page, and its manifest (`node_modules/astro/dist/core/build/incremental.js`). */
const PAGE_COPIES = 'dist';
const MANIFEST = 'incremental-build.json';

/** What an Astro step did with the pages it had keys for. */
export interface AstroRun {
  /** Output files rendered by this run, relative to the site folder, sorted (not Astro's bundles, nor copies of public/); pages without a key are always rendered. */
  rendered: string[];
  /** How many output files were copied from the previous build. */
  reused: number;
  /** Hash of Astro's cache manifest before this run (null: no cache) and after it: ties what was checked of a build to the cache it left. */
  previousManifest: string | null;
  manifest: string | null;
}

/** The start of an Astro step on a cache folder. */
export interface AstroStart {
  started: number;
  previousManifest: string | null;
}

async function manifestHash(cacheDir: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(join(cacheDir, MANIFEST)))
      .digest('hex');
  } catch {
    return null;
  }
}

/** What the last finished Astro step on a cache did, if one did. */
export async function lastAstroRun(cacheDir: string): Promise<AstroRun | undefined> {
  try {
    return JSON.parse(await readFile(join(cacheDir, LAST_RUN), 'utf8')) as AstroRun;
  } catch {
    return undefined;
  }
}

/** Whether the cache folder may be used: absent (a first build) or left by an Astro step that finished. */
export async function cacheIsWhole(cacheDir: string): Promise<boolean> {
  return !existsSync(join(cacheDir, IN_PROGRESS));
}

/** Marks the cache as being written; returns when (to tell rendered pages from copied ones afterwards) and the manifest it starts from. */
export async function markStarted(cacheDir: string): Promise<AstroStart> {
  await rm(join(cacheDir, LAST_RUN), { force: true });
  await writeFile(join(cacheDir, IN_PROGRESS), '');
  const { mtimeMs } = await stat(join(cacheDir, IN_PROGRESS));
  return { started: mtimeMs, previousManifest: await manifestHash(cacheDir) };
}

/**
 * Records what the step did and marks the cache whole. Astro writes its copy of a keyed page
 * only when it renders it, so a copy older than the step's start was reused; every file of the
 * new site that is not such a copy was rendered.
 */
export async function markFinished(cacheDir: string, siteDir: string, { started, previousManifest }: AstroStart, publicDir = 'public'): Promise<AstroRun> {
  const copies = join(cacheDir, PAGE_COPIES);
  const reusedFiles = new Set<string>();
  // One stat per copy (tens of thousands): the synchronous call, not one awaited promise each.
  for (const path of await walkFiles(copies)) if (statSync(path).mtimeMs < started) reusedFiles.add(relative(copies, path).split(/[\\/]/).join('/'));
  const copied = new Set((await walkFiles(publicDir)).map((path) => relative(publicDir, path).split(/[\\/]/).join('/')));
  const rendered = (await walkFiles(siteDir))
    .map((path) => relative(siteDir, path).split(/[\\/]/).join('/'))
    .filter((file) => !reusedFiles.has(file) && !copied.has(file) && !file.startsWith('_astro/'))
    .sort();
  const run: AstroRun = { rendered, reused: reusedFiles.size, previousManifest, manifest: await manifestHash(cacheDir) };
  await writeFile(join(cacheDir, LAST_RUN), `${JSON.stringify(run)}\n`);
  await rm(join(cacheDir, IN_PROGRESS), { force: true });
  return run;
}

/** Where a step that keeps files of its own in the cache records their state (what the manifest is to Astro). */
const stepState = (step: string) => `sec-${step}-state.txt`;

/** What a step did with the files it writes outside Astro (see scripts/lib/cached-files.ts). */
export interface OtherPages {
  /** Files it rendered, relative to the site folder. */
  rendered: string[];
  /** How many files it copied from its cache. */
  reused: number;
  /** A file of Astro's output it took out of the site (the histories' shell page). */
  removed?: string;
  /** Its cache's state after the step, as text: the step before it left the one recorded. */
  state: string;
}

const combined = (manifest: string | null, state: string | null): string | null =>
  manifest === null
    ? null
    : createHash('sha256')
        .update(`${manifest}\n${state ?? ''}`)
        .digest('hex');

/**
 * Adds to the Astro step's record the files another step rendered or copied, and folds that
 * step's cache state into both manifest hashes, so the record describes the whole site: the
 * link check then reads only pages either step rendered, and trusts its index only when neither
 * cache changed behind its back.
 */
export async function addToRun(cacheDir: string, step: string, pages: OtherPages): Promise<AstroRun> {
  const run = await lastAstroRun(cacheDir);
  if (!run) throw new Error(`no finished Astro step recorded in ${cacheDir}: the pages outside Astro are added to its record`);
  let previousState: string | null = null;
  try {
    previousState = await readFile(join(cacheDir, stepState(step)), 'utf8');
  } catch {
    // A first build, or one from before this step wrote files outside Astro.
  }
  const whole: AstroRun = {
    rendered: [...run.rendered.filter((file) => file !== pages.removed), ...pages.rendered].sort(),
    reused: run.reused + pages.reused,
    previousManifest: combined(run.previousManifest, previousState),
    manifest: combined(run.manifest, pages.state),
  };
  await writeFile(join(cacheDir, stepState(step)), pages.state);
  await writeFile(join(cacheDir, LAST_RUN), `${JSON.stringify(whole)}\n`);
  return whole;
}
