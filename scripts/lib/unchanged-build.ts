/**
 * Whether a build would only write again the site it wrote last: same content, same code, same
 * settings, and the site still as that build left it. Then `npm run build` keeps it and stops,
 * instead of running every step to copy each page over itself (at the scale of the whole SEC
 * some three minutes: Astro bundling and walking every route, the link check over every page).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { walkFiles } from './walk-files.ts';

/** The project files the site is built from, besides the content: any change to them may change any page. */
const PROJECT_INPUTS = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Where the build keeps the record of its last finished build, in its cache folder. */
const RECORD = 'sec-last-build.json';

/** What a finished build was made from, and what it wrote. */
interface BuildRecord {
  inputs: string;
  site: string;
}

async function filesUnder(path: string): Promise<string[]> {
  try {
    return (await stat(path)).isDirectory() ? await walkFiles(path) : [path];
  } catch {
    return [];
  }
}

/**
 * A hash of everything a build's output depends on: each file of the content folder and of the
 * project's code (path and bytes), the Node version, and the settings that change pages (the
 * as-of date that decides what is in effect, the site's address).
 */
export async function buildInputsKey(contentRoot: string, settings: Record<string, string>, projectRoot = '.'): Promise<string> {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const [name, value] of Object.entries(settings).sort(([a], [b]) => a.localeCompare(b))) hash.update(`setting ${name}=${value}\n`);
  const add = async (label: string, root: string, paths: readonly string[]) => {
    for (const path of [...paths].sort()) {
      const bytes = await readFile(path);
      hash.update(`${label} ${relative(root, path).split(/[\\/]/).join('/')} ${bytes.length}\n`).update(bytes);
    }
  };
  await add('content', contentRoot, await filesUnder(contentRoot));
  await addProject(hash, projectRoot);
  return hash.digest('hex');
}

async function addProject(hash: ReturnType<typeof createHash>, projectRoot: string): Promise<void> {
  for (const input of PROJECT_INPUTS) {
    for (const path of (await filesUnder(join(projectRoot, input))).sort()) {
      const bytes = await readFile(path);
      hash.update(`project ${relative(projectRoot, path).split(/[\\/]/).join('/')} ${bytes.length}\n`).update(bytes);
    }
  }
}

/** A hash of the project's code alone (every file {@link buildInputsKey} reads but the content's), and the Node version. */
export async function projectKey(projectRoot = '.'): Promise<string> {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  await addProject(hash, projectRoot);
  return hash.digest('hex');
}

/**
 * A fingerprint of a built site as it is on disk: each file's path, size and modification time.
 * A site edited, added to or pruned since the build no longer matches, and is built again.
 */
async function siteFingerprint(siteDir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await walkFiles(siteDir)).map((path) => [relative(siteDir, path).split(/[\\/]/).join('/'), path] as const);
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // One stat per file of the site (tens of thousands): the synchronous call, not one awaited promise each (0.3 s against 2 s).
  for (const [name, path] of files) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${name}\u0000${size}\u0000${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Whether the site in `siteDir` is what the last finished build wrote from these very inputs. */
export async function isUnchanged(cacheDir: string, siteDir: string, inputs: string): Promise<boolean> {
  let record: BuildRecord;
  try {
    record = JSON.parse(await readFile(join(cacheDir, RECORD), 'utf8')) as BuildRecord;
  } catch {
    return false;
  }
  return record.inputs === inputs && record.site === (await siteFingerprint(siteDir));
}

/** Records a finished build: its inputs and the site it left (call after the site is in place). */
export async function recordBuild(cacheDir: string, siteDir: string, inputs: string): Promise<void> {
  const record: BuildRecord = { inputs, site: await siteFingerprint(siteDir) };
  await writeFile(join(cacheDir, RECORD), `${JSON.stringify(record)}\n`);
}
