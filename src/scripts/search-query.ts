/**
 * The search of clauses over a Pagefind bundle, without the page: the exact clause-number lookup,
 * the full-text search, and the grouping of one clause's texts in several versions. Shared by
 * the search page and the relevance test, which runs it over the shipped content in Node.
 */
import { type FilterKind, filterKind, filterName, numberWord, RECORD_ANCHORS, type SearchCatalogEntry } from '#publish/search-records.ts';

/** A filter as Pagefind's `search` takes it: values of named filters, combined with `any` and `all`. */
export type PagefindFilter = { [name: string]: string | PagefindFilter[] };

/**
 * The part of Pagefind's JavaScript API (`pagefind.js`) the search uses. Not `filters()`: it
 * loads every filter in full, and Pagefind then counts each loaded filter against every query's
 * results (see {@link filterName}).
 */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: PagefindFilter }): Promise<{ results: PagefindResult[] } | null>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  filters: Record<string, string[]>;
  /** Elements with an id: the record's name and history (see RECORD_ANCHORS). */
  anchors?: Array<{ id: string }>;
}

/** The value of one of the record's anchors (`name:clause%208.6` → `clause 8.6`; encoded, as Pagefind drops spaces from ids). */
function anchor(data: PagefindData, prefix: string): string | undefined {
  const id = data.anchors?.find((a) => a.id.startsWith(prefix))?.id;
  return id === undefined ? undefined : decodeURIComponent(id.slice(prefix.length));
}

/** The clause-number word (`qqn8p6z.`, marked or not) as Pagefind's content and excerpts show it: not for the reader. */
const NUMBER_WORD = /\s?(?:<mark>)?qqn[a-z0-9]*z\.?(?:<\/mark>)?/g;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One version of a clause in a result: its label (`v6.0`) and the clause's address in it. */
export interface VersionLink {
  label: string;
  url: string;
}

/** One record found: one text of a clause, in the versions that have that text. */
export interface ClauseHit {
  url: string;
  /** `TMAD v6.0 — clause 8.6` */
  title: string;
  /** `clause 8.6` */
  name: string;
  versions: VersionLink[];
  statuses: string[];
  excerpt: string;
  content: string;
  /** Found by its number rather than its words. */
  exact: boolean;
}

/** One result: a clause, with the text found in its lead version and its other texts. */
export interface ClauseGroup {
  key: string;
  lead: ClauseHit;
  others: ClauseHit[];
}

export interface ClauseSearch {
  groups: ClauseGroup[];
  /** Records (clause texts) that matched, of which the first `limit` are shown. */
  total: number;
}

/**
 * A query that names a clause by number (`8.6`, `clause 4.12A`, `TMAD 8.6`, `18.4(a)`): the
 * number, and the document's short name where given.
 */
export function clauseNumberQuery(term: string): { document?: string; number: string } | undefined {
  const match = /^(?:([a-z][a-z0-9]*)\s+)?(?:(?:clause|section|paragraph)\s+)?(\d+(?:\.\d+)*)([a-z]?)((?:\([a-z0-9]+\))*)$/i.exec(term.trim());
  if (!match) return undefined;
  const [, word, digits = '', letter = '', parts = ''] = match;
  const number = `${digits}${letter.toUpperCase()}${parts.toLowerCase()}`;
  return word && !/^(clause|section|paragraph)$/i.test(word) ? { document: word, number } : { number };
}

/** The values of a record's filters of one kind (its document's `version-…` filter, say). */
function valuesOf(data: PagefindData, kind: FilterKind): string[] {
  return Object.entries(data.filters).flatMap(([name, values]) => (filterKind(name) === kind ? values : []));
}

/** What the reader chose to narrow by: labels, as the page shows them. */
export type SearchSelection = Partial<Record<FilterKind, string[]>>;

/**
 * The Pagefind filter for a selection: any of the chosen documents, and any of the chosen
 * versions, and any of the chosen statuses in the documents chosen (by document or version;
 * all when none is). Each names only the filters of the documents involved, so Pagefind loads
 * and counts those alone. Undefined when nothing is chosen; null when the choice matches nothing.
 */
export function pagefindFilter(selected: SearchSelection, catalog: readonly SearchCatalogEntry[]): PagefindFilter | undefined | null {
  const parts: PagefindFilter[] = [];
  const documents = catalog.filter((entry) => selected.document?.includes(entry.document));
  const versions = catalog.flatMap((entry) => entry.versions.filter((v) => selected.version?.includes(v)).map((label) => ({ entry, label })));
  if (selected.document?.length) parts.push({ any: documents.map((entry) => ({ [filterName('document', entry.id)]: entry.document })) });
  if (selected.version?.length) parts.push({ any: versions.map(({ entry, label }) => ({ [filterName('version', entry.id)]: label })) });
  if (selected.status?.length) {
    const named = new Set([...documents, ...versions.map((v) => v.entry)]);
    const within = named.size > 0 ? [...named] : catalog;
    const statuses = selected.status;
    parts.push({ any: within.flatMap((entry) => entry.statuses.filter((s) => statuses.includes(s)).map((status) => ({ [filterName('status', entry.id)]: status }))) });
  }
  // A choice naming no value the catalog has (a status in an old address) matches nothing; as an
  // empty `any`, Pagefind would ignore it and match everything.
  if (parts.some((part) => (part.any as PagefindFilter[]).length === 0)) return null;
  return parts.length > 0 ? { all: parts } : undefined;
}

function hit(data: PagefindData, exact: boolean): ClauseHit {
  const landing = /^\/[^/]+\/v([^/]+)\//.exec(data.url)?.[1] ?? '';
  const documentName = (valuesOf(data, 'document')[0] ?? '').replace(/ \(.*\)$/, '');
  const versions = valuesOf(data, 'version').map((label) => {
    const version = label.slice(label.lastIndexOf(' v') + 2);
    return { label: `v${version}`, url: data.url.replace(`/v${landing}/`, `/v${version}/`) };
  });
  const name = anchor(data, RECORD_ANCHORS.name) ?? '';
  const content = data.content.replace(NUMBER_WORD, '');
  return {
    url: data.url,
    title: `${documentName} v${landing} — ${name}`,
    name,
    versions: versions.length > 0 ? versions : [{ label: `v${landing}`, url: data.url }],
    statuses: valuesOf(data, 'status'),
    // Found by its number, Pagefind's excerpt is the words around the number word (the clause's
    // end): the clause's opening words say more.
    excerpt: exact ? escapeHtml(content.split(/\s+/).slice(0, 30).join(' ')) : data.excerpt.replace(NUMBER_WORD, ''),
    content,
    exact,
  };
}

/**
 * Searches the bundle: a clause named by number comes first, then the clauses whose words match,
 * in Pagefind's order. With `group`, the texts of one clause in several versions (same history)
 * are one result, led by the text in effect, else the best match. Loads the data of the first
 * `limit` records only, the first `first` of them before the rest (see `onFirst`). `catalog` is what the page offers to narrow by (the documents, for
 * `TMAD 8.6`).
 */
export async function searchClauses(
  pagefind: PagefindApi,
  term: string,
  selected: SearchSelection,
  options: {
    group: boolean;
    limit: number;
    catalog: readonly SearchCatalogEntry[];
    /** With `onFirst`: how many records to load before showing the first results. */
    first?: number;
    /** Called with the first `first` records' results, when more are to load. */
    onFirst?: (search: ClauseSearch) => void;
  },
): Promise<ClauseSearch> {
  const { catalog } = options;
  if (pagefindFilter(selected, catalog) === null) return { total: 0, groups: [] };
  const filtered = (selection: SearchSelection) => {
    const filters = pagefindFilter(selection, catalog);
    return filters ? { filters } : {};
  };
  const found: Array<{ result: PagefindResult; exact: boolean }> = [];
  const seen = new Set<string>();
  const add = (results: readonly PagefindResult[], exact: boolean) => {
    for (const result of results) {
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      found.push({ result, exact });
    }
  };
  const numbered = clauseNumberQuery(term);
  if (numbered) {
    const narrowed: SearchSelection = { ...selected };
    if (numbered.document) {
      // `TMAD 8.6` narrows to the document; `SRV 4.4.2` names no document and is words to search.
      narrowed.document = catalog.map((entry) => entry.document).filter((d) => d.toLowerCase().startsWith(`${numbered.document?.toLowerCase()} (`));
    }
    if ((!numbered.document || (narrowed.document?.length ?? 0) > 0) && pagefindFilter(narrowed, catalog) !== null)
      add((await pagefind.search(numberWord(numbered.number), filtered(narrowed)))?.results ?? [], true);
  }
  add((await pagefind.search(term, filtered(selected)))?.results ?? [], false);
  const load = (from: number, to: number) => Promise.all(found.slice(from, to).map(async ({ result, exact }) => ({ data: await result.data(), exact })));
  // Each record's data is a request of its own: the first screen is shown before the rest load.
  const first = Math.min(options.first ?? options.limit, options.limit);
  const hits = await load(0, first);
  if (options.onFirst && found.length > first) options.onFirst({ total: found.length, groups: grouped(hits, options.group) });
  hits.push(...(await load(first, options.limit)));
  return { total: found.length, groups: grouped(hits, options.group) };
}

/** The records found as results: one per record, or with `group` one per clause history, led by its text in effect. */
function grouped(hits: ReadonlyArray<{ data: PagefindData; exact: boolean }>, group: boolean): ClauseGroup[] {
  const groups = new Map<string, ClauseHit[]>();
  for (const { data, exact } of hits) {
    const key = group ? (anchor(data, RECORD_ANCHORS.history) ?? data.url) : data.url;
    const list = groups.get(key);
    if (list) list.push(hit(data, exact));
    else groups.set(key, [hit(data, exact)]);
  }
  return [...groups].map(([key, list]) => {
    const lead = list.find((h) => h.statuses.includes('In effect')) ?? (list[0] as ClauseHit);
    return { key, lead, others: list.filter((h) => h !== lead) };
  });
}

/** Where two texts differ, by words: the words around, and the words of each side in between. */
export interface WordChange {
  before: string;
  removed: string;
  added: string;
  after: string;
}

/**
 * The span of words where `older` differs from `newer` (common leading and trailing words
 * trimmed), with up to `context` words either side: enough to show what changed in a clause
 * without a full comparison. Undefined when the texts have the same words.
 */
export function wordChange(older: string, newer: string, context = 6): WordChange | undefined {
  const a = older.split(/\s+/).filter(Boolean);
  const b = newer.split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return undefined;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const before = a.slice(Math.max(0, start - context), start);
  const after = a.slice(a.length - end, a.length - end + context);
  return {
    before: `${start > context ? '… ' : ''}${before.join(' ')}`,
    removed: a.slice(start, a.length - end).join(' '),
    added: b.slice(start, b.length - end).join(' '),
    after: `${after.join(' ')}${end > context ? ' …' : ''}`,
  };
}
