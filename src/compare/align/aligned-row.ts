import type { Clause } from '#model/clause.ts';

/** How a clause changed between two versions. */
export type ChangeKind = 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'renumbered' | 'moved' | 'split' | 'merged';

/** The kinds of a row that pairs one old clause with one new clause. */
export type PairedKind = 'unchanged' | 'modified' | 'renumbered' | 'moved';

interface RowChange {
  /**
   * True when the words differ beyond consequential changes (a renumbered or moved clause
   * may also be reworded; a case-only change is a rewording).
   */
  reworded: boolean;
  /**
   * True when cross-references in the text changed only because the clauses they name were
   * renumbered ("Clause 5.7" became "Clause 5.8" as old 5.7 is new 5.8). A row whose only change
   * is consequential keeps the kind `unchanged` (or `renumbered`, `moved`) with `reworded` false.
   */
  consequential?: boolean;
}

/** A clause only the new version has. */
export interface InsertedRow extends RowChange {
  kind: 'inserted';
  old?: undefined;
  new: Clause;
  olds?: undefined;
  news?: undefined;
}

/** A clause only the old version has. */
export interface DeletedRow extends RowChange {
  kind: 'deleted';
  old: Clause;
  new?: undefined;
  olds?: undefined;
  news?: undefined;
}

/** One old clause beside the one new clause it became. */
export interface PairedRow extends RowChange {
  kind: PairedKind;
  old: Clause;
  new: Clause;
  olds?: undefined;
  news?: undefined;
}

/** One old clause whose text now sits in several new clauses. */
export interface SplitRow extends RowChange {
  kind: 'split';
  old: Clause;
  /** The part that keeps the old clause's identity. */
  new: Clause;
  olds?: undefined;
  /** Every new clause `old` was split into, in new order (`new` among them). */
  news: Clause[];
}

/** Several old clauses whose text now sits in one new clause. */
export interface MergedRow extends RowChange {
  kind: 'merged';
  /** The old clause whose identity the merged clause keeps. */
  old: Clause;
  new: Clause;
  /** Every old clause merged into `new`, in old order (`old` among them). */
  olds: Clause[];
  news?: undefined;
}

/** One row of a comparison: the old clause beside the new one it became, told apart by `kind`. */
export type AlignedRow = InsertedRow | DeletedRow | PairedRow | SplitRow | MergedRow;

/** Tuning of the matcher; the defaults suit regulatory prose. */
export interface AlignOptions {
  /** Least similarity for two clauses with the same number to be the same clause. */
  sameNumber?: number;
  /** Least similarity for clauses with different numbers to be the same clause renumbered or moved. */
  otherNumber?: number;
}
