import type { ElementContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { z } from 'astro/zod';
import { blocksToHast } from '#parse/blocks-to-hast.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import {
  directionSchema,
  documentSchema,
  versionSchema,
  type DirectionData,
  type DocumentData,
  type VersionData,
} from './content-schema.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter, type FrontMatterFile } from './read-front-matter.ts';
import { linkToVersionPage } from './version-page-links.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';
import { compareVersions, dayBefore } from '#model/version-order.ts';

/** A content file: its repository-relative path (used in messages and to name it) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** The content files, by collection. Ids come from the paths: `documents/<doc>/index.md`, `documents/<doc>/v<version>.md`, `directions/<id>.md`. */
export interface SiteSources {
  documents: SourceFile[];
  versions: SourceFile[];
  directions: SourceFile[];
}

/** The loaded site, or the problems that stop it. Warnings may come with a site. */
export interface LoadResult {
  site: Site | undefined;
  problems: ContentProblem[];
}

/** How to load: `parse` replaces the clause parser (e.g. with one that caches results on disk). */
export interface LoadOptions {
  parse?: typeof parseClauses;
}

/** Document ids that would collide with the site's own top-level URLs. */
const RESERVED_IDS = new Set(['api', 'assets', 'data', 'directions', 'search', 'pagefind', '_astro', 'feeds', 'styles', 'scripts']);

const markdown = unified().use(remarkParse).use(remarkGfm);

/**
 * Validates every content file against the schemas, parses every version into clauses and
 * checks cross-references (directions, versions, consultations, annexes, dates), collecting
 * every problem of the run. Statuses are computed as of `asOf` (`YYYY-MM-DD`).
 */
export function loadSite(sources: SiteSources, asOf: string, options: LoadOptions = {}): LoadResult {
  const parse = options.parse ?? parseClauses;
  const problems: ContentProblem[] = [];
  const error = (file: string, at: { line: number; column: number }, message: string, hint?: string) =>
    problems.push({ file, ...at, severity: 'error', message, ...(hint ? { hint } : {}) });

  const read = <S extends z.ZodType>(source: SourceFile, schema: S) => {
    const front = readFrontMatter(source.file, source.text);
    problems.push(...front.problems);
    if (front.data === undefined) return undefined;
    const parsed = schema.safeParse(front.data);
    if (parsed.success) return { front, data: parsed.data as z.output<S> };
    problems.push(...issuesToProblems(source.file, front, schema, parsed.error.issues));
    return undefined;
  };
  // A file that exists but could not be loaded is reported once, where it is: references to it
  // from other files are not reported again as "unknown".
  const present = {
    documents: new Set(sources.documents.map((s) => segment(s.file, -2))),
    versions: new Set(sources.versions.map((s) => `${segment(s.file, -2)}/${segment(s.file, -1)}`)),
    directions: new Set(sources.directions.map((s) => segment(s.file, -1).replace(/\.md$/, ''))),
  };
  const versionFilePresent = (doc: string, version: string) => present.versions.has(`${doc}/v${version}.md`);

  const documents = new Map<string, DocumentRecord>();
  const documentFiles = new Map<string, { front: FrontMatterFile; data: DocumentData }>();
  for (const source of sources.documents) {
    const id = segment(source.file, -2);
    const loaded = read(source, documentSchema);
    if (!checkId(id, source.file)) continue;
    if (!loaded) continue;
    documentFiles.set(id, loaded);
    documents.set(id, {
      id,
      title: loaded.data.title,
      shortName: loaded.data.shortName,
      secReference: loaded.data.secReference,
      ...(loaded.data.parent ? { parent: loaded.data.parent } : {}),
      order: loaded.data.order ?? Number.MAX_SAFE_INTEGER,
      description: renderMarkdown(loaded.front.body),
      file: source.file,
      versions: [],
    });
  }

  const versionFronts = new Map<VersionRecord, { front: FrontMatterFile; data: VersionData }>();
  const seenFolders = new Set<string>();
  // The versions of a document whose index.md is broken are still checked, held by a stand-in,
  // so that one run reports their problems too.
  const standIns = new Map<string, DocumentRecord>();
  const documentFor = (id: string): DocumentRecord | undefined => {
    const found = documents.get(id) ?? standIns.get(id);
    if (found || !present.documents.has(id)) return found;
    const standIn: DocumentRecord = { id, title: id, shortName: id, secReference: '', order: 0, description: [], file: '', versions: [] };
    standIns.set(id, standIn);
    return standIn;
  };
  for (const source of sources.versions) {
    const documentId = segment(source.file, -2);
    const fileName = segment(source.file, -1);
    const loaded = read(source, versionSchema);
    if (!loaded) continue;
    const { front, data } = loaded;
    const expected = `v${data.version}.md`;
    if (fileName !== expected) {
      const written = (front.data as { version?: unknown }).version;
      error(
        source.file,
        front.locate(['version']),
        `file name ${fileName} does not match version "${data.version}"`,
        typeof written === 'number'
          ? `put the version in quotes (version: "${fileName.replace(/^v|\.md$/g, '')}"): unquoted, YAML reads it as the number ${written}`
          : `rename the file to ${expected}, or correct the version field`,
      );
    }
    const document = documentFor(documentId);
    if (!document) {
      if (!seenFolders.has(documentId)) {
        error(source.file, { line: 1, column: 1 }, `document "${documentId}" has no index.md`, `add ${source.file.replace(/[^/]+$/, 'index.md')} with the document's title, shortName and secReference`);
      }
      seenFolders.add(documentId);
      continue;
    }
    const duplicate = document.versions.find((v) => v.version === data.version);
    if (duplicate) {
      error(source.file, front.locate(['version']), `two versions numbered ${data.version} (the other is ${duplicate.file})`, 'give each version of a document its own number');
      continue;
    }
    const linksBase = documentFiles.get(documentId)?.data.linksBase;
    const parsed = parse(front.body, { file: source.file, lineOffset: front.bodyOffset, ...(linksBase ? { linksBase } : {}) });
    problems.push(...parsed.problems);
    if (front.body.trim() === '' || parsed.clauses.length === 0) {
      error(source.file, { line: front.bodyOffset + 1, column: 1 }, 'empty body: the version has no text', 'write the text of the version below the closing --- of the front matter');
    }
    const record: VersionRecord = {
      document: documentId,
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
      file: source.file,
      clauses: parsed.clauses,
      state: 'draft',
    };
    document.versions.push(record);
    versionFronts.set(record, loaded);
    checkLinks(record, problems);
    linkToVersionPage(record);
  }

  const directions = new Map<string, DirectionRecord>();
  const directionFronts = new Map<string, { front: FrontMatterFile; data: DirectionData }>();
  for (const source of sources.directions) {
    const id = segment(source.file, -1).replace(/\.md$/, '');
    if (!checkId(id, source.file)) continue;
    const loaded = read(source, directionSchema);
    if (!loaded) continue;
    directionFronts.set(id, loaded);
    const { data, front } = loaded;
    directions.set(id, {
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
      file: source.file,
    });
  }

  // Cross-references.
  const consultationIds = new Set([...directions.values()].flatMap((d) => d.consultations.map((c) => c.id)));
  const findVersion = (doc: string, version: string) => (documents.get(doc) ?? standIns.get(doc))?.versions.find((v) => v.version === version);
  for (const [id, { data, front }] of documentFiles) {
    const document = documents.get(id) as DocumentRecord;
    if (document.versions.length === 0 && !problems.some((p) => p.file.startsWith(document.file.replace(/index\.md$/, '')) && p.severity === 'error')) {
      error(document.file, { line: 1, column: 1 }, `document "${id}" has no versions`, `add a version file such as ${document.file.replace(/index\.md$/, 'v1.0.md')}`);
    }
    if (data.parent && !documents.has(data.parent) && !present.documents.has(data.parent)) {
      error(document.file, front.locate(['parent']), `unknown parent document "${data.parent}"`, `parent must be one of: ${[...documents.keys()].join(', ')}`);
    }
  }
  for (const [record, { data, front }] of versionFronts) {
    if (data.direction) {
      const direction = directions.get(data.direction);
      if (!direction) {
        if (!present.directions.has(data.direction)) error(record.file, front.locate(['direction']), `unknown direction "${data.direction}"`, hintFor('direction', data.direction, [...directions.keys()]));
      } else if (!direction.designations.some((d) => d.document === record.document && d.version === record.version)) {
        error(record.file, front.locate(['direction']), `direction "${data.direction}" does not designate ${record.document} v${record.version}`, `add the designation to ${direction.file}, or correct the direction field`);
      }
    }
    (data.consultations ?? []).forEach((consultation, index) => {
      // A direction that failed to load may list it.
      if (!consultationIds.has(consultation) && directions.size === present.directions.size) {
        error(record.file, front.locate(['consultations', index]), `unknown consultation "${consultation}"`, hintFor('consultation', consultation, [...consultationIds]));
      }
    });
  }
  for (const [id, { data, front }] of directionFronts) {
    const direction = directions.get(id) as DirectionRecord;
    data.designations.forEach((designation, index) => {
      const at = front.locate(['designations', index, 'document']);
      if (!documents.has(designation.document) && !standIns.has(designation.document)) {
        if (!present.documents.has(designation.document)) {
          error(direction.file, at, `designates unknown document "${designation.document}"`, hintFor('document', designation.document, [...documents.keys()]));
        }
        return;
      }
      const version = findVersion(designation.document, String(designation.version));
      if (!version) {
        if (!versionFilePresent(designation.document, String(designation.version))) error(direction.file, front.locate(['designations', index, 'version']), `designates ${designation.document} v${designation.version}, which does not exist`, `add content/documents/${designation.document}/v${designation.version}.md or correct the version`);
      } else if (version.status !== 'designated') {
        error(direction.file, front.locate(['designations', index, 'version']), `designates ${designation.document} v${designation.version}, which is a consultation draft`, 'designate the version that was made law, or set its status to designated');
      } else if (version.effective !== designation.effective) {
        error(direction.file, front.locate(['designations', index, 'effective']), `effective date ${designation.effective} differs from ${version.file} (${version.effective ?? 'none'})`, 'the direction and the version must agree on the date of legal effect');
      }
      designation.annexes.forEach((annex, annexIndex) => {
        if (!data.annexes.some((a) => a.id === annex)) {
          error(direction.file, front.locate(['designations', index, 'annexes', annexIndex]), `designation names annex ${annex}, which is not listed under annexes`, 'list every annex under annexes with its id, kind and title');
        }
      });
    });
    data.annexes.forEach((annex, index) => {
      if (!annex.document) return;
      if (!documents.has(annex.document) && !standIns.has(annex.document)) {
        if (!present.documents.has(annex.document)) {
          error(direction.file, front.locate(['annexes', index, 'document']), `annex ${annex.id} names unknown document "${annex.document}"`, hintFor('document', annex.document, [...documents.keys()]));
        }
        return;
      }
      for (const field of ['version', 'against'] as const) {
        const value = annex[field];
        if (value !== undefined && !findVersion(annex.document, String(value)) && !versionFilePresent(annex.document, String(value))) {
          error(direction.file, front.locate(['annexes', index, field]), `annex ${annex.id} names ${annex.document} v${value}, which does not exist`, `add content/documents/${annex.document}/v${value}.md or correct the annex`);
        }
      }
    });
  }

  if (problems.some((p) => p.severity === 'error')) return { site: undefined, problems };

  const sortedDocuments = [...documents.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  for (const document of sortedDocuments) {
    document.versions.sort(
      (a, b) =>
        compareVersions(a.version.split('-')[0] ?? '', b.version.split('-')[0] ?? '') ||
        Number(a.status === 'designated') - Number(b.status === 'designated') ||
        (a.published ?? '').localeCompare(b.published ?? '') ||
        compareVersions(a.version, b.version),
    );
    assignStates(document.versions, asOf);
  }
  const sortedDirections = [...directions.values()].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { site: { asOf, documents: sortedDocuments, directions: sortedDirections }, problems };

  function checkId(id: string, file: string): boolean {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      error(file, { line: 1, column: 1 }, `"${id}" cannot be used as an id in URLs`, 'name files and folders with lower-case letters, digits and hyphens');
      return false;
    }
    if (RESERVED_IDS.has(id)) {
      error(file, { line: 1, column: 1 }, `"${id}" is reserved for the site's own pages`, 'choose another name for this document');
      return false;
    }
    return true;
  }
}

/** Sets each version's state, successor and last day in effect from the designated versions' dates. */
function assignStates(versions: VersionRecord[], asOf: string): void {
  const designated = versions
    .filter((v) => v.status === 'designated')
    .sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? '') || compareVersions(a.version, b.version));
  designated.forEach((version, i) => {
    const next = designated[i + 1];
    if (next?.effective) {
      version.supersededBy = next.version;
      version.effectiveUntil = dayBefore(next.effective);
    }
    if ((version.effective ?? '') > asOf) version.state = 'not-yet-in-effect';
    else if (next?.effective && next.effective <= asOf) version.state = 'superseded';
    else version.state = 'in-effect';
  });
}

/** Links to `#slug` inside a version must land on a clause of that version. */
function checkLinks(version: VersionRecord, problems: ContentProblem[]): void {
  const slugs = new Set(version.clauses.map((c) => c.slug));
  for (const clause of version.clauses) {
    walk(clause.content, (href) => {
      // A bare `#` points at the page itself: pointless, but not broken.
      if (!href.startsWith('#') || href === '#') return;
      const target = decodeURIComponent(href.slice(1));
      if (!slugs.has(target)) {
        problems.push({
          file: version.file,
          ...clause.start,
          severity: 'error',
          message: `link to clause ${target}, which does not exist in this version`,
          hint: 'link to an existing clause (#2.3, #18.4-a) or remove the link',
        });
      }
    });
  }
}

function walk(nodes: ElementContent[], onHref: (href: string) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const href = node.properties?.href;
    if (node.tagName === 'a' && typeof href === 'string') onHref(href);
    walk(node.children, onHref);
  }
}

function renderMarkdown(body: string): ElementContent[] {
  return blocksToHast(markdown.parse(body).children);
}

function segment(file: string, index: number): string {
  return file.split(/[\\/]/).at(index) ?? '';
}

function hintFor(kind: string, value: string, known: string[]): string {
  const close = closest(value, known);
  return close ? `did you mean "${close}"?` : known.length > 0 ? `known ${kind}s: ${known.join(', ')}` : `there are no ${kind}s yet`;
}

/** The known name nearest to a misspelling (edit distance at most a third of its length). */
export function closest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  params?: { hint?: string };
}

const FIELDS_HINT = 'see content/README.md for the fields each file needs';

/**
 * Turns schema issues into problems a document administrator can act on. A misspelt field
 * gives one problem ("did you mean"), not a second one for the field it was meant to be.
 */
function issuesToProblems(file: string, front: FrontMatterFile, schema: z.ZodType, issues: readonly ZodIssueLike[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys' || !issue.keys) continue;
    const known = Object.keys(shapeAt(schema, issue.path) ?? {});
    for (const key of issue.keys) {
      const suggestion = closest(key, known);
      if (suggestion) meant.add(fieldName([...issue.path, suggestion]));
      problems.push({
        file,
        ...front.locate([...issue.path, key]),
        severity: 'error',
        message: `unknown field "${fieldName([...issue.path, key])}"`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `known fields: ${known.join(', ')}`,
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const field = fieldName(issue.path);
    const value = valueAt(front.data, issue.path);
    if (value === undefined && meant.has(field)) continue;
    const at = front.locate(value === undefined ? issue.path.slice(0, -1) : issue.path);
    const problem = (message: string, hint: string) => problems.push({ file, ...at, severity: 'error', message, hint });
    if (issue.code === 'invalid_type' && value === undefined) {
      problem(`missing field "${field}"`, FIELDS_HINT);
    } else if (issue.code === 'invalid_type' && field === '') {
      problem(`front matter must be fields, not ${describe(value)}`, 'write one "field: value" per line between the --- lines');
    } else if (issue.code === 'invalid_type') {
      problem(`${field}: expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected ?? 'value'}`}, not ${describe(value)}`, FIELDS_HINT);
    } else if (issue.code === 'invalid_value' && issue.values) {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      problem(`${field}: ${describe(value)} is not allowed`, `${suggestion ? `did you mean "${suggestion}"? ` : ''}write one of: ${allowed.join(', ')}`);
    } else if (issue.code === 'invalid_format') {
      problem(`${field}: ${describe(value)} is not valid`, issue.message);
    } else if (issue.code === 'too_small' && issue.origin === 'string') {
      problem(`${field} is empty`, 'write a value, or leave the field out if it is optional');
    } else if (issue.code === 'too_small' && issue.origin === 'array') {
      problem(`${field} needs at least ${String(issue.minimum ?? 1)} ${issue.minimum === 1 ? 'entry' : 'entries'}`, FIELDS_HINT);
    } else {
      problem(field ? `${field}: ${issue.message}` : issue.message, issue.params?.hint ?? FIELDS_HINT);
    }
  }
  return problems;
}

/** A field as the administrator wrote it: `signatory.role`, `consultations[0].closed`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

/** The front-matter value at a path, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A value as a message quotes it: `"designate"`, `the number 2`, `a list`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return 'a group of fields';
}

/** The object shape a path leads to in a schema, through arrays, optionals and defaults. */
function shapeAt(schema: z.ZodType, path: PropertyKey[]): Record<string, unknown> | undefined {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
      if (def?.type === 'optional' || def?.type === 'default' || def?.type === 'nullable') current = def.innerType;
      else if (def?.type === 'pipe') current = def.in;
      else return;
    }
  };
  for (const key of path) {
    unwrap();
    const holder = current as { shape?: Record<string, unknown>; def?: { type?: string; element?: unknown } };
    if (typeof key === 'number' && holder.def?.type === 'array') current = holder.def.element;
    else if (holder.shape) current = holder.shape[String(key)];
    else return undefined;
  }
  unwrap();
  return (current as { shape?: Record<string, unknown> }).shape;
}
