import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, Site, VersionRecord, VersionState } from '#model/site-model.ts';
import { clauseUrl } from './urls.ts';
import { clauseName } from '#model/clause-name.ts';

/** Status names as the search filter shows them. */
const STATUS_LABELS: Record<VersionState, string> = {
  'in-effect': 'In effect',
  superseded: 'Superseded',
  'not-yet-in-effect': 'Not yet in effect',
  draft: 'Consultation draft',
};

/** One search record: a clause of a version, with its own URL. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Whether a clause is worth a search result of its own (a table's header row is not). */
function searchable(clause: Clause): boolean {
  return clause.kind !== 'table' && clause.text.length > 0;
}

/**
 * The record of one clause text: the versions that have the same clause (same anchor, label and
 * text) share one record, so a search of every version does not list one unchanged clause a dozen
 * times, and the index stays small at the scale of the whole SEC. The result leads to the version
 * in effect when it has that text, else to the latest that has it; it names the others, and its
 * version and status filters cover them all.
 */
function record(document: DocumentRecord, clause: Clause, versions: readonly VersionRecord[]): SearchRecord {
  const name = clauseName(clause);
  const label = clause.kind === 'row' ? '' : (clause.label ?? '');
  const landing = versions.find((v) => v.state === 'in-effect') ?? (versions.at(-1) as VersionRecord);
  const others = versions.filter((v) => v !== landing).map((v) => `v${v.version}`);
  return {
    url: clauseUrl(document.id, landing.version, clause.slug),
    content: `${label} ${clause.text}`.trim(),
    language: 'en',
    meta: {
      title: `${document.shortName} v${landing.version} — ${name}`,
      document: document.shortName,
      version: landing.version,
      clause: clause.number ?? clause.label ?? clause.slug,
      ...(others.length > 0 ? { alsoIn: `Same text in ${others.join(', ')}` } : {}),
      ...(clause.path.length > 0 ? { section: clause.path.join(' › ') } : {}),
    },
    filters: {
      document: [`${document.shortName} (${document.secReference})`],
      version: versions.map((v) => `${document.shortName} v${v.version}`),
      status: [...new Set(versions.map((v) => STATUS_LABELS[v.state]))],
    },
  };
}

/**
 * The records of the default search, `/search/`: each clause of each version in effect, once,
 * filtered by document only. An index of its own keeps what a first query fetches small at the
 * scale of the whole SEC: with every version in one index, the first query loads every record's
 * metadata and the version and status filters of all of them.
 */
export function inEffectSearchRecords(site: Site): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const document of site.documents) {
    const version = document.versions.find((v) => v.state === 'in-effect');
    if (!version) continue;
    for (const clause of version.clauses) {
      if (!searchable(clause)) continue;
      const { url, content, language, meta, filters } = record(document, clause, [version]);
      records.push({ url, content, language, meta, filters: { document: filters.document as string[] } });
    }
  }
  return records;
}

/** One search record per distinct clause text of each document, in document and version order. */
export function searchRecords(site: Site): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const document of site.documents) {
    const groups = new Map<string, { clause: Clause; versions: VersionRecord[] }>();
    for (const version of document.versions) {
      for (const clause of version.clauses) {
        if (!searchable(clause)) continue;
        const key = `${clause.slug}\u0000${clause.label ?? ''}\u0000${clause.text}`;
        const group = groups.get(key);
        if (group) group.versions.push(version);
        else groups.set(key, { clause, versions: [version] });
      }
    }
    for (const { clause, versions } of groups.values()) records.push(record(document, clause, versions));
  }
  return records;
}
