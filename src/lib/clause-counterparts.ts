import type { AlignedRow } from './align-clauses.ts';
import type { Clause } from './clause.ts';

/**
 * For each clause of the old side of a comparison, the clause it became on the new side
 * (same, reworded, renumbered or moved), keyed by the old slug. Clauses deleted in the new
 * version have no counterpart. Rows of kinds this module does not know are read the same way:
 * whatever pairs an old clause with a new one.
 */
export function clauseCounterparts(rows: readonly AlignedRow[]): Map<string, Clause> {
  const counterparts = new Map<string, Clause>();
  for (const row of rows) {
    if (row.old && row.new && !counterparts.has(row.old.slug)) counterparts.set(row.old.slug, row.new);
  }
  return counterparts;
}
