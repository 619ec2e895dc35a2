import type { Clause, ClauseKind } from './clause.ts';

/** How a clause changed between two versions. */
export type ChangeKind = 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'renumbered' | 'moved';

/** One row of a comparison: the old clause beside the new one it became. */
export interface AlignedRow {
  kind: ChangeKind;
  old?: Clause;
  new?: Clause;
  /** True when the text differs (a renumbered or moved clause may also be reworded). */
  reworded: boolean;
}

/** Tuning of the matcher; the defaults suit regulatory prose. */
export interface AlignOptions {
  /** Least similarity for two clauses with the same number to be the same clause. */
  sameNumber?: number;
  /** Least similarity for clauses with different numbers to be the same clause renumbered or moved. */
  otherNumber?: number;
}

const SHINGLE = 3;
/** Shingles shared by more clauses than this are boilerplate and say nothing about identity. */
const COMMON_SHINGLE = 64;

/**
 * Aligns the clauses of two versions. Same number and similar text is the same clause; the
 * same (or near-identical) text under another number is the same clause renumbered or moved;
 * the rest is inserted or deleted. Rows come in the new version's order, deleted clauses
 * after the old clause they followed.
 *
 * Cost grows with the number of clauses, not their square: exact text is matched by hash, and
 * near-identical text only among unmatched clauses sharing word shingles.
 */
export function alignClauses(oldClauses: readonly Clause[], newClauses: readonly Clause[], options: AlignOptions = {}): AlignedRow[] {
  const sameNumber = options.sameNumber ?? 0.5;
  const otherNumber = options.otherNumber ?? 0.75;
  const oldMatch = new Array<number>(oldClauses.length).fill(-1);
  const newMatch = new Array<number>(newClauses.length).fill(-1);
  const pair = (i: number, j: number) => {
    oldMatch[i] = j;
    newMatch[j] = i;
  };
  const oldBySlug = new Map(oldClauses.map((c, i) => [c.slug, i]));

  // 1. Same number, same text.
  newClauses.forEach((clause, j) => {
    const i = oldBySlug.get(clause.slug);
    if (i !== undefined && compatible(oldClauses[i] as Clause, clause) && (oldClauses[i] as Clause).text === clause.text) pair(i, j);
  });

  // 2. Same text, unique on both sides, under another number.
  const oldByText = groupBy(oldClauses, oldMatch, (c) => `${family(c.kind)}\u0000${c.text}`);
  const newByText = groupBy(newClauses, newMatch, (c) => `${family(c.kind)}\u0000${c.text}`);
  for (const [text, js] of newByText) {
    const is = oldByText.get(text);
    if (is?.length === 1 && js.length === 1 && text.length > 2) pair(is[0] as number, js[0] as number);
  }

  // 3. Similar text: same-number pairs and shingle candidates, best first.
  const words = new Map<Clause, string[]>();
  const wordsOf = (c: Clause) => {
    let w = words.get(c);
    if (!w) {
      w = c.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      words.set(c, w);
    }
    return w;
  };
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  newClauses.forEach((clause, j) => {
    if (newMatch[j] !== -1) return;
    const i = oldBySlug.get(clause.slug);
    if (i === undefined || oldMatch[i] !== -1 || !compatible(oldClauses[i] as Clause, clause)) return;
    const score = dice(wordsOf(oldClauses[i] as Clause), wordsOf(clause));
    // Headings that keep their number keep their identity even when retitled.
    if (score >= sameNumber || clause.kind === 'heading' || clause.kind === 'table') candidates.push({ i, j, score: score + 0.1 });
  });
  const postings = new Map<string, number[]>();
  oldClauses.forEach((clause, i) => {
    if (oldMatch[i] !== -1) return;
    for (const shingle of shingles(wordsOf(clause))) {
      let list = postings.get(shingle);
      if (!list) postings.set(shingle, (list = []));
      if (list.at(-1) !== i) list.push(i);
    }
  });
  newClauses.forEach((clause, j) => {
    if (newMatch[j] !== -1) return;
    const shared = new Map<number, number>();
    for (const shingle of shingles(wordsOf(clause))) {
      const list = postings.get(shingle);
      if (!list || list.length > COMMON_SHINGLE) continue;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    for (const [i, count] of shared) {
      const old = oldClauses[i] as Clause;
      if (old.slug === clause.slug || !compatible(old, clause) || count === 0) continue;
      const score = dice(wordsOf(old), wordsOf(clause));
      if (score >= otherNumber) candidates.push({ i, j, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.j - b.j || a.i - b.i);
  for (const { i, j } of candidates) if (oldMatch[i] === -1 && newMatch[j] === -1) pair(i, j);

  return orderRows(oldClauses, newClauses, oldMatch, newMatch);
}

function orderRows(oldClauses: readonly Clause[], newClauses: readonly Clause[], oldMatch: number[], newMatch: number[]): AlignedRow[] {
  const oldSlugToNew = new Map<string, string>();
  oldMatch.forEach((j, i) => {
    if (j !== -1) oldSlugToNew.set((oldClauses[i] as Clause).slug, (newClauses[j] as Clause).slug);
  });
  // Deleted clauses go after the nearest earlier old clause that survives.
  const deletedAfter = new Map<number, number[]>();
  let anchor = -1;
  oldMatch.forEach((j, i) => {
    if (j !== -1) {
      anchor = j;
      return;
    }
    const list = deletedAfter.get(anchor) ?? [];
    list.push(i);
    deletedAfter.set(anchor, list);
  });
  const rows: AlignedRow[] = [];
  const pushDeleted = (j: number) => {
    for (const i of deletedAfter.get(j) ?? []) rows.push({ kind: 'deleted', old: oldClauses[i] as Clause, reworded: true });
  };
  pushDeleted(-1);
  newClauses.forEach((clause, j) => {
    const i = newMatch[j] as number;
    if (i === -1) {
      rows.push({ kind: 'inserted', new: clause, reworded: true });
    } else {
      const old = oldClauses[i] as Clause;
      const reworded = old.text !== clause.text;
      let kind: ChangeKind;
      if (old.slug === clause.slug) kind = reworded ? 'modified' : 'unchanged';
      else if (old.parent !== null && clause.parent !== null && oldSlugToNew.get(old.parent) !== clause.parent && old.kind !== 'heading')
        kind = 'moved';
      else kind = 'renumbered';
      rows.push({ kind, old, new: clause, reworded });
    }
    pushDeleted(j);
  });
  return rows;
}

/** Kinds that can be the same clause in two versions (a paragraph may gain a number). */
function family(kind: ClauseKind): string {
  return kind === 'paragraph' ? 'clause' : kind;
}

function compatible(a: Clause, b: Clause): boolean {
  return family(a.kind) === family(b.kind);
}

function groupBy(clauses: readonly Clause[], matched: number[], key: (c: Clause) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  clauses.forEach((clause, index) => {
    if (matched[index] !== -1) return;
    const k = key(clause);
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let k = 0; k + SHINGLE <= words.length; k++) out.add(words.slice(k, k + SHINGLE).join(' '));
  return out;
}

/** Dice similarity of two word multisets: 1 for the same words, 0 for none in common. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}
