/**
 * The link check of an incremental build. A page copied from the build before has the links it
 * had then, and they resolved then; one can only break if its target went away or lost the id
 * it points at. So when every file of the last checked build is still there and no re-rendered
 * page lost an id, only the re-rendered pages are read and their links checked; the copied pages
 * stand in with the ids and anchors recorded by the last check (for the fragments of the
 * re-rendered pages' links and for the URL ledger). Otherwise every page is read, as in a clean build.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AstroRun, lastAstroRun } from './astro-cache.ts';
import type { BuiltSite } from './check-links.ts';
import { readBuiltSite } from './read-built-site.ts';

const INDEX = 'sec-link-index.json';

/**
 * Files a page may link to. The search indexes' own files are named by their content and change
 * with it; pages never link to them, only to the bundles' fixed entry files.
 */
function linkable(file: string): boolean {
  const search = /^\/pagefind[^/]*\/(.+)$/.exec(file);
  return !search || !(search[1]?.includes('/') || /\.pf_/.test(search[1] ?? ''));
}

/** What the last successful check of a build knew of it: kept in the cache folder beside the pages it describes. */
interface LinkIndex {
  /** The Astro manifest of that build (see {@link AstroRun}): the index describes the pages it keeps. */
  manifest: string;
  files: string[];
  /** By page URL: its ids and its anchors (each joined by newlines), and whether it is a tombstone. */
  pages: Record<string, [string, string, boolean]>;
}

/** A built site to check, and which pages' links to check: all, or only those re-rendered (`checked`). */
export interface SiteToCheck {
  built: BuiltSite;
  checked?: ReadonlySet<string>;
}

async function readIndex(cacheDir: string): Promise<LinkIndex | undefined> {
  try {
    return JSON.parse(await readFile(join(cacheDir, INDEX), 'utf8')) as LinkIndex;
  } catch {
    return undefined;
  }
}

/** Reads the built site in `outDir`: only its re-rendered pages when the cache's last check allows it. */
export async function readSiteToCheck(outDir: string, cacheDir: string | undefined): Promise<SiteToCheck> {
  const run = cacheDir ? await lastAstroRun(cacheDir) : undefined;
  const index = cacheDir && run?.previousManifest ? await readIndex(cacheDir) : undefined;
  if (!run || !index || index.manifest !== run.previousManifest) return { built: await readBuiltSite(outDir) };
  const built = await readBuiltSite(outDir, new Set(run.rendered.filter((file) => file.endsWith('.html'))));
  const whole =
    index.files.every((file) => built.files.has(file)) &&
    [...built.pages.values()].every((page) => {
      const before = index.pages[page.url];
      return !before || before[0] === '' || before[0].split('\n').every((id) => page.ids.has(id));
    });
  if (!whole) return { built: await readBuiltSite(outDir) };
  const checked = new Set(built.pages.keys());
  for (const [url, [ids, anchors, tombstone]] of Object.entries(index.pages)) {
    if (checked.has(url)) continue;
    built.pages.set(url, { url, ids: new Set(ids === '' ? [] : ids.split('\n')), anchors: anchors === '' ? [] : anchors.split('\n'), links: [], tombstone });
  }
  built.pages = new Map([...built.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { built, checked };
}

/** Records a checked build for the next one's check, or forgets it when the check failed. */
export async function recordCheckedSite(cacheDir: string, built: BuiltSite, ok: boolean): Promise<void> {
  const run = await lastAstroRun(cacheDir);
  if (!ok || !run?.manifest) {
    await rm(join(cacheDir, INDEX), { force: true });
    return;
  }
  const pages: LinkIndex['pages'] = {};
  for (const page of built.pages.values()) pages[page.url] = [[...page.ids].join('\n'), page.anchors.join('\n'), page.tombstone];
  const index: LinkIndex = { manifest: run.manifest, files: [...built.files].filter(linkable), pages };
  try {
    await writeFile(join(cacheDir, INDEX), JSON.stringify(index));
  } catch (error) {
    // Only a saving lost: the next build reads every page.
    await rm(join(cacheDir, INDEX), { force: true });
    console.warn(`note: the link check's record for the next build could not be written (${(error as Error).message}): the next build checks every page`);
  }
}
