import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { numberWord, RECORD_ANCHORS, type SearchRecord } from '#publish/search-records.ts';
import { hastToHtml } from '#render/hast-to-html.ts';

/** Pagefind's weight (1 is body text, 7 a first-level heading) for the term a clause defines. */
const DEFINED_TERM_WEIGHT = 10;

/**
 * The text with the first occurrence of each defined term weighted. The weighted element spans
 * whole words (the quotes and brackets around the term too): Pagefind puts a space after an
 * element, which inside a word would show in the excerpt as `" UTRN`.
 */
function weighted(text: string, terms: readonly string[]): ElementContent[] {
  const out: ElementContent[] = [];
  let rest = text;
  for (const term of terms) {
    const at = rest.indexOf(term);
    if (at < 0) continue;
    const start = rest.slice(0, at).search(/\S*$/);
    const tail = rest.slice(at + term.length).search(/\s|$/);
    const end = at + term.length + tail;
    out.push({ type: 'text', value: rest.slice(0, start) }, h('span', { dataPagefindWeight: String(DEFINED_TERM_WEIGHT) }, rest.slice(start, end)));
    rest = rest.slice(end);
  }
  out.push({ type: 'text', value: rest });
  return out;
}

/** The records of one Pagefind page ({@link SearchRecord.page}), under the page's URL, with the page's filters. */
export interface SearchPage {
  url: string;
  records: SearchRecord[];
  /** Every value of its records' filters, in the order first met: Pagefind filters a page, not a part of it. */
  filters: Record<string, string[]>;
}

/** The page's filters: each filter's values over its records, in the order first met. */
function pageFilters(records: readonly SearchRecord[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const record of records)
    for (const [name, values] of Object.entries(record.filters)) {
      const list = filters[name] ?? [];
      filters[name] = list;
      for (const value of values) if (!list.includes(value)) list.push(value);
    }
  return filters;
}

/** The Pagefind pages of a bundle's records: consecutive records naming the same `page`, or each record alone. */
export function searchPages(records: readonly SearchRecord[]): SearchPage[] {
  const pages: Array<Omit<SearchPage, 'filters'>> = [];
  for (const record of records) {
    const url = record.page ?? record.url;
    const last = pages.at(-1);
    if (last && last.url === url) last.records.push(record);
    else pages.push({ url, records: [record] });
  }
  return pages.map((page) => ({ ...page, filters: pageFilters(page.records) }));
}

/**
 * One record's part of its page: its URL, name, history and, where they are not its page's, its
 * filters, as ids of empty elements, then its words.
 */
function recordBody(record: SearchRecord, page: SearchPage): ElementContent[] {
  const id = (prefix: string, value: string) => h('span', { id: `${prefix}${encodeURIComponent(value)}` });
  const anchors = [id(RECORD_ANCHORS.at, record.url), id(RECORD_ANCHORS.name, record.name)];
  if (record.history) anchors.push(id(RECORD_ANCHORS.history, record.history));
  const own = JSON.stringify(record.filters);
  if (own !== JSON.stringify(page.filters)) anchors.push(id(RECORD_ANCHORS.filters, own));
  const words = record.kind === 'heading' ? h('h1', record.text) : h('p', weighted(record.text, record.defines));
  const number = record.number ? [h('span', { dataPagefindIndexAttrs: 'title', title: numberWord(record.number) })] : [];
  const aliases = record.aliases.map((alias) => h('span', { dataPagefindIndexAttrs: 'title', title: alias }));
  return [...anchors, words, ...number, ...aliases];
}

/**
 * The page Pagefind indexes for a page's records, each in turn: its words in the body (a
 * heading's title as a heading, the terms a clause defines weighted, its number as one word and
 * other spellings as indexed attributes), opened by its URL, name and history as ids of empty
 * elements (returned with the result, never searched; the URL's location tells where the
 * record's words start; its own filters too, where they are not its page's), the page's filters
 * in the head, and no metadata: Pagefind searches metadata as words.
 */
export function pageHtml(page: SearchPage): string {
  const first = page.records[0];
  if (!first) throw new Error(`search page ${page.url} has no record`);
  const filters = Object.entries(page.filters).flatMap(([name, values]) => values.map((value) => h('meta', { dataPagefindFilter: `${name}[content]`, content: value })));
  return hastToHtml(
    h('html', { lang: first.language }, [
      h('head', filters),
      h(
        'body',
        page.records.flatMap((record) => recordBody(record, page)),
      ),
    ]),
  );
}

/** Adds the records to a Pagefind index, page by page, rethrowing Pagefind's errors with the page's URL. */
async function addRecords(index: pagefind.PagefindIndex, records: readonly SearchRecord[]): Promise<void> {
  for (const page of searchPages(records)) {
    const added = await index.addHTMLFile({ url: page.url, content: pageHtml(page) });
    check(`addHTMLFile(${page.url})`, added.errors);
  }
}

/** The files of a Pagefind bundle of `records`, built in memory (for tests that query it). */
export async function searchBundleFiles(records: readonly SearchRecord[]): Promise<pagefind.IndexFile[]> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created.errors);
    if (!created.index) throw new Error('pagefind createIndex returned no index');
    await addRecords(created.index, records);
    const files = await created.index.getFiles();
    check('getFiles', files.errors);
    return files.files;
  } finally {
    await pagefind.close();
  }
}

async function size(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await size(path) : (await stat(path)).size;
  }
  return total;
}

function check(what: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`pagefind ${what} failed: ${errors.join('; ')}`);
}

/** One Pagefind bundle: its name (its folder in the cache), its records and the folder it is written to. */
export interface SearchBundle {
  name: string;
  records: readonly SearchRecord[];
  outputPath: string;
}

/** What {@link indexSearch} did for one bundle: indexed afresh, or copied from the cache. */
export interface IndexedBundle {
  records: number;
  /** Pagefind pages the records are on: what a first query loads the metadata of. */
  pages: number;
  bytes: number;
  reused: boolean;
  key: string;
}

let pagefindVersion: string | undefined;

/** The installed Pagefind's version: a new Pagefind may write other files for the same records. */
async function installedPagefind(): Promise<string> {
  pagefindVersion ??= (JSON.parse(await readFile(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string }).version;
  return pagefindVersion;
}

/**
 * The key of a bundle: a hash of the Pagefind version and of exactly what Pagefind is given for
 * each page (its URL and HTML). Same key, same bundle: what the cache reuses.
 */
export async function searchBundleKey(records: readonly SearchRecord[]): Promise<string> {
  const hash = createHash('sha256').update(`pagefind ${await installedPagefind()}\n`);
  for (const page of searchPages(records)) hash.update(`${page.url}\n${pageHtml(page)}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Writes one Pagefind bundle per entry of `bundles`, in one Pagefind session: each Pagefind page
 * is a run of records ({@link searchPages}), each record a clause with its own URL
 * (`/tmad/v6.0/#8.6`), with their filters. The site's pages themselves are not indexed.
 * With `cacheDir`, a bundle whose records are unchanged since the build before (same
 * {@link searchBundleKey}) is copied from `<cacheDir>/<name>/<key>/` instead of indexed; one
 * indexed is kept there (the previous one of that name removed).
 */
export async function indexSearch(bundles: readonly SearchBundle[], cacheDir?: string): Promise<IndexedBundle[]> {
  const written: IndexedBundle[] = [];
  try {
    for (const { name, records, outputPath } of bundles) {
      const key = await searchBundleKey(records);
      const kept = cacheDir ? join(cacheDir, name, key) : undefined;
      const expected = searchPages(records).length;
      if (kept && (await isWhole(kept, expected))) {
        await rm(outputPath, { recursive: true, force: true });
        await linkTree(kept, outputPath);
        written.push({ records: records.length, pages: expected, bytes: await size(outputPath), reused: true, key });
        continue;
      }
      const created = await pagefind.createIndex({ forceLanguage: 'en' });
      check('createIndex', created.errors);
      const index = created.index;
      if (!index) throw new Error('pagefind createIndex returned no index');
      await addRecords(index, records);
      // Pagefind writes over what is there: a folder holding an older bundle would keep its files.
      await rm(outputPath, { recursive: true, force: true });
      const files = await index.writeFiles({ outputPath });
      check(`writeFiles(${outputPath})`, files.errors);
      written.push({ records: records.length, pages: expected, bytes: await size(outputPath), reused: false, key });
      // Written: Pagefind need not hold it while it builds the next one.
      await index.deleteIndex();
      if (cacheDir && kept) await keep(outputPath, join(cacheDir, name), key);
    }
    return written;
  } finally {
    await pagefind.close();
  }
}

async function isWhole(dir: string, expectedPages: number): Promise<boolean> {
  try {
    await checkSearchBundle(dir, expectedPages);
    return true;
  } catch {
    return false;
  }
}

/** Keeps a copy of a bundle as the cache's only one of its name (copied whole, then renamed in: a build killed midway leaves no half bundle under a key). */
async function keep(outputPath: string, folder: string, key: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const partial = join(folder, `${key}.partial`);
  await linkTree(outputPath, partial);
  await rename(partial, join(folder, key));
}

/**
 * Puts the files of `from` at the same paths under `to` as hard links (copies across file
 * systems): a bundle at the scale of the SEC is some 90,000 small files, and copying them took
 * longer than the rest of an unchanged rebuild. Safe because no one writes into a bundle's
 * files: a build writes a new bundle into an emptied folder.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else
      await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV') throw error;
        await copyFile(source, target);
      });
  }
}

/**
 * Checks a written Pagefind bundle before it is published: its entry file reads, and for each
 * language its metadata, its WebAssembly, at least one index chunk, and one fragment per
 * Pagefind page (a run of records, {@link searchPages}) are there and not empty. (A bundle another process deleted files from while it was
 * written showed up only in the browser, as a search page that fails.) Throws naming what is missing.
 */
export async function checkSearchBundle(dir: string, expectedPages: number): Promise<void> {
  const problems: string[] = [];
  const nonEmpty = async (name: string) => {
    try {
      if ((await stat(join(dir, name))).size > 0) return true;
      problems.push(`${name} is empty`);
    } catch {
      problems.push(`${name} is missing`);
    }
    return false;
  };
  const files = async (sub: string) => {
    try {
      return (await readdir(join(dir, sub))).length;
    } catch {
      return 0;
    }
  };
  let entry: { languages?: Record<string, { hash: string; wasm?: string; page_count: number }> } = {};
  try {
    entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  } catch (error) {
    throw new Error(`the search bundle ${dir} is incomplete: pagefind-entry.json cannot be read (${(error as Error).message}); run the build again`, { cause: error });
  }
  await nonEmpty('pagefind.js');
  const languages = Object.values(entry.languages ?? {});
  if (languages.length === 0) problems.push('pagefind-entry.json lists no language');
  let pages = 0;
  for (const language of languages) {
    pages += language.page_count;
    await nonEmpty(`pagefind.${language.hash}.pf_meta`);
    if (language.wasm) await nonEmpty(`wasm.${language.wasm}.pagefind`);
  }
  // Pagefind may merge or skip a page (an empty one), so fewer is not an error; none, or more, is.
  if (pages > expectedPages || (pages === 0 && expectedPages > 0)) problems.push(`it holds ${pages} pages, not the ${expectedPages} written`);
  const fragments = await files('fragment');
  if (fragments !== pages) problems.push(`fragment/ has ${fragments} files for ${pages} pages`);
  if (pages > 0 && (await files('index')) === 0) problems.push('index/ is empty');
  if (problems.length > 0) throw new Error(`the search bundle ${dir} is incomplete: ${problems.join('; ')}. Another process may have written to it: run the build again`);
}
