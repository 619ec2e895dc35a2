import { distinctSorted, SHINGLE, sharedCount, union } from './similarity.ts';
import type { Side } from './side.ts';

/**
 * Least share of shingles two sections' contents must have in common to be the same section.
 * Unrelated sections of one document share almost no three-word runs, while a section whose
 * clauses were mostly carried over, even reworded in places, keeps well over this share.
 */
const CONTENT_AGREES = 0.3;

const cache = new WeakMap<Side, Map<number, Float64Array>>();

/** The shingles of everything a heading's section holds, ascending: every clause under it, at any depth, and their text. */
function sectionShingles(side: Side, index: number): Float64Array {
  let bySide = cache.get(side);
  if (!bySide) {
    bySide = new Map();
    cache.set(side, bySide);
  }
  const known = bySide.get(index);
  if (known) return known;
  // Built from the children's own arrays, so nested sections are walked once, not once per level.
  const parts: Float64Array[] = [];
  for (const k of side.children(index)) {
    parts.push(side.shingles(k));
    if (side.children(k).length > 0) parts.push(sectionShingles(side, k));
  }
  const all = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  const out = distinctSorted(all);
  bySide.set(index, out);
  return out;
}

/** Dice similarity of two sections' contents (1 when both are empty). */
function contentSimilarity(a: Side, b: Side, i: number, j: number): number {
  const x = sectionShingles(a, i);
  const y = sectionShingles(b, j);
  if (x.length === 0 && y.length === 0) return 1;
  return (2 * sharedCount(x, y)) / (x.length + y.length);
}

/**
 * Whether old clause i and new clause j may be the same as far as their contents go: always
 * for clauses, which are their text; for two headings, when their sections hold mostly the
 * same text, or one of them holds nothing to tell (an empty section is known by its title).
 * A number or title alone never makes two sections one.
 */
export function contentAgrees(a: Side, b: Side, i: number, j: number): boolean {
  if (a.clause(i).kind !== 'heading' || b.clause(j).kind !== 'heading') return true;
  if (surelyAgrees(a, b, i, j)) return true;
  if (sectionShingles(a, i).length === 0 || sectionShingles(b, j).length === 0) return true;
  return contentSimilarity(a, b, i, j) >= CONTENT_AGREES;
}

/** Every clause under a heading, at any depth, in order. */
function descendants(side: Side, index: number, out: number[] = []): number[] {
  for (const k of side.children(index)) {
    out.push(k);
    descendants(side, k, out);
  }
  return out;
}

/** How many shingles a clause can have at most: one per three-word run, or one for a shorter text. */
function mostShingles(side: Side, index: number): number {
  const words = side.words(index).length;
  return words >= SHINGLE ? words - SHINGLE + 1 : Math.min(words, 1);
}

/** How many of the longest shared texts {@link surelyAgrees} takes together before leaving the question to the full measure. */
const SURE_TEXTS = 8;

/**
 * Whether two sections certainly pass {@link CONTENT_AGREES}, told from the texts they share
 * without making every clause's shingles (which most sections, mostly carried over, would
 * otherwise cost). With I the shingles of the texts found under both headings, each section's
 * shingles are I plus at most the runs of its other clauses (Rx, Ry), so their similarity is at
 * least 2|I| / (2|I| + Rx + Ry). |I| is at least the shingles of a few of the longest shared
 * texts taken together: when the bound passes with those, so does the full measure; otherwise
 * the full measure decides.
 */
function surelyAgrees(a: Side, b: Side, i: number, j: number): boolean {
  const olds = descendants(a, i);
  const news = descendants(b, j);
  if (olds.length === 0 || news.length === 0) return false;
  const unmatched = new Map<string, number>();
  for (const k of olds) unmatched.set(a.clause(k).text, (unmatched.get(a.clause(k).text) ?? 0) + 1);
  // Each shared text once, by a clause of the new section that has it.
  const shared = new Map<string, number>();
  let rest = 0;
  for (const k of news) {
    const text = b.clause(k).text;
    const left = unmatched.get(text) ?? 0;
    if (left > 0) {
      unmatched.set(text, left - 1);
      if (!shared.has(text)) shared.set(text, k);
    } else rest += mostShingles(b, k);
  }
  if (shared.size === 0) return false;
  // An old clause whose text is shared adds nothing beyond I, however many times it occurs.
  for (const k of olds) if (!shared.has(a.clause(k).text)) rest += mostShingles(a, k);
  const longest = [...shared.values()].sort((x, y) => b.words(y).length - b.words(x).length || x - y).slice(0, SURE_TEXTS);
  let known: Float64Array = new Float64Array(0);
  for (const k of longest) {
    known = union(known, b.shingles(k));
    // A hair above the threshold, so rounding never lets the bound pass where the measure would not.
    if ((2 * known.length) / (2 * known.length + rest) > CONTENT_AGREES + 1e-9) return true;
  }
  return false;
}

/**
 * Least clauses of a section that must go to (or come from) one other section for it to be a
 * part of a split (or merge). A section of one or two clauses folded into another reads as
 * deleted with its clauses moved (the fixture section-deleted-clauses-moved); three or more
 * going together carry a section's identity with them.
 */
const MIN_PART = 3;
/** Least share of a section's paired clauses a part must take. */
const PART_SHARE = 0.2;
/** Least share of a section's paired clauses its parts must take together. */
const PARTS_COVER = 0.8;

/**
 * Sections of `whole`'s side whose clauses now sit in several sections of `parts`' side: with
 * `whole` the old version, a section distributed over two (a split); with `whole` the new
 * version, two sections brought into one (a merge). A part is the section the whole is already
 * paired with, or an unpaired section whose paired clauses mostly came from the whole; each
 * takes at least {@link MIN_PART} clauses and a fifth of the whole's, and together they take
 * most of them. Cost: one pass over the clauses.
 */
export function findSectionPieces(whole: Side, parts: Side): Array<{ whole: number; parts: number[]; primary: number }> {
  const found: Array<{ whole: number; parts: number[]; primary: number }> = [];
  whole.clauses.forEach((clause, w) => {
    if (clause.kind !== 'heading') return;
    const { votes, paired } = childVotes(whole, parts, w);
    const kept = whole.match(w);
    if (paired < MIN_PART * 2 || (kept !== -1 && parts.clause(kept).kind !== 'heading')) return;
    const pieces = [...votes]
      .filter(([q, count]) => count >= MIN_PART && count >= PART_SHARE * paired && (q === kept || (parts.isFree(q) && comesMostlyFrom(parts, whole, q, w))))
      .map(([q]) => q)
      .sort((x, y) => x - y);
    const covered = pieces.reduce((n, q) => n + (votes.get(q) ?? 0), 0);
    if (pieces.length < 2 || covered < PARTS_COVER * paired || (kept !== -1 && !pieces.includes(kept))) return;
    const number = clause.number;
    const primary = kept !== -1 ? kept : (pieces.find((q) => number !== null && parts.clause(q).number === number) ?? mostVoted(pieces, votes));
    found.push({ whole: w, parts: pieces, primary });
  });
  return found;
}

/** Where the paired children of a section went: the count per section on the other side, and how many are paired. */
function childVotes(from: Side, to: Side, index: number): { votes: Map<number, number>; paired: number } {
  const votes = new Map<number, number>();
  let paired = 0;
  for (const c of from.children(index)) {
    const j = from.match(c);
    if (j === -1) continue;
    paired++;
    const q = to.parent(j);
    if (q !== -1 && to.clause(q).kind === 'heading') votes.set(q, (votes.get(q) ?? 0) + 1);
  }
  return { votes, paired };
}

/** Whether most paired children of section q (on `side`) came from section w (on `other`). */
function comesMostlyFrom(side: Side, other: Side, q: number, w: number): boolean {
  const { votes, paired } = childVotes(side, other, q);
  return (votes.get(w) ?? 0) * 2 > paired;
}

function mostVoted(pieces: readonly number[], votes: ReadonlyMap<number, number>): number {
  let best = pieces[0] ?? -1;
  for (const q of pieces) if ((votes.get(q) ?? 0) > (votes.get(best) ?? 0)) best = q;
  return best;
}
