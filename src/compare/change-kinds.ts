import type { AlignedRow, ChangeKind } from './align-clauses.ts';
import type { Clause } from '#model/clause.ts';

/** The kinds of change in the order the summary lists them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['modified', 'inserted', 'deleted', 'renumbered', 'moved', 'split', 'merged', 'unchanged'];

/** How many rows of each kind a comparison has. */
export function countChanges(rows: readonly AlignedRow[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { modified: 0, inserted: 0, deleted: 0, renumbered: 0, moved: 0, split: 0, merged: 0, unchanged: 0 };
  for (const row of rows) counts[row.kind]++;
  return counts;
}

/**
 * Whether a row is a change to navigate to: any kind but unchanged, and an unchanged clause
 * whose cross-references were updated (a consequential change, shown but not counted as a
 * rewording).
 */
export function isChange(row: AlignedRow): boolean {
  return row.kind !== 'unchanged' || row.consequential === true;
}

/** The anchor of a comparison row: `c-4.10`, or `c-del-3.9` for a deleted clause. */
export function rowId(row: AlignedRow): string {
  return row.new ? `c-${row.new.slug}` : `c-del-${row.old?.slug ?? ''}`;
}

/** The clauses on the old side of a row: several for a merge. */
export function olds(row: AlignedRow): Clause[] {
  return row.olds ?? (row.old ? [row.old] : []);
}

/** The clauses on the new side of a row: several for a split. */
export function news(row: AlignedRow): Clause[] {
  return row.news ?? (row.new ? [row.new] : []);
}

/** What a change note reads of a row; a clause history entry has the same fields. */
export interface ChangeSummary {
  kind: ChangeKind;
  old?: Clause | undefined;
  new?: Clause | undefined;
  olds?: readonly Clause[] | undefined;
  reworded: boolean;
  consequential?: boolean | undefined;
}

/**
 * What the row says besides the kind: where a clause came from ("renumbered from 4.41",
 * "moved from Section 3 (was 3.4)", "split from 2.3", "merged from 2.3 and 2.4"), whether it
 * was also reworded, and whether cross-references changed only to follow renumbering.
 */
export function changeNote(row: ChangeSummary): string | undefined {
  if (!row.old || !row.new) return undefined;
  const from = numberOf(row.old);
  const parts: string[] = [];
  if (row.kind === 'renumbered') parts.push(`renumbered from ${from}`);
  if (row.kind === 'moved') {
    const section = row.old.path.at(-1);
    parts.push(section ? `moved from ${sectionName(section)} (was ${from})` : `moved from ${from}`);
  }
  if (row.kind === 'split') parts.push(`split from ${from}`);
  if (row.kind === 'merged') parts.push(`merged from ${joinAnd((row.olds ?? [row.old]).map(numberOf))}`);
  if (row.reworded && parts.length > 0) parts.push('and reworded');
  if (row.consequential) parts.push(parts.length > 0 ? 'with consequential changes' : 'consequential changes only');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function numberOf(clause: Clause): string {
  return clause.number ?? clause.label ?? clause.slug;
}

/** "3 Migration" → "Section 3"; an unnumbered heading by its title. */
function sectionName(path: string): string {
  const number = /^(\S+)\s/.exec(path)?.[1];
  return number && /\d|^[A-Z]\.?$/.test(number) ? `Section ${number.replace(/\.$/, '')}` : `“${path}”`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
