import type { AlignedRow, ChangeKind } from './align-clauses.ts';
import type { Clause } from '#model/clause.ts';

/**
 * Aligned rows as plain data, each clause written as its index in its version, so a comparison
 * can be cached and read back onto the same versions' clauses:
 * `[kind, old, new, olds, news, reworded, consequential]`, -1 or null where absent.
 */
export type EncodedRow = [ChangeKind, number, number, number[] | null, number[] | null, boolean, boolean];

/** Writes aligned rows as clause indices. */
export function encodeRows(rows: readonly AlignedRow[], oldClauses: readonly Clause[], newClauses: readonly Clause[]): EncodedRow[] {
  const oldIndex = new Map(oldClauses.map((c, i) => [c, i]));
  const newIndex = new Map(newClauses.map((c, i) => [c, i]));
  const index = (map: Map<Clause, number>, clause: Clause | undefined) => (clause ? (map.get(clause) ?? -1) : -1);
  return rows.map((row) => [
    row.kind,
    index(oldIndex, row.old),
    index(newIndex, row.new),
    row.olds ? row.olds.map((c) => index(oldIndex, c)) : null,
    row.news ? row.news.map((c) => index(newIndex, c)) : null,
    row.reworded,
    row.consequential ?? false,
  ]);
}

/** Reads encoded rows back onto the clauses of the same two versions. */
export function decodeRows(rows: readonly EncodedRow[], oldClauses: readonly Clause[], newClauses: readonly Clause[]): AlignedRow[] {
  return rows.map((row) => decodeRow(row, oldClauses, newClauses));
}

function decodeRow(row: EncodedRow, oldClauses: readonly Clause[], newClauses: readonly Clause[]): AlignedRow {
  const [kind, old, neu, olds, news, reworded, consequential] = row;
  const at = (list: readonly Clause[], i: number) => {
    const clause = list[i];
    if (!clause) throw new Error(`cached comparison names clause ${i}, which the version does not have`);
    return clause;
  };
  const change = { reworded, ...(consequential ? { consequential } : {}) };
  switch (kind) {
    case 'inserted':
      return { kind, new: at(newClauses, neu), ...change };
    case 'deleted':
      return { kind, old: at(oldClauses, old), ...change };
    case 'merged':
      if (!olds) throw new Error('cached comparison has a merged row without its merged clauses');
      return { kind, old: at(oldClauses, old), new: at(newClauses, neu), olds: olds.map((i) => at(oldClauses, i)), ...change };
    case 'split':
      if (!news) throw new Error('cached comparison has a split row without its parts');
      return { kind, old: at(oldClauses, old), new: at(newClauses, neu), news: news.map((i) => at(newClauses, i)), ...change };
    default:
      return { kind, old: at(oldClauses, old), new: at(newClauses, neu), ...change };
  }
}
