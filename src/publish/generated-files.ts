/**
 * The files of each document the build writes outside Astro: for every version its JSON, Akoma
 * Ntoso, Word and browser data; for every pre-built comparison its JSON and Word red-line. Astro
 * spent several times longer on each of these (some 5,400 at the scale of the whole SEC) than
 * making its bytes takes. Astro's dev server serves the same bytes from the same functions (the
 * routes under src/pages call them).
 */
import type { AlignedRow } from '#compare/align-clauses.ts';
import { prerenderedPairs } from '#model/compare-pairs.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { akomaNtoso } from './akoma-ntoso.ts';
import { apiCompare } from './api-compare.ts';
import { apiVersion } from './api-version.ts';
import { compareDocx } from './compare-docx.ts';
import { jsonText, xmlText } from './file-text.ts';
import type { PageCacheKeys } from './page-cache-keys.ts';
import { encodeVersion } from './version-data.ts';
import { publishedVersionDocx } from './version-docx.ts';

/** One generated file: where it goes in the site, the cache key of its inputs, and how to make its bytes. */
export interface GeneratedFile {
  /** Relative to the site folder, `/`-separated: `tmad/v6.0.docx`, `api/tmad/compare/v5.0...v6.0.json`. */
  path: string;
  /** Changes whenever anything the file holds changes (`#publish/page-cache-keys.ts`). */
  key: string;
  contents(): string | Promise<string | Uint8Array>;
}

/** What a document's files need besides the document. */
export interface GeneratedFileInputs {
  /** The address the site is published at: the JSON and Akoma Ntoso files name it. */
  site: URL;
  /** The date statuses are computed for: it decides which comparisons are pre-built. */
  asOf: string;
  keys: PageCacheKeys;
  /** The aligned rows of two versions of the document. */
  compare(from: VersionRecord, to: VersionRecord): readonly AlignedRow[];
  directionOf(id: string): DirectionRecord | undefined;
}

/** `/api/<doc>/v<version>.json`: a version's clauses in order. */
export const versionJson = (document: DocumentRecord, version: VersionRecord, site: URL): string => jsonText(apiVersion(document, version, site));

/** `/api/<doc>/v<version>.akn.xml`: a version as an Akoma Ntoso 3.0 document. */
export const versionAkn = (document: DocumentRecord, version: VersionRecord, direction: DirectionRecord | undefined, site: URL): string =>
  xmlText(akomaNtoso({ document, version, direction, site }));

/** `/data/<doc>/v<version>.json`: a version's clauses for comparing any two versions in the browser (compact: it is downloaded, not read). */
export const versionData = (document: DocumentRecord, version: VersionRecord): string => JSON.stringify(encodeVersion(document.id, version.version, version.clauses));

/** `/api/<doc>/compare/v<a>...v<b>.json`: the alignment behind a pre-built comparison page. */
export const compareJson = (document: DocumentRecord, from: VersionRecord, to: VersionRecord, rows: readonly AlignedRow[], site: URL): string =>
  jsonText(apiCompare(document, from, to, rows, site));

/** Every generated file of one document, versions first, in version order. */
export function generatedFiles(document: DocumentRecord, inputs: GeneratedFileInputs): GeneratedFile[] {
  const { site, keys } = inputs;
  const files: GeneratedFile[] = [];
  for (const version of document.versions) {
    const key = keys.version(document, version);
    const direction = version.direction === undefined ? undefined : inputs.directionOf(version.direction);
    files.push(
      { path: `${document.id}/${version.slug}.docx`, key, contents: () => publishedVersionDocx(document, version) },
      { path: `api/${document.id}/${version.slug}.json`, key, contents: () => versionJson(document, version, site) },
      { path: `api/${document.id}/${version.slug}.akn.xml`, key, contents: () => versionAkn(document, version, direction, site) },
      { path: `data/${document.id}/${version.slug}.json`, key, contents: () => versionData(document, version) },
    );
  }
  for (const [from, to] of prerenderedPairs(document, inputs.asOf)) {
    const key = keys.compare(document, from, to);
    const pair = `${from.slug}...${to.slug}`;
    files.push(
      { path: `${document.id}/compare/${pair}.docx`, key, contents: () => compareDocx({ document, from, to, rows: inputs.compare(from, to) }) },
      { path: `api/${document.id}/compare/${pair}.json`, key, contents: () => compareJson(document, from, to, inputs.compare(from, to), site) },
    );
  }
  return files;
}
