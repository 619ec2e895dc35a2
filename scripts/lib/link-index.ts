/**
 * The link check of an incremental build. A page copied from the build before has the links it
 * had then, and they resolved then; one can only break if its target went away or lost the id
 * it points at. So when every page of the last checked build is still there and no re-rendered
 * page lost an id, only the re-rendered pages are read and their links checked, with the pages
 * that linked to a file now gone (the last check recorded which); the copied pages stand in with
 * the ids and anchors recorded by the last check (for the fragments of the re-rendered pages'
 * links and for the URL ledger). Otherwise every page is read, as in a clean build.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AstroRun, lastAstroRun } from './astro-cache.ts';
import { type BuiltSite, linkTarget } from './check-links.ts';
import { fileOfUrl, readBuiltSite, readMorePages } from './read-built-site.ts';
import { type BuiltPage, urlOfFile } from './read-page-links.ts';

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
  /**
   * By file that is not a page (a download, a data file): the pages linking to it. A new version
   * takes the pre-built comparisons of the one before off the site, with their downloads; only
   * the pages that linked to them need reading again, not every page.
   */
  linkedBy: Record<string, string[]>;
  /**
   * By page: its ids that some page links to (a clause of a version page, from its history).
   * A re-rendered page that lost another id (a comparison no longer pre-built loses its rows'
   * ids) breaks no link of a copied page.
   */
  linkedIds: Record<string, string[]>;
}

/** What the last check recorded of the links into pages and files (see {@link LinkIndex}). */
export type LinksInto = Pick<LinkIndex, 'linkedBy' | 'linkedIds'>;

/** A built site to check, and which pages' links to check: all, or only those read (`checked`: re-rendered, or linking to a file gone). */
export interface SiteToCheck {
  built: BuiltSite;
  checked?: ReadonlySet<string>;
  /** The pages of the build before, as its check recorded them (for the URL ledger when the content has none). */
  previousPages?: BuiltPage[];
  /** Of `checked`, the copied pages read again because they link to a file now gone. */
  linkers?: readonly string[];
  /** What the record knew of the links of pages not read again (see {@link linksInto}). */
  carried?: LinksInto;
}

async function readIndex(cacheDir: string): Promise<LinkIndex | undefined> {
  try {
    return JSON.parse(await readFile(join(cacheDir, INDEX), 'utf8')) as LinkIndex;
  } catch {
    return undefined;
  }
}

function standIn(url: string, [ids, anchors, tombstone]: [string, string, boolean]): BuiltPage {
  return { url, ids: new Set(ids === '' ? [] : ids.split('\n')), anchors: anchors === '' ? [] : anchors.split('\n'), links: [], tombstone };
}

/**
 * Reads the built site in `outDir`: only its re-rendered pages (and the pages linking to a file
 * that is gone) when the cache's last check allows it.
 */
export async function readSiteToCheck(outDir: string, cacheDir: string | undefined): Promise<SiteToCheck> {
  const run = cacheDir ? await lastAstroRun(cacheDir) : undefined;
  const index = cacheDir && run?.previousManifest ? await readIndex(cacheDir) : undefined;
  if (!run || !index?.linkedBy || !index.linkedIds || index.manifest !== run.previousManifest) return { built: await readBuiltSite(outDir) };
  // Read-only stand-ins, shared by the ledger (the build before) and the copied pages of this one.
  const previous = new Map(Object.entries(index.pages).map(([url, page]) => [url, standIn(url, page)]));
  const previousPages = [...previous.values()];
  const built = await readBuiltSite(outDir, new Set(run.rendered.filter((file) => file.endsWith('.html'))));
  const gone = index.files.filter((file) => !built.files.has(file));
  const keptIds = [...built.pages.values()].every((page) => (index.linkedIds[page.url] ?? []).every((id) => page.ids.has(id)));
  // A page gone, or an id linked to: any copied page may have linked to it. A file gone: its linkers are known.
  if (!keptIds || gone.some((file) => index.pages[urlOfFile(file.slice(1))] !== undefined)) return { built: await readBuiltSite(outDir), previousPages };
  const linkers = [...new Set(gone.flatMap((file) => index.linkedBy[file] ?? []))].filter((url) => !built.pages.has(url)).sort();
  for (const page of await readMorePages(outDir, linkers.map(fileOfUrl))) built.pages.set(page.url, page);
  const checked = new Set([...built.pages.keys()].sort());
  for (const [url, page] of previous) if (!checked.has(url)) built.pages.set(url, page);
  built.pages = new Map([...built.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // Ids stay recorded as linked until a page read finds them gone (the record of which page links
  // to an id would be as large as the links themselves): at worst, a later build reads every page.
  const carried: LinksInto = { linkedBy: {}, linkedIds: {} };
  for (const [file, pages] of Object.entries(index.linkedBy)) {
    const kept = pages.filter((url) => !checked.has(url));
    if (kept.length > 0) carried.linkedBy[file] = kept;
  }
  for (const [url, ids] of Object.entries(index.linkedIds)) {
    const page = built.pages.get(url);
    const kept = page ? ids.filter((id) => page.ids.has(id)) : [];
    if (kept.length > 0) carried.linkedIds[url] = kept;
  }
  return { built, checked, linkers, previousPages, carried };
}

/**
 * What the read pages link to: the files that are not pages, with the pages linking to each, and
 * the ids of pages linked to (with `carried`, what the record knew of the pages not read again),
 * in a stable order.
 */
export function linksInto(built: BuiltSite, siteUrl: string, carried: LinksInto = { linkedBy: {}, linkedIds: {} }): LinksInto {
  const linkedBy = new Map<string, Set<string>>(Object.entries(carried.linkedBy).map(([file, pages]) => [file, new Set(pages)]));
  const linkedIds = new Map<string, Set<string>>(Object.entries(carried.linkedIds).map(([url, ids]) => [url, new Set(ids)]));
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(value);
  };
  for (const page of built.pages.values()) {
    for (const link of page.links) {
      const target = linkTarget(page.url, link.href, siteUrl);
      if (!target || 'reason' in target) continue;
      const linked = built.pages.get(target.path);
      if (linked) {
        if (target.hash.length <= 1) continue;
        try {
          const id = decodeURIComponent(target.hash.slice(1));
          if (linked.ids.has(id)) add(linkedIds, target.path, id);
        } catch {
          // A malformed escape: the link check reports it.
        }
      } else if (built.files.has(target.path)) add(linkedBy, target.path, page.url);
    }
  }
  const sorted = (map: Map<string, Set<string>>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, values]) => [key, [...values].sort()]));
  return { linkedBy: sorted(linkedBy), linkedIds: sorted(linkedIds) };
}

/** Records a checked build for the next one's check (`links`: see {@link linksInto}), or forgets it when the check failed. */
export async function recordCheckedSite(cacheDir: string, built: BuiltSite, ok: boolean, links: LinksInto = { linkedBy: {}, linkedIds: {} }): Promise<void> {
  const run = await lastAstroRun(cacheDir);
  if (!ok || !run?.manifest) {
    await rm(join(cacheDir, INDEX), { force: true });
    return;
  }
  const pages: LinkIndex['pages'] = {};
  for (const page of built.pages.values()) pages[page.url] = [[...page.ids].join('\n'), page.anchors.join('\n'), page.tombstone];
  const index: LinkIndex = { manifest: run.manifest, files: [...built.files].filter(linkable), pages, ...links };
  try {
    await writeFile(join(cacheDir, INDEX), JSON.stringify(index));
  } catch (error) {
    // Only a saving lost: the next build reads every page.
    await rm(join(cacheDir, INDEX), { force: true });
    console.warn(`note: the link check's record for the next build could not be written (${(error as Error).message}): the next build checks every page`);
  }
}
