import type { Clause, ClauseKind } from '#model/clause.ts';
import { type Bag, Vocabulary } from './similarity.ts';

function at<T>(list: readonly T[], index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`alignment asked for ${what} ${index}, out of range 0..${list.length - 1}`);
  return value;
}

/**
 * One version's clauses with what the matcher knows about them: words, parents, children and
 * the pairing made so far. Indices are checked once, here, so the stages need no casts.
 */
export class Side {
  readonly clauses: readonly Clause[];
  /** Index of the first clause with each slug. */
  readonly bySlug: ReadonlyMap<string, number>;
  /** Index of the paired clause on the other side, or -1, for every clause. */
  readonly #match: number[];
  readonly #words: string[][];
  readonly #parent: number[];
  readonly #children: number[][];
  /** Splits, numbers, shingles and bags each text once for both sides (see {@link Vocabulary}); its word ids are comparable only within it. */
  readonly vocabulary: Vocabulary;

  /** `vocabulary`: shared with the other side, so both number their shingles alike. */
  constructor(clauses: readonly Clause[], vocabulary: Vocabulary = new Vocabulary()) {
    this.vocabulary = vocabulary;
    const bySlug = new Map<string, number>();
    clauses.forEach((c, i) => {
      if (!bySlug.has(c.slug)) bySlug.set(c.slug, i);
    });
    this.clauses = clauses;
    this.bySlug = bySlug;
    this.#match = new Array<number>(clauses.length).fill(-1);
    this.#words = clauses.map((c) => vocabulary.words(c.text));
    this.#parent = clauses.map((c) => (c.parent === null ? -1 : (bySlug.get(c.parent) ?? -1)));
    this.#children = clauses.map(() => []);
    this.#parent.forEach((p, i) => {
      if (p !== -1) at(this.#children, p, 'clause').push(i);
    });
  }

  get size(): number {
    return this.clauses.length;
  }

  clause(index: number): Clause {
    return at(this.clauses, index, 'clause');
  }

  /** Lower-case words of a clause. */
  words(index: number): readonly string[] {
    return at(this.#words, index, 'clause');
  }

  /** The distinct three-word runs of a clause, ascending (not to be changed). */
  shingles(index: number): Float64Array {
    return this.vocabulary.shingles(this.clause(index).text);
  }

  /** A clause's words as word ids and counts (see {@link Bag}). */
  bag(index: number): Bag {
    return this.vocabulary.bag(this.clause(index).text);
  }

  /** Index of the parent clause, or -1. */
  parent(index: number): number {
    return at(this.#parent, index, 'clause');
  }

  children(index: number): readonly number[] {
    return at(this.#children, index, 'clause');
  }

  /** Index of the paired clause on the other side, or -1. */
  match(index: number): number {
    return at(this.#match, index, 'clause');
  }

  isFree(index: number): boolean {
    return this.match(index) === -1;
  }

  setMatch(index: number, other: number): void {
    this.match(index);
    this.#match[index] = other;
  }

  /** The pairing of every clause, in order (-1 for unpaired). */
  matches(): readonly number[] {
    return this.#match;
  }
}

/** Pairs clause i of `a` with clause j of `b`. */
export function pair(a: Side, b: Side, i: number, j: number): void {
  a.setMatch(i, j);
  b.setMatch(j, i);
}

/** Whether clause i's parent on `a` is paired with clause j's parent on `b` (or both are top level). */
export function sameParent(a: Side, b: Side, i: number, j: number): boolean {
  const p = a.parent(i);
  const q = b.parent(j);
  return p === -1 ? q === -1 : a.match(p) === q;
}

/** Whether the parents of two clauses are already paired with each other. */
export function keepsParent(a: Side, b: Side, i: number, j: number): boolean {
  const p = a.parent(i);
  const q = b.parent(j);
  return p !== -1 && q !== -1 && a.match(p) === q;
}

/** Whether the old clause's parent is already paired, with another clause than the new one's parent. */
export function parentConflict(a: Side, b: Side, i: number, j: number): boolean {
  const p = a.parent(i);
  const q = b.parent(j);
  return p !== -1 && a.match(p) !== -1 && a.match(p) !== q;
}

/** Kinds that can be the same clause in two versions (a paragraph may gain a number). */
export function family(kind: ClauseKind): string {
  return kind === 'paragraph' ? 'clause' : kind;
}

export function compatible(a: Clause, b: Clause): boolean {
  return family(a.kind) === family(b.kind);
}

/** A heading that became a clause (a section demoted into another) or the reverse. */
export function crossLevel(a: Clause, b: Clause): boolean {
  const kinds = new Set([family(a.kind), family(b.kind)]);
  return kinds.has('heading') && kinds.has('clause');
}
