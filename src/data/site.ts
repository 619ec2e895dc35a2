/**
 * The one module that reads the content collections. Everything else gets the site from here,
 * validated and parsed once per build, and comparisons computed once per pair.
 */
import { getCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { renumberedBy } from '#compare/renumbered-by.ts';
import { buildHistories, type DocumentHistories } from '#compare/clause-history.ts';
import { asOfDate, contentRoot } from '#content/environment.ts';
import { ContentError, formatProblem } from '#model/content-problem.ts';
import { loadSite, type SourceFile } from '#content/load-site.ts';
import { decodeUtf8 } from '#content/read-front-matter.ts';
import { cachedAligner } from '#node/align-cache.ts';
import { deferredParser } from '#node/deferred-parser.ts';
import { cachedParser } from '#node/parse-cache.ts';
import { textsOnDemand } from '#node/texts-on-demand.ts';
import type { parseClauses } from '#parse/parse-clauses.ts';
import { siteFolders } from '#node/site-folders.ts';
import type { DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';

export { comparePairs, nearestPrerendered, prerenderedPairs } from '#model/compare-pairs.ts';

let loading: Promise<Site> | undefined;

/**
 * How many documents' clauses the build holds at once. Astro renders a route's pages document by
 * document, and a version page reads a few other documents for its cross-references; a document's
 * texts, alignments and histories are some 5 MB at the scale of the SEC.
 */
const DOCUMENTS_HELD = 8;

/**
 * The whole site, loaded once. A content error stops the build with every problem listed.
 *
 * A version's `clauses` are read from the parse cache when a page first asks for them, and only a
 * few documents' are held at a time (`#node/texts-on-demand.ts`): Astro's memory does not grow
 * with the number of documents.
 */
export function getSite(): Promise<Site> {
  loading ??= load();
  return loading;
}

async function sources(collection: 'documents' | 'versions' | 'directions'): Promise<SourceFile[]> {
  const entries = await getCollection(collection);
  return Promise.all(
    entries
      .filter((entry) => entry.filePath)
      .map(async (entry) => {
        // Named as the content check names it (relative to the content folder as given), so
        // messages read the same and the parse cache, keyed by file name, is shared with it.
        const file = join(contentRoot(), relative(resolve(contentRoot()), resolve(entry.filePath as string)));
        const decoded = decodeUtf8(file, await readFile(resolve(file)));
        if (decoded.problems.length > 0) throw new ContentError(decoded.problems);
        return { file, text: decoded.text };
      }),
  );
}

async function load(): Promise<Site> {
  const [documents, versions, directions] = await Promise.all([sources('documents'), sources('versions'), sources('directions')]);
  const all = { documents, versions, directions };
  const parser = cachedParser();
  // `npm run build` checked the content before Astro started (see scripts/build.ts), printed its
  // problems and put every version in the parse cache. Otherwise (`npm run dev`) check it here.
  if (!process.env.SEC_CONTENT_REPORTED) checkContent(all, parser.parse);
  const texts = deferredParser(parser.later);
  const { site, problems } = loadSite(all, asOfDate(), { parse: texts.parse, reserved: siteFolders() });
  if (!site) throw new ContentError(problems);
  textsOnDemand(site, texts, DOCUMENTS_HELD).onRelease((id) => {
    comparisons.delete(id);
    histories.delete(id);
  });
  return site;
}

/** Loads the site with its texts once, to report its problems: a content error stops the build. */
function checkContent(all: Parameters<typeof loadSite>[0], parse: typeof parseClauses): void {
  const { site, problems } = loadSite(all, asOfDate(), { parse, reserved: siteFolders() });
  for (const problem of problems) if (problem.severity === 'warning') console.warn(formatProblem(problem));
  if (!site) throw new ContentError(problems);
}

/** A document by id. */
export async function getDocument(id: string): Promise<DocumentRecord> {
  const document = (await getSite()).documents.find((d) => d.id === id);
  if (!document) throw new Error(`no document "${id}"`);
  return document;
}

/** Each held document's comparisons by pair, let go with its texts. */
const comparisons = new Map<string, Map<string, AlignedRow[]>>();
let align: ReturnType<typeof cachedAligner> | undefined;

/** The aligned rows of a comparison, computed once per pair while its document is held (and once per content, on disk). */
export function getComparison(from: VersionRecord, to: VersionRecord): AlignedRow[] {
  const pairs = comparisons.get(from.document) ?? new Map<string, AlignedRow[]>();
  comparisons.set(from.document, pairs);
  const key = `${from.version}...${to.version}`;
  let rows = pairs.get(key);
  if (!rows) {
    align ??= cachedAligner();
    rows = align(from.clauses, to.clauses);
    pairs.set(key, rows);
  }
  return rows;
}

/** Old number → new number for the clauses a comparison renumbered, computed once per pair. */
export const getRenumbered = renumberedBy(getComparison);

const histories = new Map<string, DocumentHistories>();

/** The clause histories of a document, built once from the comparisons of its versions while its texts are held. */
export function getHistories(document: DocumentRecord): DocumentHistories {
  let built = histories.get(document.id);
  if (!built) {
    built = buildHistories(document, getComparison);
    histories.set(document.id, built);
  }
  return built;
}
