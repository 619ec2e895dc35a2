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
import { cachedParser } from '#node/parse-cache.ts';
import { siteFolders } from '#node/site-folders.ts';
import type { DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';

export { comparePairs, nearestPrerendered, prerenderedPairs } from '#model/compare-pairs.ts';

let loading: Promise<Site> | undefined;

/** The whole site, loaded once. A content error stops the build with every problem listed. */
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
  const { site, problems } = loadSite({ documents, versions, directions }, asOfDate(), { parse: cachedParser().parse, reserved: siteFolders() });
  // `npm run build` has printed them already, before Astro started (see scripts/build.ts).
  if (!process.env.SEC_CONTENT_REPORTED) for (const problem of problems) if (problem.severity === 'warning') console.warn(formatProblem(problem));
  if (!site) throw new ContentError(problems);
  return site;
}

/** A document by id. */
export async function getDocument(id: string): Promise<DocumentRecord> {
  const document = (await getSite()).documents.find((d) => d.id === id);
  if (!document) throw new Error(`no document "${id}"`);
  return document;
}

const comparisons = new Map<string, AlignedRow[]>();
let align: ReturnType<typeof cachedAligner> | undefined;

/** The aligned rows of a comparison, computed once per pair (and once per content, on disk). */
export function getComparison(from: VersionRecord, to: VersionRecord): AlignedRow[] {
  const key = `${from.document}/${from.version}...${to.version}`;
  let rows = comparisons.get(key);
  if (!rows) {
    align ??= cachedAligner();
    rows = align(from.clauses, to.clauses);
    comparisons.set(key, rows);
  }
  return rows;
}

/** Old number → new number for the clauses a comparison renumbered, computed once per pair. */
export const getRenumbered = renumberedBy(getComparison);

const histories = new Map<string, DocumentHistories>();

/** The clause histories of a document, built once from the comparisons of its versions. */
export function getHistories(document: DocumentRecord): DocumentHistories {
  let built = histories.get(document.id);
  if (!built) {
    built = buildHistories(document, getComparison);
    histories.set(document.id, built);
  }
  return built;
}
