import type { ContentProblem } from '#model/content-problem.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';
import { compareVersions } from '#model/version-order.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { buildRecords, type DocumentDraft, type SiteRecords, type VersionDraft } from './build-records.ts';
import { crossCheck } from './cross-checks.ts';
import { ProblemSink } from './problem-sink.ts';
import { readEntries } from './read-entries.ts';
import type { SiteSources } from './site-sources.ts';
import { versionTimeline } from './version-timeline.ts';

export type { SiteSources, SourceFile } from './site-sources.ts';

/** The loaded site, or the problems that stop it. Warnings may come with a site. */
export interface LoadResult {
  site: Site | undefined;
  problems: ContentProblem[];
}

/** How to load: `parse` replaces the clause parser (e.g. with one that caches results on disk). */
export interface LoadOptions {
  parse?: typeof parseClauses;
  /** The top-level names the build writes itself (src/node/site-folders.ts): no document id may take one. */
  reserved?: ReadonlySet<string>;
}

/**
 * Validates every content file against the schemas, parses every version into clauses and
 * checks cross-references (directions, versions, consultations, annexes, dates), collecting
 * every problem of the run. Statuses are computed as of `asOf` (`YYYY-MM-DD`).
 *
 * Four phases, each handing the next a typed result: front matter read and validated
 * (read-entries.ts) → records built, with the checks of single files (build-records.ts) →
 * checks across files (cross-checks.ts) → versions placed in time (version-timeline.ts).
 */
export function loadSite(sources: SiteSources, asOf: string, options: LoadOptions = {}): LoadResult {
  const sink = new ProblemSink();
  const entries = readEntries(sources, sink, options.reserved);
  const records = buildRecords(entries, options.parse ?? parseClauses, sink);
  crossCheck({ entries, records, sink });
  if (sink.hasErrors) return { site: undefined, problems: sink.problems };
  return { site: assembleSite(records, asOf), problems: sink.problems };
}

/** The site from checked records: documents and their versions in order, each version placed in time. */
function assembleSite(records: SiteRecords, asOf: string): Site {
  const documents = [...records.documents.values()]
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((document) => withVersions(document, records.versions.get(document.id) ?? [], asOf));
  const directions: DirectionRecord[] = [...records.directions.values()].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { asOf, documents, directions };
}

function withVersions(document: DocumentDraft, drafts: readonly VersionDraft[], asOf: string): DocumentRecord {
  const sorted = [...drafts].sort(byReadingOrder);
  const timeline = versionTimeline(sorted, asOf);
  const versions = sorted.map((draft): VersionRecord => ({ ...draft, ...(timeline.get(draft.version) ?? { state: 'draft' }) }));
  return { ...document, versions };
}

/** Versions oldest first: by number, drafts before the version designated from them, then by date. */
function byReadingOrder(a: VersionDraft, b: VersionDraft): number {
  return (
    compareVersions(a.version.split('-')[0] ?? '', b.version.split('-')[0] ?? '') ||
    Number(a.status === 'designated') - Number(b.status === 'designated') ||
    (a.published ?? '').localeCompare(b.published ?? '') ||
    compareVersions(a.version, b.version)
  );
}
