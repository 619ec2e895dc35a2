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
/** One matched word of a page: where it is (its index among the page's words) and how much it counts. */
export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  filters: Record<string, string[]>;
  /** Elements with an id, in page order, each with the index of the word that follows it: where each record starts, its name and history (see RECORD_ANCHORS). */
  anchors?: Array<{ id: string; location: number }>;
  /** The words matched, by location. */
  weighted_locations?: PagefindLocation[];
}

/** One record of a page found: its URL, name, history and filters, its words, and the words matched in it. */
export interface RecordData {
  url: string;
  name: string;
  history?: string;
  filters: Record<string, string[]>;
  /** The record's words (its text, then its number word and other spellings), as Pagefind counts them. */
  words: string[];
  /** Matched words, by index in `words`, with Pagefind's score of each. */
  matches: Array<{ at: number; score: number }>;
}

/**
 * The records of a page found, each with its share of the page's words (from its `at:` anchor
 * to the next one's) and of the matched words, and its own filters (its `filters:` anchor, else
 * the page's). A page written before pages held several records
 * (no `at:` anchor) is one record at the page's URL.
 */
export function pageRecords(data: PagefindData): RecordData[] {
  const words = data.content.split(/[\r\n\s]+/g);
  const anchors = data.anchors ?? [];
  const starts = anchors.filter((a) => a.id.startsWith(RECORD_ANCHORS.at));
  const parts = starts.length > 0 ? starts.map((start, i) => ({ start, end: starts[i + 1]?.location ?? words.length })) : [{ start: undefined, end: words.length }];
  return parts.map(({ start, end }, i) => {
    const from = start?.location ?? 0;
    // The record's own anchors: those after its `at:` and before the next record's, in page order.
    const first = start ? anchors.indexOf(start) : 0;
    const next = starts[i + 1];
    const own = anchors.slice(first, next ? anchors.indexOf(next) : anchors.length);
    const value = (prefix: string) => {
      const id = own.find((a) => a.id.startsWith(prefix))?.id;
      return id === undefined ? undefined : decodeURIComponent(id.slice(prefix.length));
    };
    const history = value(RECORD_ANCHORS.history);
    const filters = value(RECORD_ANCHORS.filters);
    return {
      url: value(RECORD_ANCHORS.at) ?? data.url,
      name: value(RECORD_ANCHORS.name) ?? '',
      ...(history ? { history } : {}),
      filters: filters ? (JSON.parse(filters) as Record<string, string[]>) : data.filters,
      words: words.slice(from, end),
      matches: (data.weighted_locations ?? []).filter((l) => l.location >= from && l.location < end).map((l) => ({ at: l.location - from, score: l.balanced_score })),
    };
  });
}

/** The words of a query as Pagefind splits them (at spaces, dots, brackets), lower case. */
function queryWords(term: string): string[] {
  return [
    ...new Set(
      term
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Whether a record has every word of the query. Pagefind finds a page with every word somewhere
 * in it: on a page of many records, each word may be in another record. A matched word counts
 * for the query word it starts like most (Pagefind matched it by stem or as a prefix: `meters`
 * for `meter`), and must share its first letters (three, or the whole of a shorter word).
 */
export function hasEveryWord(record: RecordData, words: readonly string[]): boolean {
  if (words.length < 2) return record.matches.length > 0;
  const found = new Set<string>();
  for (const { at } of record.matches) {
    for (const part of (record.words[at] ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!part) continue;
      let best: string | undefined;
      let length = 0;
      for (const word of words) {
        const shared = sharedStart(part, word);
        if (shared > length) [best, length] = [word, shared];
      }
      if (best !== undefined && length >= Math.min(3, best.length)) found.add(best);
    }
  }
  return words.every((word) => found.has(word));
}

/** Words of an excerpt: Pagefind's length, as the page asks for it. */
const EXCERPT_WORDS = 30;

/**
 * The record's excerpt: the run of its words with the most matched (by Pagefind's score), the
 * matched words marked, as Pagefind's own excerpts are (escaped text and `<mark>`).
 */
function recordExcerpt(record: RecordData): string {
  const { words, matches } = record;
  let start = 0;
  let best = -1;
  for (const candidate of matches.map((m) => Math.max(0, Math.min(m.at - 3, words.length - EXCERPT_WORDS)))) {
    const sum = matches.filter((m) => m.at >= candidate && m.at < candidate + EXCERPT_WORDS).reduce((n, m) => n + m.score, 0);
    if (sum > best) [start, best] = [candidate, sum];
  }
  const marked = new Set(matches.map((m) => m.at));
  return words
    .slice(start, start + EXCERPT_WORDS)
    .map((word, i) => (marked.has(start + i) ? markWord(word) : escapeHtml(word)))
    .join(' ');
}

/** A word, its letters and numbers, and the punctuation before and after them. */
const WORD_PARTS = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/**
 * A matched word marked on its letters and numbers only: Pagefind's words carry the punctuation
 * around them (`"UTRN`, `Period"),`), which is not what was found.
 */
export function markWord(word: string): string {
  const [, before = '', core = '', after = ''] = WORD_PARTS.exec(word) ?? [];
  if (core === '') return escapeHtml(word);
  return `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}`;
}

/** The clause-number word (`qqn8p6z.`, marked or not) as Pagefind's content and excerpts show it: not for the reader. */
const NUMBER_WORD = /\s?(?:<mark>)?qqn[a-z0-9]*z(?:<\/mark>)?\.?(?:<\/mark>)?/g;

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
  /**
   * Records (clause texts) that matched, of which the first `limit` are shown: those found on
   * the pages loaded, and one for each page found but not loaded (`complete` false), so at least.
   */
  total: number;
  /** Whether every page found was loaded: `total` is then exact. */
  complete: boolean;
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
function valuesOf(data: { filters: Record<string, string[]> }, kind: FilterKind): string[] {
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

/**
 * Whether a record's own filters meet a Pagefind filter ({@link pagefindFilter}): Pagefind
 * narrows pages, and a page holds the texts of other versions than those chosen.
 */
export function meetsFilter(filters: Record<string, string[]>, filter: PagefindFilter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([name, value]) => {
    if (name === 'all') return (value as PagefindFilter[]).every((part) => meetsFilter(filters, part));
    if (name === 'any') return (value as PagefindFilter[]).some((part) => meetsFilter(filters, part));
    return filters[name]?.includes(value as string) ?? false;
  });
}

function hit(record: RecordData, exact: boolean): ClauseHit {
  const landing = /^\/[^/]+\/v([^/]+)\//.exec(record.url)?.[1] ?? '';
  const documentName = (valuesOf(record, 'document')[0] ?? '').replace(/ \(.*\)$/, '');
  const versions = valuesOf(record, 'version').map((label) => {
    const version = label.slice(label.lastIndexOf(' v') + 2);
    return { label: `v${version}`, url: record.url.replace(`/v${landing}/`, `/v${version}/`) };
  });
  const content = record.words.join(' ').replace(NUMBER_WORD, '');
  return {
    url: record.url,
    title: `${documentName} v${landing} — ${record.name}`,
    name: record.name,
    versions: versions.length > 0 ? versions : [{ label: `v${landing}`, url: record.url }],
    statuses: valuesOf(record, 'status'),
    // Found by its number, the words around the number word are the clause's end: its opening
    // words say more.
    excerpt: exact ? escapeHtml(content.split(/\s+/).slice(0, EXCERPT_WORDS).join(' ')) : recordExcerpt(record).replace(NUMBER_WORD, ''),
    content,
    exact,
  };
}

/** Pages whose data is loaded at once before the first results are drawn (each a request, of a section's text). */
const FIRST_PAGES = 4;

/**
 * How much a long record's matched words are discounted (BM25's `b`, as Pagefind ranks pages):
 * with a page of records, Pagefind's own rank of the page says little of its records', so the
 * search ranks them again by their own matched words and length.
 */
const LENGTH_DISCOUNT = 0.75;

/** A record's rank score: its matched words' scores (Pagefind's, weights included), less for a record longer than the average one. */
function recordScore(record: RecordData, averageWords: number): number {
  const sum = record.matches.reduce((n, m) => n + m.score, 0);
  return sum / (1 - LENGTH_DISCOUNT + (LENGTH_DISCOUNT * record.words.length) / Math.max(averageWords, 1));
}

/**
 * Searches the bundle: a clause named by number comes first, then the clauses whose words match,
 * on the pages Pagefind ranks first, ranked by their own matched words ({@link recordScore}). A
 * page found holds several records (a section of a version): only those with every word of the
 * query are results. With `group`, the texts of one clause in several versions (same history)
 * are one result, led by the text in effect, else the best match. Loads the data of pages until
 * `limit` records are found, until `first` of them before the rest (see `onFirst`). `catalog`
 * is what the page offers to narrow by (the documents, for `TMAD 8.6`).
 */
export async function searchClauses(
  pagefind: PagefindApi,
  term: string,
  selected: SearchSelection,
  options: {
    group: boolean;
    limit: number;
    catalog: readonly SearchCatalogEntry[];
    /** With `onFirst`: how many records to find before showing the first results. */
    first?: number;
    /** Called with the first records' results, when more are to load. */
    onFirst?: (search: ClauseSearch) => void;
  },
): Promise<ClauseSearch> {
  const { catalog } = options;
  if (pagefindFilter(selected, catalog) === null) return { total: 0, complete: true, groups: [] };
  const filtered = (selection: SearchSelection) => {
    const filters = pagefindFilter(selection, catalog);
    return filters ? { filters } : {};
  };
  // A page found by the number and by the words is read twice: its record with the number is exact, the others are not.
  const pages: Array<{ result: PagefindResult; exact: boolean }> = [];
  const numbered = clauseNumberQuery(term);
  if (numbered) {
    const narrowed: SearchSelection = { ...selected };
    if (numbered.document) {
      // `TMAD 8.6` narrows to the document; `SRV 4.4.2` names no document and is words to search.
      narrowed.document = catalog.map((entry) => entry.document).filter((d) => d.toLowerCase().startsWith(`${numbered.document?.toLowerCase()} (`));
    }
    if ((!numbered.document || (narrowed.document?.length ?? 0) > 0) && pagefindFilter(narrowed, catalog) !== null)
      for (const result of (await pagefind.search(numberWord(numbered.number), filtered(narrowed)))?.results ?? []) pages.push({ result, exact: true });
  }
  for (const result of (await pagefind.search(term, filtered(selected)))?.results ?? []) pages.push({ result, exact: false });
  const words = queryWords(term);
  const narrowing = pagefindFilter(selected, catalog) ?? undefined;
  const hits: Array<{ record: RecordData; exact: boolean }> = [];
  const seen = new Set<string>();
  let loaded = 0;
  // Words of all the records on the pages loaded, for their average length.
  let recordWords = 0;
  let records = 0;
  // Each page's data is a request of its own, of a section's text: pages load a few at a time,
  // as many as the records still wanted need at the rate found so far, and no more pages than
  // records shown: where few records of the pages found have every word (a query of two words
  // common apart), the rest are counted, not fetched.
  const loadable = Math.min(pages.length, options.limit);
  const loadUntil = async (wanted: number) => {
    while (loaded < loadable && hits.length < wanted) {
      const rate = loaded > 0 ? Math.max(hits.length / loaded, 1) : 0;
      const count = rate > 0 ? Math.ceil((wanted - hits.length) / rate) : FIRST_PAGES;
      // Pages found by the number load on their own: Pagefind keeps one data object a page and
      // sets the matched words of the latest search on it, so the same page found by the words
      // must not be loading at the same time.
      const kind = pages[loaded]?.exact;
      let end = loaded;
      while (end < Math.min(loaded + count, loadable) && pages[end]?.exact === kind) end++;
      const batch = pages.slice(loaded, end);
      loaded = end;
      const read = await Promise.all(batch.map(async ({ result, exact }) => ({ records: pageRecords(await result.data()), exact })));
      for (const { records: all, exact } of read) {
        records += all.length;
        recordWords += all.reduce((n, record) => n + record.words.length, 0);
        for (const record of all) {
          if (seen.has(record.url) || !(exact ? record.matches.length > 0 : hasEveryWord(record, words))) continue;
          // Found by its number, a record was narrowed by the document named (`TMAD 8.6`) as well: only the reader's choice applies here.
          if (!meetsFilter(record.filters, narrowing)) continue;
          seen.add(record.url);
          hits.push({ record, exact });
        }
      }
    }
  };
  // The records found from `from` on, the clause named by number first, then by score.
  const rank = (from: number) => {
    const average = recordWords / Math.max(records, 1);
    const scored = hits.slice(from).map((hit, index) => ({ hit, index, score: hit.exact ? Number.POSITIVE_INFINITY : recordScore(hit.record, average) }));
    scored.sort((a, b) => (a.score === b.score ? a.index - b.index : b.score - a.score));
    hits.splice(from, scored.length, ...scored.map((s) => s.hit));
  };
  // Records found so far, and a record at least on each page not loaded.
  const counted = () => ({ total: hits.length + pages.length - loaded, complete: loaded === pages.length });
  const first = Math.min(options.first ?? options.limit, options.limit);
  await loadUntil(first);
  rank(0);
  // The first results drawn stay where they are; those found after them are ranked below them.
  if (options.onFirst && (hits.length > first || loaded < pages.length)) options.onFirst({ ...counted(), groups: grouped(hits.slice(0, first), options.group) });
  const drawn = options.onFirst ? Math.min(first, hits.length) : 0;
  await loadUntil(options.limit);
  rank(drawn);
  return { ...counted(), groups: grouped(hits.slice(0, options.limit), options.group) };
}

/** The records found as results: one per record, or with `group` one per clause history, led by its text in effect. */
function grouped(hits: ReadonlyArray<{ record: RecordData; exact: boolean }>, group: boolean): ClauseGroup[] {
  const groups = new Map<string, ClauseHit[]>();
  for (const { record, exact } of hits) {
    const key = group ? (record.history ?? record.url) : record.url;
    const list = groups.get(key);
    if (list) list.push(hit(record, exact));
    else groups.set(key, [hit(record, exact)]);
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
