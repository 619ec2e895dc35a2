import type { AlignedRow } from '#compare/align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import { clausePermalink } from './citation.ts';
import { countChanges } from '#compare/change-kinds.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { absoluteUrl, apiSchemaUrl, compareUrl } from './urls.ts';
import { diffTokens, tokenize, type TokenOp } from '#compare/word-diff.ts';

/** A clause on one side of a comparison row. */
export interface ApiCompareClause {
  slug: string;
  number: string | null;
  text: string;
  permalink: string;
}

/** A run of words with the same fate: kept, removed from the old text, or added in the new. */
export interface ApiWordChange {
  op: TokenOp;
  text: string;
}

/** One aligned row (schema: `schemas/compare.schema.json`). */
export interface ApiCompareRow {
  kind: string;
  reworded: boolean;
  /** The old clause(s): none for an inserted clause; lists leave room for rows that merge or split clauses. */
  from: ApiCompareClause[];
  /** The new clause(s): none for a deleted clause. */
  to: ApiCompareClause[];
  /** The word diff of a reworded row with a clause on each side; absent otherwise. */
  changes?: ApiWordChange[];
}

/** The body of `/api/<doc>/compare/v<a>...v<b>.json`. */
export interface ApiCompare {
  $schema: string;
  document: string;
  from: string;
  to: string;
  url: string;
  counts: Record<string, number>;
  rows: ApiCompareRow[];
}

/**
 * The word changes between two clauses' plain texts, as runs. Diffs the text every comparison
 * and search use (whitespace collapsed), so data readers get words, not markup.
 */
export function wordChanges(oldText: string, newText: string): ApiWordChange[] {
  const runs = diffTokens(tokenize([{ type: 'text', value: oldText }]), tokenize([{ type: 'text', value: newText }]));
  return runs.map((run) => ({ op: run.op, text: run.tokens.map((t) => t.text).join('') })).filter((run) => run.text.length > 0);
}

/**
 * `/api/<doc>/compare/v<a>...v<b>.json`: the alignment of two versions as the comparison page
 * shows it, row by row with its kind and word changes. Rows of kinds added to the diff engine
 * later pass through with their kind.
 */
export function apiCompare(document: DocumentRecord, from: VersionRecord, to: VersionRecord, rows: readonly AlignedRow[], site: URL | string): ApiCompare {
  const side = (version: VersionRecord, clause: Clause | undefined): ApiCompareClause[] =>
    clause ? [{ slug: clause.slug, number: clause.number, text: clause.text, permalink: clausePermalink({ document, version, clause }, site) }] : [];
  return {
    $schema: absoluteUrl(apiSchemaUrl('compare'), site),
    document: document.id,
    from: from.version,
    to: to.version,
    url: absoluteUrl(compareUrl(document.id, from.version, to.version), site),
    counts: { ...countChanges(rows) },
    rows: rows.map((row) => ({
      kind: row.kind,
      reworded: row.reworded,
      from: side(from, row.old),
      to: side(to, row.new),
      ...(row.old && row.new && row.reworded ? { changes: wordChanges(row.old.text, row.new.text) } : {}),
    })),
  };
}
