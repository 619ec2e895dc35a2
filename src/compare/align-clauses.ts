import type { Clause } from '#model/clause.ts';
import type { AlignedRow, AlignOptions } from './align/aligned-row.ts';
import { pairEditedInPlace, pairMovedTexts, pairSameNumberSameText, shingleCandidates } from './align/candidates.ts';
import { findPieces, type Pieces } from './align/pieces.ts';
import { buildRows } from './align/rows.ts';
import { findSectionPieces } from './align/sections.ts';
import { inferParents, settle } from './align/settling.ts';
import { rarity, Vocabulary } from './align/similarity.ts';
import { Side } from './align/side.ts';

export type { AlignedRow, AlignOptions, ChangeKind } from './align/aligned-row.ts';
export { renumberedNumbers } from './align/rows.ts';
export { dice } from './align/similarity.ts';

/**
 * Aligns the clauses of two versions. Same number and similar text is the same clause; the
 * same (or near-identical) text under another number, level or section is the same clause
 * renumbered or moved; a clause between two pairs that reads much like the one at the same
 * place in the other version is that clause; a section whose clauses moved together is the
 * same section; a clause whose text now sits in two clauses was split, two whose text now
 * sits in one were merged; the rest is inserted or deleted. Rows come in the new version's
 * order, deleted clauses after the old clause they followed.
 *
 * The stages live in ./align/: candidates (exact, edited-in-place and similar pairs),
 * similarity (word measures), settling (rounds of mutual best pairs, parents inferred from
 * children), pieces (splits and merges) and rows (kinds and order).
 *
 * Cost grows with the number of clauses, not their square: exact text is matched by hash,
 * near-identical text only among clauses sharing uncommon word shingles, and in-place pairs
 * only between neighbours. The result depends only on the input.
 */
export function alignClauses(oldClauses: readonly Clause[], newClauses: readonly Clause[], options: AlignOptions = {}): AlignedRow[] {
  const sameNumber = options.sameNumber ?? 0.5;
  const otherNumber = options.otherNumber ?? 0.75;
  const vocabulary = new Vocabulary();
  const a = new Side(oldClauses, vocabulary);
  const b = new Side(newClauses, vocabulary);

  pairSameNumberSameText(a, b);
  pairMovedTexts(a, b);
  const weights = rarity(a, b);
  pairEditedInPlace(a, b, weights);

  // Similar text, settled in rounds so that context found in one round helps the next; then a
  // section or clause whose children went together to one place went there too.
  const similar = shingleCandidates(a, b, otherNumber, weights);
  settle(a, b, similar, sameNumber);
  if (inferParents(a, b) > 0) settle(a, b, similar, sameNumber);

  // Sections whose clauses went to two sections (or came from two), then clauses split or
  // merged among what is left.
  const sectionSplits = findSectionPieces(a, b);
  joinPieces(a, b, sectionSplits);
  const sectionMerges = findSectionPieces(b, a).filter((m) => m.parts.every((k) => a.match(k) === -1 || a.match(k) === m.whole));
  joinPieces(b, a, sectionMerges);
  const splits = findPieces(a, b, new Set());
  joinPieces(a, b, splits);
  const merges = findPieces(b, a, new Set(splits.flatMap((s) => s.parts)));
  joinPieces(b, a, merges);
  return buildRows(a, b, [...sectionSplits, ...splits], [...sectionMerges, ...merges]);
}

/** Pairs each whole with its primary part and every part with the whole. */
function joinPieces(whole: Side, parts: Side, found: readonly Pieces[]): void {
  for (const p of found) {
    whole.setMatch(p.whole, p.primary);
    for (const k of p.parts) parts.setMatch(k, p.whole);
  }
}
