import type { AlignedRow } from './align-clauses.ts';
import { isChange } from './change-kinds.ts';
import type { Clause } from '#model/clause.ts';

/**
 * The changes a reader steps through. Each change is a step, except that a section inserted or
 * deleted as a whole is one step, its heading's row: stepping through the dozen clauses of a new
 * Section 8 one by one tells the reader nothing the heading does not.
 */
export interface ChangeSteps {
  steps: AlignedRow[];
  /** A wholly inserted or deleted section's heading row → the rows of the section after it. */
  sections: Map<AlignedRow, AlignedRow[]>;
  /** A row inside such a section → its heading row. */
  partOf: Map<AlignedRow, AlignedRow>;
}

function clauseOf(row: AlignedRow): Clause | undefined {
  return row.new ?? row.old;
}

/** A top-level section heading: what a section's rows run to the next of. */
function isSectionHeading(row: AlignedRow): boolean {
  const clause = clauseOf(row);
  return clause?.kind === 'heading' && clause.depth === 0;
}

/** Finds the steps of a comparison's rows (in row order). */
export function changeSteps(rows: readonly AlignedRow[]): ChangeSteps {
  const sections = new Map<AlignedRow, AlignedRow[]>();
  const partOf = new Map<AlignedRow, AlignedRow>();
  for (let index = 0; index < rows.length; index++) {
    const head = rows[index] as AlignedRow;
    if (!isSectionHeading(head) || (head.kind !== 'inserted' && head.kind !== 'deleted')) continue;
    let end = index + 1;
    while (end < rows.length && !isSectionHeading(rows[end] as AlignedRow)) end++;
    const inside = rows.slice(index + 1, end);
    if (inside.length === 0 || !inside.every((row) => row.kind === head.kind)) continue;
    sections.set(head, inside);
    for (const row of inside) partOf.set(row, head);
    index = end - 1;
  }
  return { steps: rows.filter((row) => isChange(row) && !partOf.has(row)), sections, partOf };
}
