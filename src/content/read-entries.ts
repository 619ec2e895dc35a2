/**
 * Phase 1 of loading: each content file's front matter read and validated against its schema,
 * with its id from its path. Files that cannot be read are reported to the sink and left out.
 */
import type { z } from 'astro/zod';
import { directionSchema, documentSchema, versionSchema, type DirectionData, type DocumentData, type VersionData } from './content-schema.ts';
import type { ProblemSink } from './problem-sink.ts';
import { readFrontMatter, type FrontMatterFile } from './read-front-matter.ts';
import { CONTENT_LIMITS, raiseHint } from './content-limits.ts';
import { codePoint, findForbiddenCharacter, tooDeep, tooManyClauses } from './scan-text.ts';
import { issuesToProblems } from './schema-issues.ts';
import { segment, type SiteSources, type SourceFile } from './site-sources.ts';

/** A content file whose front matter is valid: its id (from its path), front matter and data. */
export interface Entry<Data> {
  id: string;
  file: string;
  front: FrontMatterFile;
  data: Data;
}

/** A version file's entry: its id is its file name (`v1.0.md`), `document` its folder. */
export interface VersionEntry extends Entry<VersionData> {
  document: string;
}

/**
 * Which files exist, loaded or not: a file that exists but could not be loaded is reported
 * once, where it is, and references to it from other files are not reported again as "unknown".
 */
export interface PresentFiles {
  documents: ReadonlySet<string>;
  /** `<document>/v<version>.md` */
  versions: ReadonlySet<string>;
  directions: ReadonlySet<string>;
}

/** What phase 1 hands on. */
export interface ContentEntries {
  documents: Entry<DocumentData>[];
  versions: VersionEntry[];
  directions: Entry<DirectionData>[];
  present: PresentFiles;
}

/** The pattern of ids used in URLs (document folders, direction files). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads and validates every file's front matter. `reserved` holds the top-level names the
 * build writes itself (see src/node/site-folders.ts), which no document id may take.
 */
export function readEntries(sources: SiteSources, sink: ProblemSink, reserved: ReadonlySet<string> = new Set()): ContentEntries {
  const documents: Entry<DocumentData>[] = [];
  for (const source of sources.documents) {
    const id = segment(source.file, -2);
    const entry = readEntry(source, documentSchema, sink);
    if (checkId(id, source.file, sink, reserved) && entry) documents.push({ id, file: source.file, ...entry });
  }
  const versions: VersionEntry[] = [];
  for (const source of sources.versions) {
    const entry = readEntry(source, versionSchema, sink);
    if (entry && versionWithinLimits(source.file, entry, sink)) versions.push({ id: segment(source.file, -1), document: segment(source.file, -2), file: source.file, ...entry });
  }
  const directions: Entry<DirectionData>[] = [];
  for (const source of sources.directions) {
    const id = directionId(source.file);
    if (!checkId(id, source.file, sink)) continue;
    const entry = readEntry(source, directionSchema, sink);
    if (entry) directions.push({ id, file: source.file, ...entry });
  }
  return { documents, versions, directions, present: presentFiles(sources) };
}

function presentFiles(sources: SiteSources): PresentFiles {
  return {
    documents: new Set(sources.documents.map((s) => segment(s.file, -2))),
    versions: new Set(sources.versions.map((s) => `${segment(s.file, -2)}/${segment(s.file, -1)}`)),
    directions: new Set(sources.directions.map((s) => directionId(s.file))),
  };
}

function directionId(file: string): string {
  return segment(file, -1).replace(/\.md$/, '');
}

/** A file's front matter, validated; undefined (with the problems reported) when it is not valid. */
function readEntry<S extends z.ZodType>(source: SourceFile, schema: S, sink: ProblemSink): { front: FrontMatterFile; data: z.output<S> } | undefined {
  if (source.refused || !charactersAllowed(source, sink)) return undefined;
  const front = readFrontMatter(source.file, source.text);
  sink.add(front.problems);
  if (front.data === undefined || !nestingWithinLimit(source.file, front, sink)) return undefined;
  const parsed = schema.safeParse(front.data);
  if (parsed.success) return { front, data: parsed.data };
  sink.add(issuesToProblems(source.file, front, schema, parsed.error.issues));
  return undefined;
}

/** Feeds, the API and the search index are XML or JSON read as text: refuse what XML 1.0 forbids, where it is. */
function charactersAllowed({ file, text }: SourceFile, sink: ProblemSink): boolean {
  const found = findForbiddenCharacter(text);
  if (!found) return true;
  const more = found.count > 1 ? ` (${found.count} such characters in the file)` : '';
  sink.error(
    file,
    found.at,
    `character ${codePoint(found.char)} is not allowed (XML 1.0 forbids it)${more}`,
    'delete it: it is often left by a copy from a PDF or a terminal; write the character you meant',
  );
  return false;
}

/** Lists and quotes nested beyond the limit are refused before the Markdown parser meets them. */
function nestingWithinLimit(file: string, front: FrontMatterFile, sink: ProblemSink): boolean {
  const deep = tooDeep(front.body);
  if (!deep) return true;
  sink.error(
    file,
    { line: front.bodyOffset + deep.line, column: 1 },
    `lists or quotes nested ${deep.depth} deep, more than ${CONTENT_LIMITS.nesting}`,
    `flatten the nesting, or remove indentation that is not meant as nesting; ${raiseHint('nesting')}`,
  );
  return false;
}

/** A version's number and its number of clauses are within the limits (checked before parsing). */
function versionWithinLimits(file: string, { front, data }: { front: FrontMatterFile; data: z.output<typeof versionSchema> }, sink: ProblemSink): boolean {
  if (data.version.length > CONTENT_LIMITS.idLength) {
    sink.error(
      file,
      front.locate(['version']),
      `version number of ${data.version.length} characters, more than ${CONTENT_LIMITS.idLength}`,
      `it names the version's pages and files: shorten it; ${raiseHint('idLength')}`,
    );
    return false;
  }
  const line = tooManyClauses(front.body);
  if (line === undefined) return true;
  sink.error(
    file,
    { line: front.bodyOffset + line, column: 1 },
    `more than ${CONTENT_LIMITS.clauses} clauses in one version`,
    `split the document, or check that the file holds one version only; ${raiseHint('clauses')}`,
  );
  return false;
}

/** Whether an id taken from a path can be used in the site's URLs (reported when not). */
function checkId(id: string, file: string, sink: ProblemSink, reserved: ReadonlySet<string> = new Set()): boolean {
  if (id.length > CONTENT_LIMITS.idLength) {
    sink.error(
      file,
      { line: 1, column: 1 },
      `id of ${id.length} characters, more than ${CONTENT_LIMITS.idLength}`,
      `the id names pages and files: shorten the file or folder name; ${raiseHint('idLength')}`,
    );
    return false;
  }
  if (!ID.test(id)) {
    sink.error(file, { line: 1, column: 1 }, `"${id}" cannot be used as an id in URLs`, 'name files and folders with lower-case letters, digits and hyphens');
    return false;
  }
  if (reserved.has(id)) {
    sink.error(file, { line: 1, column: 1 }, `"${id}" is reserved for the site's own pages`, 'choose another name for this document');
    return false;
  }
  return true;
}
