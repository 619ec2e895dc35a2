/**
 * Phase 2 of loading: the records of the site built from the valid entries, each once and
 * complete, with the checks that concern one file: a version's file name and number, its
 * folder's index.md, its text and its links. Where versions stand in time is phase 4's work
 * (see version-timeline.ts), so version records here have no state yet.
 */
import type { ElementContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import type { parseClauses } from '#parse/parse-clauses.ts';
import { blocksToHast } from '#parse/blocks-to-hast.ts';
import { checkClauseLimits } from './clause-limits.ts';
import { checkClauseLinks } from './clause-links.ts';
import type { DirectionData, DocumentData } from './content-schema.ts';
import type { ProblemSink } from './problem-sink.ts';
import type { ContentEntries, Entry, VersionEntry } from './read-entries.ts';

/** A version as read, before its place in time is known. */
export type VersionDraft = Omit<VersionRecord, 'state' | 'effectiveUntil' | 'supersededBy'>;

/** A document as read, before its versions are put in order. */
export type DocumentDraft = Omit<DocumentRecord, 'versions'>;

/** What phase 2 hands on. */
export interface SiteRecords {
  /** Documents whose index.md loaded. */
  documents: Map<string, DocumentDraft>;
  /**
   * Versions by document id, in the order read. The versions of a document whose index.md is
   * broken are here too, so that one run reports their problems as well.
   */
  versions: Map<string, VersionDraft[]>;
  directions: Map<string, DirectionRecord>;
  /** The entry each version was built from (for where its fields are written). */
  versionEntries: Map<VersionDraft, VersionEntry>;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Builds the records of every valid entry, reporting what is wrong with single files. */
export function buildRecords(entries: ContentEntries, parse: typeof parseClauses, sink: ProblemSink): SiteRecords {
  const documents = new Map(entries.documents.map((entry) => [entry.id, documentRecord(entry)]));
  const versions = new Map<string, VersionDraft[]>();
  const versionEntries = new Map<VersionDraft, VersionEntry>();
  const folderReported = new Set<string>();
  for (const entry of entries.versions) {
    checkFileName(entry, sink);
    if (!documents.has(entry.document) && !entries.present.documents.has(entry.document)) {
      if (!folderReported.has(entry.document)) reportMissingIndex(entry, sink);
      folderReported.add(entry.document);
      continue;
    }
    const siblings = versions.get(entry.document) ?? [];
    versions.set(entry.document, siblings);
    const duplicate = siblings.find((v) => v.version === entry.data.version);
    if (duplicate) {
      sink.error(
        entry.file,
        entry.front.locate(['version']),
        `two versions numbered ${entry.data.version} (the other is ${duplicate.file})`,
        'give each version of a document its own number',
      );
      continue;
    }
    const linksBase = entries.documents.find((d) => d.id === entry.document)?.data.linksBase;
    const record = versionRecord(entry, parse, sink, linksBase);
    siblings.push(record);
    versionEntries.set(record, entry);
    checkClauseLimits(record, sink);
    checkClauseLinks(record, sink);
  }
  const directions = new Map(entries.directions.map((entry) => [entry.id, directionRecord(entry)]));
  return { documents, versions, directions, versionEntries };
}

function documentRecord({ id, file, front, data }: Entry<DocumentData>): DocumentDraft {
  return {
    id,
    title: data.title,
    shortName: data.shortName,
    secReference: data.secReference,
    ...(data.parent ? { parent: data.parent } : {}),
    order: data.order ?? Number.MAX_SAFE_INTEGER,
    description: renderMarkdown(front.body),
    file,
  };
}

/** A version's clauses parsed from its text (an empty text is reported), and its fields. */
function versionRecord({ document, file, front, data }: VersionEntry, parse: typeof parseClauses, sink: ProblemSink, linksBase: string | undefined): VersionDraft {
  const parsed = parse(front.body, { file, lineOffset: front.bodyOffset, ...(linksBase ? { linksBase } : {}) });
  sink.add(parsed.problems);
  if (front.body.trim() === '' || parsed.clauses.length === 0) {
    sink.error(file, { line: front.bodyOffset + 1, column: 1 }, 'empty body: the version has no text', 'write the text of the version below the closing --- of the front matter');
  }
  return {
    document,
    version: data.version,
    slug: `v${data.version}`,
    status: data.status === 'consultation-draft' ? 'consultation-draft' : 'designated',
    ...(data.label ? { label: data.label } : {}),
    ...(data.designated ? { designated: data.designated } : {}),
    ...(data.effective ? { effective: data.effective } : {}),
    ...(data.direction ? { direction: data.direction } : {}),
    consultations: data.consultations ?? [],
    ...(data.published ? { published: data.published } : {}),
    ...(data.source ? { source: data.source } : {}),
    illustrative: data.illustrative,
    file,
    clauses: parsed.clauses,
  };
}

function directionRecord({ id, file, front, data }: Entry<DirectionData>): DirectionRecord {
  return {
    id,
    date: data.date,
    title: data.title,
    issuer: data.issuer,
    ...(data.onBehalfOf ? { onBehalfOf: data.onBehalfOf } : {}),
    signatory: data.signatory,
    addressees: data.addressees,
    ...(data.powers ? { powers: data.powers } : {}),
    ...(data.source ? { source: data.source } : {}),
    designations: data.designations.map((d) => ({ ...d, version: String(d.version) })),
    annexes: data.annexes,
    consultations: data.consultations,
    illustrative: data.illustrative,
    body: renderMarkdown(front.body),
    file,
  };
}

/** A version file is named after its number: `v6.0.md` holds version "6.0". */
function checkFileName({ id: fileName, file, front, data }: VersionEntry, sink: ProblemSink): void {
  const expected = `v${data.version}.md`;
  if (fileName === expected) return;
  const written = (front.data as { version?: unknown }).version;
  sink.error(
    file,
    front.locate(['version']),
    `file name ${fileName} does not match version "${data.version}"`,
    typeof written === 'number'
      ? `put the version in quotes (version: "${fileName.replace(/^v|\.md$/g, '')}"): unquoted, YAML reads it as the number ${written}`
      : `rename the file to ${expected}, or correct the version field`,
  );
}

function reportMissingIndex({ document, file }: VersionEntry, sink: ProblemSink): void {
  sink.error(
    file,
    { line: 1, column: 1 },
    `document "${document}" has no index.md`,
    `add ${file.replace(/[^/]+$/, 'index.md')} with the document's title, shortName and secReference`,
  );
}

function renderMarkdown(body: string): ElementContent[] {
  return blocksToHast(markdown.parse(body).children);
}
