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

/**
 * The word a record's clause number is indexed as (`8.6` → `qqn8p6z`, `18.4(a)` → `qqn18p4oacz`),
 * so that the exact-number lookup is one word of Pagefind's index, fetched only when a query
 * looks like a number. (As a Pagefind filter, the number of every record was fetched on every
 * first query.) One word of letters and digits: Pagefind splits words at dots and brackets. The
 * `z` ends it, since Pagefind matches the last word of a query as a prefix (`8.1` must not find
 * `8.12`); `qqn` is a start no reader types.
 */
export function numberWord(number: string): string {
  const spelled = number
    .toLowerCase()
    .replace(/\./g, 'p')
    .replace(/\(/g, 'o')
    .replace(/\)/g, 'c')
    .replace(/[^a-z0-9]/g, 'x');
  return `qqn${spelled}z`;
}

/**
 * Where a record carries what a result shows about itself but no reader searches for: the ids
 * of empty elements in its body (`name:clause%208.6`, `history:tmad%2F8.6`, URI-encoded: Pagefind drops spaces from ids). Pagefind returns them
 * with the result's data (as anchors) and searches neither them (metadata it would search as
 * words: a version named `v6.0-draft` made "draft" match nearly every record) nor does it load
 * them before a result is shown (filters it loads in full when asked for them). `at:` opens
 * each record of a page with its URL (`at:%2Ftmad%2Fv6.0%2F%238.6`): its location tells which
 * of the page's words are the record's. `filters:` carries the record's own filters (JSON)
 * where they are not its page's: a page's filters are all of its records' (Pagefind filters
 * pages), and the search page narrows the records it finds by their own.
 */
export const RECORD_ANCHORS = { at: 'at:', name: 'name:', history: 'history:', filters: 'filters:' } as const;

/** Other spellings of a phrase with a number, indexed alongside it: the text says one, a reader types the other. */
const ALIASES: ReadonlyArray<[RegExp, (n: string) => string]> = [
  [/\bService Reference Variant (\d+(?:\.\d+)+)/g, (n) => `SRV ${n}`],
  [/\bSRV (\d+(?:\.\d+)+)/g, (n) => `Service Reference Variant ${n}`],
];

/** One search record: a clause of a version, with its own URL. What is searched is its words only. */
export interface SearchRecord {
  url: string;
  language: string;
  /** `heading` records are weighted as headings. */
  kind: 'heading' | 'clause';
  /** The words searched: the clause's text, or the heading's title. Never its number, version or document. */
  text: string;
  /** Terms the clause defines (`"UTRN Cutover Period"`), weighted so the definition ranks first. */
  defines: string[];
  /** Other spellings of what the text says (`SRV 4.4.2` for `Service Reference Variant 4.4.2`). */
  aliases: string[];
  /** The clause as the reader calls it: `clause 8.6`, `section 8`, `row “…”`. */
  name: string;
  /** The normalised clause number (`8.6`, `18.4(a)`), for the exact-number lookup. */
  number?: string;
  /** The clause's identity through versions, `tmad/8.6` (its history page's slug): the group key of the search of all versions. */
  history?: string;
  /**
   * The Pagefind page the record is indexed in, named by the URL of its first record; records of
   * one page are consecutive. Absent: a page of its own. Pagefind's first
   * query loads the metadata of every page, so fewer pages make it smaller (see {@link searchPageOf}).
   */
  page?: string;
  /** What a reader narrows by: document, version, status, each under its document's filter name ({@link filterName}). */
  filters: Record<string, string[]>;
}

/** What a reader narrows the search by. */
export type FilterKind = 'document' | 'version' | 'status';

/**
 * The Pagefind filter a record's document, versions or statuses are under: one filter per
 * document and kind (`version-tmad`), not one per kind. Pagefind counts, on every query, each
 * loaded filter's records against the query's results (a list search, so records × results):
 * at the scale of the whole SEC one `version` filter made a common word take 30 s. Split by
 * document, narrowing loads only the chosen documents' filters, each a few hundred records.
 */
export function filterName(kind: FilterKind, documentId: string): string {
  return `${kind}-${documentId}`;
}

/** The kind of filter a Pagefind filter name is ({@link filterName}), if it is one of ours. */
export function filterKind(name: string): FilterKind | undefined {
  const kind = /^(document|version|status)-/.exec(name)?.[1];
  return kind as FilterKind | undefined;
}

/** One document as the search page offers it to narrow by: its filter values, from the build. */
export interface SearchCatalogEntry {
  id: string;
  /** `TMAD (SEC Appendix AL)` */
  document: string;
  /** `TMAD v6.0`, in version order. */
  versions: string[];
  /** Status labels its versions have (`In effect`, `Superseded`). */
  statuses: string[];
}

/**
 * What the search page offers to narrow by, written into the page by the build: the page no
 * longer asks Pagefind for its filters, which loaded every filter in full on the first query
 * (and made each query after it count them). `inEffect`: the documents with a version in effect,
 * without versions or statuses.
 */
export function searchCatalog(site: Site, scope: 'in-effect' | 'all'): SearchCatalogEntry[] {
  return site.documents.flatMap((document) => {
    const versions = scope === 'all' ? document.versions : document.versions.filter((v) => v.state === 'in-effect');
    if (versions.length === 0) return [];
    return [
      {
        id: document.id,
        document: documentLabel(document),
        versions: scope === 'all' ? versions.map((v) => versionLabel(document, v)) : [],
        statuses: scope === 'all' ? [...new Set(versions.map((v) => STATUS_LABELS[v.state]))] : [],
      },
    ];
  });
}

function documentLabel(document: DocumentRecord): string {
  return `${document.shortName} (${document.secReference})`;
}

function versionLabel(document: DocumentRecord, version: VersionRecord): string {
  return `${document.shortName} v${version.version}`;
}

/** Whether a clause is worth a search result of its own (a table's header row is not). */
function searchable(clause: Clause): boolean {
  return clause.kind !== 'table' && clause.text.length > 0;
}

/**
 * The terms a clause defines: `"X" means …`, `"X" has the meaning …`, a clause opening on the
 * term (`A "Migration Error" occurs where …`), or a definition in brackets (`(the "X")`,
 * `(together, the "X")`, `(each an "X")`). Straight or curly quotes.
 */
export function definedTerms(text: string): string[] {
  const term = '["“]([^"”]{2,80})["”]';
  const patterns = [
    new RegExp(`${term}\\s+(?:means|has the meaning|shall mean)\\b`, 'g'),
    new RegExp(`^(?:An?|The)\\s+${term}`, 'g'),
    new RegExp(`\\((?:[^()"“]*\\s)?(?:the|each|a|an)\\s+${term}\\)`, 'g'),
  ];
  const terms = new Set<string>();
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) terms.add(match[1] as string);
  return [...terms];
}

function aliasesOf(text: string): string[] {
  const found = new Set<string>();
  for (const [pattern, alias] of ALIASES) for (const match of text.matchAll(pattern)) found.add(alias(match[1] as string));
  return [...found];
}

/**
 * The record of one clause text: the versions that have the same clause (same anchor, label and
 * text) share one record, so an unchanged clause is one record, leading to the version in effect
 * when it has that text, else to the latest that has it. `history` is its identity across
 * versions (absent from the search of the versions in effect, which has one version each).
 */
function record(document: DocumentRecord, clause: Clause, versions: readonly VersionRecord[], history?: string): SearchRecord {
  const landing = versions.find((v) => v.state === 'in-effect') ?? (versions.at(-1) as VersionRecord);
  const filters: Record<string, string[]> = {
    [filterName('document', document.id)]: [documentLabel(document)],
    [filterName('version', document.id)]: versions.map((v) => versionLabel(document, v)),
    [filterName('status', document.id)]: [...new Set(versions.map((v) => STATUS_LABELS[v.state]))],
  };
  return {
    url: clauseUrl(document.id, landing.version, clause.slug),
    language: 'en',
    kind: clause.kind === 'heading' ? 'heading' : 'clause',
    text: clause.text,
    defines: definedTerms(clause.text),
    aliases: aliasesOf(clause.text),
    name: clauseName(clause),
    ...(clause.number ? { number: clause.number } : {}),
    ...(history ? { history: `${document.id}/${history}` } : {}),
    filters,
  };
}

/**
 * Most records a Pagefind page holds. A first query fetches a few bytes of metadata for every
 * page, and a result's data (its fragment) is the whole page's text: pages of a section (some
 * 25 clauses at the scale of the SEC) cut the first by as much, while the few fragments a first
 * screen loads stay a few kilobytes each.
 */
export const PAGE_RECORDS = 24;

/**
 * Gives runs of records their Pagefind page (`page`), unit by unit (a record of a version in
 * effect; the texts of one clause, its history, in the search of all versions): a page starts at
 * each unit `startsSection` names (a top-level heading: a section of a version) and where the
 * next unit would take it past {@link PAGE_RECORDS} records, so a huge section is several pages.
 * A unit is never split: a clause with more texts than that is a page of its own.
 */
export function searchPageOf(units: ReadonlyArray<readonly SearchRecord[]>, startsSection: (unit: readonly SearchRecord[], index: number) => boolean): SearchRecord[] {
  let page = '';
  let size = 0;
  return units.flatMap((unit, index) => {
    if (index === 0 || size + unit.length > PAGE_RECORDS || startsSection(unit, index)) {
      page = unit[0]?.url ?? '';
      size = 0;
    }
    size += unit.length;
    return unit.map((record) => ({ ...record, page }));
  });
}

/**
 * The records of the default search, `/search/`: each clause of each version in effect, once,
 * indexed section by section ({@link searchPageOf}): the search page shows each clause of a page
 * found as a result of its own. An index of its own keeps what a first query fetches small at
 * the scale of the whole SEC. Its status and version filters are left out (all are in effect,
 * one version a document: the result's version is its URL's); the page offers the document
 * filter only.
 */
export function inEffectSearchRecords(site: Site): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const document of site.documents) {
    const version = document.versions.find((v) => v.state === 'in-effect');
    if (!version) continue;
    const clauses = version.clauses.filter(searchable);
    const name = filterName('document', document.id);
    const own = clauses.map((clause) => {
      const full = record(document, clause, [version]);
      return { ...full, filters: { [name]: full.filters[name] as string[] } };
    });
    records.push(
      ...searchPageOf(
        own.map((record) => [record]),
        (_unit, index) => topLevelHeading(clauses[index] as Clause),
      ),
    );
  }
  return records;
}

/** A heading no other heading encloses: where a section of a version starts. */
function topLevelHeading(clause: Clause): boolean {
  return clause.kind === 'heading' && clause.parent === null;
}

/** The history slug of a clause of a version (`8.6`, `5.4~v6.0`), as the clause history pages have it. */
export type HistorySlug = (document: DocumentRecord, version: string, clauseSlug: string) => string | undefined;

/**
 * One search record per distinct clause text of each document, each with its history slug
 * (`historySlug`), so the search page groups the texts of one clause. The texts of a clause are
 * consecutive (clauses in the order they first appear, version by version) and on one Pagefind
 * page with the clauses around them ({@link searchPageOf}, a section of the document): the page
 * holds every version's text of its clauses, and its filters are all of theirs (see searchPages).
 */
export function searchRecords(site: Site, historySlug: HistorySlug): SearchRecord[] {
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
    const histories = new Map<string, { clause: Clause; records: SearchRecord[] }>();
    for (const { clause, versions } of groups.values()) {
      const first = versions[0] as VersionRecord;
      const found = record(document, clause, versions, historySlug(document, first.version, clause.slug) ?? clause.slug);
      const history = histories.get(found.history as string);
      if (history) history.records.push(found);
      else histories.set(found.history as string, { clause, records: [found] });
    }
    const units = [...histories.values()];
    records.push(
      ...searchPageOf(
        units.map((unit) => unit.records),
        (_unit, index) => topLevelHeading((units[index] as { clause: Clause }).clause),
      ),
    );
  }
  return records;
}
