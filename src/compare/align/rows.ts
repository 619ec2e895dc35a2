import type { Clause } from '#model/clause.ts';
import { mapReferences } from '../cross-references.ts';
import type { AlignedRow, PairedKind } from './aligned-row.ts';
import type { Pieces } from './pieces.ts';
import type { Side } from './side.ts';

/** A split or merge as one row: the old clauses and new clauses it joins. */
interface PiecesRow {
  olds: number[];
  news: number[];
  kind: 'split' | 'merged';
}

/** What the words of a row did. */
interface TextChange {
  reworded: boolean;
  consequential?: boolean;
}

/** Builds the rows: new order, split and merged clauses as one row each, deleted clauses after the old clause they followed. */
export function buildRows(a: Side, b: Side, splits: readonly Pieces[], merges: readonly Pieces[]): AlignedRow[] {
  // Where each old clause now is (for placing deletions), and what each new clause's row is.
  const oldAt = [...a.matches()];
  const rowAt = new Map<number, PiecesRow>();
  const skipNew = new Set<number>();
  for (const s of splits) {
    const [first = -1] = s.parts;
    rowAt.set(first, { olds: [s.whole], news: s.parts, kind: 'split' });
    for (const k of s.parts) if (k !== first) skipNew.add(k);
    oldAt[s.whole] = first;
  }
  for (const m of merges) rowAt.set(m.whole, { olds: m.parts, news: [m.whole], kind: 'merged' });
  const renumbered = renumbering(a, b, splits, merges);
  const partsOf = new Map(splits.map((s) => [s.whole, s.parts]));
  const deletedAfter = deletionsByAnchor(oldAt);
  const rows: AlignedRow[] = [];
  const pushDeleted = (j: number) => {
    for (const i of deletedAfter.get(j) ?? []) rows.push({ kind: 'deleted', old: a.clause(i), reworded: true });
  };
  pushDeleted(-1);
  b.clauses.forEach((clause, j) => {
    const pieces = rowAt.get(j);
    if (pieces) rows.push(piecesRow(a, b, j, pieces, renumbered));
    else if (!skipNew.has(j)) rows.push(pairRow(a, b, j, clause, renumbered, partsOf));
    pushDeleted(j);
  });
  return rows;
}

/** Unpaired old clauses, by the new index of the last paired old clause before them (-1 at the start). */
function deletionsByAnchor(oldAt: readonly number[]): Map<number, number[]> {
  const deletedAfter = new Map<number, number[]>();
  let anchor = -1;
  oldAt.forEach((j, i) => {
    if (j !== -1) {
      anchor = j;
      return;
    }
    const list = deletedAfter.get(anchor);
    if (list) list.push(i);
    else deletedAfter.set(anchor, [i]);
  });
  return deletedAfter;
}

function piecesRow(a: Side, b: Side, j: number, pieces: PiecesRow, renumbered: ReadonlyMap<string, string>): AlignedRow {
  const olds = pieces.olds.map((i) => a.clause(i));
  const news = pieces.news.map((k) => b.clause(k));
  // Where the pieces join is the writer's choice of spacing ("known.The" cut into "known." and
  // "The"), not a change of words: compared without whitespace.
  const joined = (clauses: readonly Clause[]) => clauses.map((c) => c.text.replace(/\s+/g, '')).join('');
  const change = textChange(joined(olds), joined(news), renumbered);
  if (pieces.kind === 'merged') return { kind: 'merged', old: a.clause(b.match(j)), new: b.clause(j), olds, ...change };
  const [primaryOld = -1] = pieces.olds;
  return { kind: 'split', old: a.clause(primaryOld), new: b.clause(a.match(primaryOld)), news, ...change };
}

function pairRow(a: Side, b: Side, j: number, clause: Clause, renumbered: ReadonlyMap<string, string>, partsOf: ReadonlyMap<number, readonly number[]>): AlignedRow {
  const i = b.match(j);
  if (i === -1) return { kind: 'inserted', new: clause, reworded: true };
  const old = a.clause(i);
  const change = textChange(old.text, clause.text, renumbered);
  return { kind: classify(a, b, i, j, change.reworded, partsOf), old, new: clause, ...change };
}

/**
 * Old number → new number for every aligned clause whose number changed (for a merge, each
 * merged clause → the merged one), so cross-references to it can be followed.
 */
export function renumberedNumbers(rows: readonly AlignedRow[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    const to = row.new?.number;
    if (!to) continue;
    for (const old of row.olds ?? (row.old ? [row.old] : [])) {
      if (old.number && old.number !== to && !map.has(old.number)) map.set(old.number, to);
    }
  }
  return map;
}

function textChange(oldText: string, newText: string, renumbered: ReadonlyMap<string, string>): TextChange {
  if (oldText === newText) return { reworded: false };
  const mapped = mapReferences(oldText, renumbered);
  if (mapped === oldText) return { reworded: true };
  return mapped === newText ? { reworded: false, consequential: true } : { reworded: true, consequential: true };
}

/** Old number → new number for every clause whose number changed, so cross-references to it can be followed. */
function renumbering(a: Side, b: Side, splits: readonly Pieces[], merges: readonly Pieces[]): Map<string, string> {
  const map = new Map<string, string>();
  const note = (i: number, j: number) => {
    const from = a.clause(i).number;
    const to = b.clause(j).number;
    if (from && to && from !== to && !map.has(from)) map.set(from, to);
  };
  for (const s of splits) note(s.whole, s.primary);
  for (const m of merges) for (const i of m.parts) note(i, m.whole);
  a.matches().forEach((j, i) => {
    if (j !== -1) note(i, j);
  });
  return map;
}

/**
 * A pair's kind: moved when none of its old ancestors up to its section (for a table row, its
 * table) became one of its new ancestors, so it left its section rather than going along with
 * its parent; renumbered when its number changed (a new number, level or letter, a promotion
 * or demotion within its section); else modified or unchanged.
 */
function classify(a: Side, b: Side, i: number, j: number, reworded: boolean, partsOf: ReadonlyMap<number, readonly number[]>): PairedKind {
  const oldContainer = container(a, i);
  if (oldContainer !== -1 && container(b, j) !== -1 && !keptAncestor(a, b, i, j, oldContainer, partsOf)) return 'moved';
  if (shownNumber(a.clause(i)) !== shownNumber(b.clause(j))) return 'renumbered';
  return reworded ? 'modified' : 'unchanged';
}

/**
 * Whether an old ancestor of clause i, up to `limit`, became an ancestor of clause j (for a
 * split section, any of its parts: its clauses went along with it).
 */
function keptAncestor(a: Side, b: Side, i: number, j: number, limit: number, partsOf: ReadonlyMap<number, readonly number[]>): boolean {
  for (let p = a.parent(i); p !== -1; p = a.parent(p)) {
    if ((partsOf.get(p) ?? [a.match(p)]).some((q) => isAncestor(b, q, j))) return true;
    if (p === limit) return false;
  }
  return false;
}

function isAncestor(side: Side, ancestor: number, index: number): boolean {
  if (ancestor === -1) return false;
  for (let p = side.parent(index); p !== -1; p = side.parent(p)) if (p === ancestor) return true;
  return false;
}

/** The table a row is in, or the heading a clause (or heading) sits under; -1 at top level. */
function container(side: Side, index: number): number {
  if (side.clause(index).kind === 'row') return side.parent(index);
  let p = side.parent(index);
  while (p !== -1 && side.clause(p).kind !== 'heading') p = side.parent(p);
  return p;
}

/** A clause's number, or the label it shows when its number is not known (a list item `8.` under an unnumbered heading). */
function shownNumber(clause: Clause): string | null {
  return clause.number ?? clause.label;
}
