import type { Clause } from './clause.ts';
import type { DocumentRecord, Site, VersionRecord, VersionState } from './site-model.ts';
import { clauseUrl } from './urls.ts';
import { clauseName } from './render-version.ts';

/** Status names as the search filter shows them. */
export const STATUS_LABELS: Record<VersionState, string> = {
  'in-effect': 'In effect',
  superseded: 'Superseded',
  'not-yet-in-effect': 'Not yet in effect',
  draft: 'Consultation draft',
};

/** What the search page filters on when the address names no status. */
export const SEARCH_DEFAULT_STATUS = STATUS_LABELS['in-effect'];

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

function record(document: DocumentRecord, version: VersionRecord, clause: Clause): SearchRecord {
  const name = clauseName(clause);
  const label = clause.kind === 'row' ? '' : clause.label ?? '';
  return {
    url: clauseUrl(document.id, version.version, clause.slug),
    content: `${label} ${clause.text}`.trim(),
    language: 'en',
    meta: {
      title: `${document.shortName} v${version.version} — ${name}`,
      document: document.shortName,
      version: version.version,
      clause: clause.number ?? clause.label ?? clause.slug,
      ...(clause.path.length > 0 ? { section: clause.path.join(' › ') } : {}),
    },
    filters: {
      document: [`${document.shortName} (${document.secReference})`],
      version: [`${document.shortName} v${version.version}`],
      status: [STATUS_LABELS[version.state]],
    },
  };
}

/** Every clause of every version as a search record, in document and version order. */
export function searchRecords(site: Site): SearchRecord[] {
  return site.documents.flatMap((document) =>
    document.versions.flatMap((version) => version.clauses.filter(searchable).map((clause) => record(document, version, clause))),
  );
}
