import type { ElementContent } from 'hast';

/** A point in a source file, 1-based, as unist positions are. */
export interface SourcePoint {
  line: number;
  column: number;
}

/** The kinds of block a version is split into. */
export type ClauseKind = 'heading' | 'clause' | 'paragraph' | 'table' | 'row';

/**
 * One addressable block of a version: a numbered heading or clause, a sub-paragraph, an
 * unnumbered paragraph (with a fallback anchor), a table, or a table row keyed by its first cell.
 * Plain data (JSON-serialisable), so parsed versions can be cached and shipped to the browser.
 */
export interface Clause {
  /** Anchor id, unique within the version, derived from the number (`18.4-a`) or, failing that, from content and context. */
  slug: string;
  /** Normalised full number (`18.4(a)`), or null for an unnumbered block. */
  number: string | null;
  /** The label as the reader sees it in front of the text (`18.4`, `(a)`, `4`), or null. */
  label: string | null;
  kind: ClauseKind;
  /** Nesting depth for indentation: 0 for top-level headings and clauses. */
  depth: number;
  /** Heading depth (2–6) for headings. */
  rank?: number;
  /** Slug of the enclosing clause or heading, or null at top level. */
  parent: string | null;
  /** Titles of the enclosing headings, outermost first, each with its number. */
  path: string[];
  /** Plain text without the label, whitespace collapsed: what is compared and searched. */
  text: string;
  /** Rendered, sanitised content without the label. For a row: its cells (`td`). For a table: its header cells (`th`). */
  content: ElementContent[];
  /** For rows: the slug of the table they belong to. */
  table?: string;
  /**
   * Other anchors the clause answers to, as its source's own links wrote them: a heading's
   * GitHub or kramdown slug (`k-payment`), an explicit `id` or `{#id}`. Shown on the page as
   * empty elements with these ids; absent when there are none.
   */
  aliases?: string[];
  /** Where the block starts and ends in the source file. */
  start: SourcePoint;
  end: SourcePoint;
}
