import type { AlignedRow } from './align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionInEffect } from '#model/version-in-effect.ts';

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

/** The version in effect and, for each clause of another version, the same clause in it. */
export interface InEffectCounterparts {
  current: VersionRecord;
  counterparts: Map<string, Clause>;
}

/**
 * For a superseded version or a consultation draft, the version in effect on `asOf` and the
 * counterpart there of each of its clauses; undefined for the version in effect itself, for
 * versions not yet in effect, and when no version is in effect.
 */
export function inEffectCounterparts(
  document: DocumentRecord,
  version: VersionRecord,
  asOf: string,
  compare: (from: VersionRecord, to: VersionRecord) => readonly AlignedRow[],
): InEffectCounterparts | undefined {
  if (version.state !== 'superseded' && version.state !== 'draft') return undefined;
  const current = versionInEffect(document, asOf);
  if (!current || current === version) return undefined;
  return { current, counterparts: clauseCounterparts(compare(version, current)) };
}
