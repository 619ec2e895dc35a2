/**
 * The search of clauses over a Pagefind bundle, without the page: the exact clause-number lookup,
 * the full-text search, and the grouping of one clause's texts in several versions. Shared by
 * the search page and the relevance test, which runs it over the shipped content in Node.
 */
import { numberWord, RECORD_ANCHORS } from '#publish/search-records.ts';

/** The part of Pagefind's JavaScript API (`pagefind.js`) the search uses. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
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

function hit(data: PagefindData, exact: boolean): ClauseHit {
  const landing = /^\/[^/]+\/v([^/]+)\//.exec(data.url)?.[1] ?? '';
  const documentName = (data.filters.document?.[0] ?? '').replace(/ \(.*\)$/, '');
  const versions = (data.filters.version ?? []).map((label) => {
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
    statuses: data.filters.status ?? [],
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
 * `limit` records only.
 */
export async function searchClauses(pagefind: PagefindApi, term: string, filters: Record<string, string[]>, options: { group: boolean; limit: number }): Promise<ClauseSearch> {
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
    const narrowed: Record<string, string[]> = { ...filters };
    if (numbered.document) {
      // `TMAD 8.6` narrows to the document; `SRV 4.4.2` names no document and is words to search.
      const documents = Object.keys((await pagefind.filters()).document ?? {});
      narrowed.document = documents.filter((d) => d.toLowerCase().startsWith(`${numbered.document?.toLowerCase()} (`));
    }
    if (!numbered.document || (narrowed.document?.length ?? 0) > 0) add((await pagefind.search(numberWord(numbered.number), { filters: narrowed }))?.results ?? [], true);
  }
  add((await pagefind.search(term, { filters }))?.results ?? [], false);
  const hits = await Promise.all(found.slice(0, options.limit).map(async ({ result, exact }) => ({ data: await result.data(), exact })));
  const groups = new Map<string, ClauseHit[]>();
  for (const { data, exact } of hits) {
    const key = options.group ? (anchor(data, RECORD_ANCHORS.history) ?? data.url) : data.url;
    const list = groups.get(key);
    if (list) list.push(hit(data, exact));
    else groups.set(key, [hit(data, exact)]);
  }
  return {
    total: found.length,
    groups: [...groups].map(([key, list]) => {
      const lead = list.find((h) => h.statuses.includes('In effect')) ?? (list[0] as ClauseHit);
      return { key, lead, others: list.filter((h) => h !== lead) };
    }),
  };
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
