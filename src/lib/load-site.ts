import type { ElementContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { z } from 'astro/zod';
import { blocksToHast } from './blocks-to-hast.ts';
import type { ContentProblem } from './content-problem.ts';
import {
  directionSchema,
  documentSchema,
  versionSchema,
  type DirectionData,
  type DocumentData,
  type VersionData,
} from './content-schema.ts';
import { parseClauses } from './parse-clauses.ts';
import { readFrontMatter, type FrontMatterFile } from './read-front-matter.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from './site-model.ts';
import { compareVersions, dayBefore } from './version-order.ts';

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
    for (const issue of parsed.error.issues) problems.push(issueToProblem(source.file, front, schema, issue));
    return undefined;
  };

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
  for (const source of sources.versions) {
    const documentId = segment(source.file, -2);
    const fileName = segment(source.file, -1);
    const loaded = read(source, versionSchema);
    if (!loaded) continue;
    const { front, data } = loaded;
    const expected = `v${data.version}.md`;
    if (fileName !== expected) {
      error(source.file, front.locate(['version']), `file name ${fileName} does not match version "${data.version}"`, `rename the file to ${expected}, or correct the version field`);
    }
    const document = documents.get(documentId);
    if (!document) {
      if (!seenFolders.has(documentId) && !documentFiles.has(documentId)) {
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
    const parsed = parse(front.body, { file: source.file, lineOffset: front.bodyOffset });
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
      illustrative: data.illustrative,
      file: source.file,
      clauses: parsed.clauses,
      state: 'draft',
    };
    document.versions.push(record);
    versionFronts.set(record, loaded);
    checkLinks(record, problems);
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
  const findVersion = (doc: string, version: string) => documents.get(doc)?.versions.find((v) => v.version === version);
  for (const [id, { data, front }] of documentFiles) {
    const document = documents.get(id) as DocumentRecord;
    if (document.versions.length === 0 && !problems.some((p) => p.file.startsWith(document.file.replace(/index\.md$/, '')) && p.severity === 'error')) {
      error(document.file, { line: 1, column: 1 }, `document "${id}" has no versions`, `add a version file such as ${document.file.replace(/index\.md$/, 'v1.0.md')}`);
    }
    if (data.parent && !documents.has(data.parent)) {
      error(document.file, front.locate(['parent']), `unknown parent document "${data.parent}"`, `parent must be one of: ${[...documents.keys()].join(', ')}`);
    }
  }
  for (const [record, { data, front }] of versionFronts) {
    if (data.direction) {
      const direction = directions.get(data.direction);
      if (!direction) {
        error(record.file, front.locate(['direction']), `unknown direction "${data.direction}"`, hintFor('direction', data.direction, [...directions.keys()]));
      } else if (!direction.designations.some((d) => d.document === record.document && d.version === record.version)) {
        error(record.file, front.locate(['direction']), `direction "${data.direction}" does not designate ${record.document} v${record.version}`, `add the designation to ${direction.file}, or correct the direction field`);
      }
    }
    (data.consultations ?? []).forEach((consultation, index) => {
      if (!consultationIds.has(consultation)) {
        error(record.file, front.locate(['consultations', index]), `unknown consultation "${consultation}"`, hintFor('consultation', consultation, [...consultationIds]));
      }
    });
  }
  for (const [id, { data, front }] of directionFronts) {
    const direction = directions.get(id) as DirectionRecord;
    data.designations.forEach((designation, index) => {
      const at = front.locate(['designations', index, 'document']);
      if (!documents.has(designation.document)) {
        error(direction.file, at, `designates unknown document "${designation.document}"`, hintFor('document', designation.document, [...documents.keys()]));
        return;
      }
      const version = findVersion(designation.document, String(designation.version));
      if (!version) {
        error(direction.file, front.locate(['designations', index, 'version']), `designates ${designation.document} v${designation.version}, which does not exist`, `add content/documents/${designation.document}/v${designation.version}.md or correct the version`);
      } else if (version.status !== 'designated') {
        error(direction.file, front.locate(['designations', index, 'version']), `designates ${designation.document} v${designation.version}, which is a consultation draft`, 'designate the version that was made law, or set its status to designated');
      } else if (version.effective !== designation.effective) {
        error(direction.file, front.locate(['designations', index, 'effective']), `effective date ${designation.effective} differs from ${version.file} (${version.effective ?? 'none'})`, 'the direction and the version must agree on the date of legal effect');
      }
      for (const annex of designation.annexes) {
        if (!data.annexes.some((a) => a.id === annex)) {
          error(direction.file, at, `designation names annex ${annex}, which is not listed under annexes`, 'list every annex under annexes with its id, kind and title');
        }
      }
    });
    data.annexes.forEach((annex, index) => {
      if (!annex.document) return;
      if (!documents.has(annex.document)) {
        error(direction.file, front.locate(['annexes', index, 'document']), `annex ${annex.id} names unknown document "${annex.document}"`, hintFor('document', annex.document, [...documents.keys()]));
        return;
      }
      for (const field of ['version', 'against'] as const) {
        const value = annex[field];
        if (value !== undefined && !findVersion(annex.document, String(value))) {
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
      if (!href.startsWith('#')) return;
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
}

function issueToProblem(file: string, front: FrontMatterFile, schema: z.ZodType, issue: ZodIssueLike): ContentProblem {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const key = issue.keys[0] ?? '';
    const known = Object.keys(shapeAt(schema, issue.path) ?? {});
    const suggestion = closest(key, known);
    return {
      file,
      ...front.locate([...issue.path, key]),
      severity: 'error',
      message: `unknown field "${issue.path.length ? `${field}.` : ''}${key}"`,
      hint: suggestion ? `did you mean "${suggestion}"?` : `known fields: ${known.join(', ')}`,
    };
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return {
      file,
      ...front.locate(issue.path.slice(0, -1)),
      severity: 'error',
      message: `missing field "${field}"`,
      hint: 'see content/README.md for the fields each file needs',
    };
  }
  return {
    file,
    ...front.locate(issue.path),
    severity: 'error',
    message: field ? `${field}: ${issue.message}` : issue.message,
    hint: 'see content/README.md for the fields each file needs',
  };
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
