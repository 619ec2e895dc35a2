/**
 * Loading the site without holding every version's text at once: the loader is given a parser
 * that only notes how to parse each version later, and a document's texts are parsed (read from
 * the parse cache) when that document's turn comes, then let go. A step that works one document at a time
 * then holds one document's clauses, not the whole SEC's.
 *
 * Only for content the content check has already passed: the parse problems are not reported
 * again, and the loader's checks of the clauses themselves (an empty body) are not repeated.
 */
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import type { ParsedClauses, parseClauses } from '#parse/parse-clauses.ts';
import type { ParseLater } from './parse-cache.ts';

/**
 * What a version's clauses are until its document is read: one empty paragraph, so the loader
 * does not take the version for an empty one, and its checks of clauses (limits, links) pass on
 * it. It is never rendered: `withTexts` replaces it before any file is made.
 */
const NOT_YET_READ: readonly Clause[] = Object.freeze([
  Object.freeze({
    slug: 'not-yet-read',
    number: null,
    label: null,
    kind: 'paragraph',
    depth: 0,
    parent: null,
    path: [],
    text: '',
    content: [],
    start: { line: 1, column: 1 },
    end: { line: 1, column: 1 },
  } satisfies Clause),
]);

/** A parser to load the site with, and the way to read one document's texts afterwards. */
export interface DeferredParser {
  /** Give this to `loadSite` as its parser. */
  parse: typeof parseClauses;
  /** The document with every version's clauses parsed: a new record, the loaded one is unchanged. */
  withTexts(document: DocumentRecord): DocumentRecord;
  /** One version's clauses, parsed (read from the parse cache) again at each call. */
  clausesOf(version: VersionRecord): Clause[];
}

/**
 * Defers parsing until a document's texts are asked for. `later` keeps what a version needs to be
 * parsed then: the cached parser's (`cachedParser().later`) keeps only the name of the file its
 * result is cached in, so the Markdown itself can be let go.
 */
export function deferredParser(later: ParseLater): DeferredParser {
  const texts = new Map<string, () => ParsedClauses>();
  const clausesOf = (version: VersionRecord): Clause[] => {
    const text = texts.get(version.file);
    if (!text) throw new Error(`${version.file}: its text was not read when the site was loaded`);
    return text().clauses;
  };
  return {
    parse(markdown, options) {
      texts.set(options.file, later(markdown, options));
      return { clauses: NOT_YET_READ as Clause[], problems: [] };
    },
    withTexts(document) {
      return { ...document, versions: document.versions.map((version) => ({ ...version, clauses: clausesOf(version) })) };
    },
    clausesOf,
  };
}
