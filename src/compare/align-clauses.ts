import type { Clause, ClauseKind } from '#model/clause.ts';
import { mapReferences } from './cross-references.ts';

/** How a clause changed between two versions. */
export type ChangeKind = 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'renumbered' | 'moved' | 'split' | 'merged';

/** One row of a comparison: the old clause beside the new one it became. */
export interface AlignedRow {
  kind: ChangeKind;
  /** The old clause; for a merge, the one whose identity the merged clause keeps. */
  old?: Clause;
  /** The new clause; for a split, the part that keeps the old clause's identity. */
  new?: Clause;
  /** For a merge: every old clause merged into `new`, in old order (`old` among them). */
  olds?: Clause[];
  /** For a split: every new clause `old` was split into, in new order (`new` among them). */
  news?: Clause[];
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
/** Least similarity for two clauses at the same place between clauses already paired. */
const IN_PLACE = 0.5;
/** Bonus when a pair keeps its number, sits in place, or keeps its parent: breaks ties between equal texts. */
const SAME_NUMBER_BONUS = 0.1;
const CONTEXT_BONUS = 0.05;
/** Sitting at the same place is a weaker sign than keeping a number or a parent. */
const IN_PLACE_BONUS = 0.02;
/** Share of a part's words that must come from what its whole lost, for a split or merge. */
const PART_CONTAINED = 0.8;
/** Share of a whole's words its parts must cover together, for a split or merge. */
const WHOLE_COVERED = 0.8;
/** Rounds of pairing; each round may pair clauses whose context the previous one settled. */
const MAX_ROUNDS = 12;

/** One version's clauses with what the matcher knows about them. */
interface Side {
  clauses: readonly Clause[];
  /** Index of the paired clause on the other side, or -1. */
  match: number[];
  bySlug: Map<string, number>;
  /** Lower-case words of each clause. */
  words: string[][];
  /** Index of the parent clause, or -1. */
  parent: number[];
  children: number[][];
}

interface Candidate {
  i: number;
  j: number;
  score: number;
}

/** A clause split into several (or several merged into one): the whole on one side, its parts on the other. */
interface Pieces {
  whole: number;
  /** Indices of the parts on the other side, in document order. */
  parts: number[];
  /** The part that keeps the whole's identity. */
  primary: number;
}

/**
 * Aligns the clauses of two versions. Same number and similar text is the same clause; the
 * same (or near-identical) text under another number, level or section is the same clause
 * renumbered or moved; a clause between two pairs that reads much like the one at the same
 * place in the other version is that clause; a section whose clauses moved together is the
 * same section; a clause whose text now sits in two clauses was split, two whose text now
 * sits in one were merged; the rest is inserted or deleted. Rows come in the new version's
 * order, deleted clauses after the old clause they followed.
 *
 * Cost grows with the number of clauses, not their square: exact text is matched by hash,
 * near-identical text only among clauses sharing uncommon word shingles, and in-place pairs
 * only between neighbours. The result depends only on the input.
 */
export function alignClauses(oldClauses: readonly Clause[], newClauses: readonly Clause[], options: AlignOptions = {}): AlignedRow[] {
  const sameNumber = options.sameNumber ?? 0.5;
  const otherNumber = options.otherNumber ?? 0.75;
  const a = makeSide(oldClauses);
  const b = makeSide(newClauses);
  const pair = (i: number, j: number) => {
    a.match[i] = j;
    b.match[j] = i;
  };

  // 1. Same number, same text, under the same parent (parents come first, so are settled by then):
  // the same words under a number that now belongs to another parent are someone else's.
  newClauses.forEach((clause, j) => {
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || a.match[i] !== -1 || !compatible(oldClauses[i] as Clause, clause) || (oldClauses[i] as Clause).text !== clause.text) return;
    const p = a.parent[i] as number;
    const q = b.parent[j] as number;
    if (p === -1 ? q === -1 : a.match[p] === q) pair(i, j);
  });

  // 2. Same text, unique on both sides, under another number; then across heading and clause (a section that became a clause).
  pairUniqueTexts(a, b, (c) => `${family(c.kind)}\u0000${c.text}`, pair);
  pairUniqueTexts(a, b, (c) => (c.kind === 'heading' || family(c.kind) === 'clause' ? c.text.toLowerCase() : ''), pair);

  // 3. Same number, nearly the same words, under the same parent: a clause edited in place, the
  // commonest change of all, settled before the costlier search for moves below.
  const weights = rarity(a, b);
  newClauses.forEach((clause, j) => {
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || a.match[i] !== -1 || b.match[j] !== -1 || !compatible(oldClauses[i] as Clause, clause)) return;
    const p = a.parent[i] as number;
    const q = b.parent[j] as number;
    if (!(p === -1 ? q === -1 : a.match[p] === q)) return;
    if (weightedDice(a.words[i] as string[], b.words[j] as string[], weights) >= EDITED_IN_PLACE) pair(i, j);
  });

  // 4. Similar text, settled in rounds so that context found in one round helps the next.
  const similar = shingleCandidates(a, b, otherNumber, weights);
  settle(a, b, similar, sameNumber, pair);
  // 5. A section or clause whose children went together to one place went there too.
  if (inferParents(a, b, pair) > 0) settle(a, b, similar, sameNumber, pair);

  // 6. Splits, then merges, among what is left.
  const splits = findPieces(a, b, new Set());
  for (const s of splits) {
    a.match[s.whole] = s.primary;
    for (const k of s.parts) b.match[k] = s.whole;
  }
  const merges = findPieces(b, a, new Set(splits.flatMap((s) => s.parts)));
  for (const m of merges) {
    b.match[m.whole] = m.primary;
    for (const k of m.parts) a.match[k] = m.whole;
  }
  return buildRows(a, b, splits, merges);
}

function makeSide(clauses: readonly Clause[]): Side {
  const bySlug = new Map<string, number>();
  clauses.forEach((c, i) => {
    if (!bySlug.has(c.slug)) bySlug.set(c.slug, i);
  });
  const parent = clauses.map((c) => (c.parent === null ? -1 : (bySlug.get(c.parent) ?? -1)));
  const children: number[][] = clauses.map(() => []);
  parent.forEach((p, i) => {
    if (p !== -1) (children[p] as number[]).push(i);
  });
  return {
    clauses,
    match: new Array<number>(clauses.length).fill(-1),
    bySlug,
    words: clauses.map((c) => c.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
    parent,
    children,
  };
}

function pairUniqueTexts(a: Side, b: Side, key: (c: Clause) => string, pair: (i: number, j: number) => void): void {
  const olds = groupUnmatched(a, key);
  const news = groupUnmatched(b, key);
  for (const [text, js] of news) {
    const is = olds.get(text);
    if (is?.length !== 1 || js.length !== 1 || text.length <= 3 || text === '') continue;
    const i = is[0] as number;
    const j = js[0] as number;
    if (compatible(a.clauses[i] as Clause, b.clauses[j] as Clause) || crossLevel(a.clauses[i] as Clause, b.clauses[j] as Clause)) pair(i, j);
  }
}

function groupUnmatched(side: Side, key: (c: Clause) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  side.clauses.forEach((clause, index) => {
    if (side.match[index] !== -1) return;
    const k = key(clause);
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}

/**
 * How telling each word is: ln(1 + clauses / clauses containing it), over both versions. Words
 * every clause uses ("the DCC shall") say little about which clause is which.
 */
function rarity(a: Side, b: Side): Map<string, number> {
  // Only the words of unmatched clauses are ever weighed: count those alone, in one pass.
  const documents = new Map<string, { clauses: number; last: number }>();
  for (const side of [a, b]) {
    side.words.forEach((words, index) => {
      if (side.match[index] === -1) for (const w of words) documents.set(w, { clauses: 0, last: -1 });
    });
  }
  let clause = 0;
  for (const side of [a, b]) {
    for (const words of side.words) {
      clause++;
      for (const w of words) {
        const count = documents.get(w);
        if (count === undefined || count.last === clause) continue;
        count.last = clause;
        count.clauses++;
      }
    }
  }
  const weights = new Map<string, number>();
  for (const [w, count] of documents) weights.set(w, Math.log(1 + clause / count.clauses));
  return weights;
}

/** Dice similarity with each word weighted by its rarity. */
function weightedDice(a: readonly string[], b: readonly string[], weights: ReadonlyMap<string, number>): number {
  const weight = (w: string) => weights.get(w) ?? 1;
  const counts = countWords(a);
  let common = 0;
  let total = 0;
  for (const w of a) total += weight(w);
  for (const w of b) {
    total += weight(w);
    if (take(counts, w)) common += weight(w);
  }
  return total === 0 ? 1 : (2 * common) / total;
}

/**
 * Pairs of unmatched clauses, under different numbers, sharing uncommon shingles and similar
 * enough: the text must really match, with rare words weighing more, since nothing else (number
 * or place) says they are the same clause.
 */
/** Least rarity-weighted similarity for a clause kept at its number to be the same clause edited. */
const EDITED_IN_PLACE = 0.85;

/** How many clauses, sharing the most shingles with a clause, are scored as its possible match. */
const MAX_SCORED = 16;

function shingleCandidates(a: Side, b: Side, otherNumber: number, weights: ReadonlyMap<string, number>): Candidate[] {
  const postings = new Map<string, number[]>();
  a.clauses.forEach((_, i) => {
    if (a.match[i] !== -1) return;
    for (const shingle of shingles(a.words[i] as string[])) {
      let list = postings.get(shingle);
      if (!list) postings.set(shingle, (list = []));
      list.push(i);
    }
  });
  const candidates: Candidate[] = [];
  b.clauses.forEach((clause, j) => {
    if (b.match[j] !== -1) return;
    const shared = new Map<number, number>();
    for (const shingle of shingles(b.words[j] as string[])) {
      const list = postings.get(shingle);
      if (!list || list.length > COMMON_SHINGLE) continue;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // Only the clauses sharing the most shingles are scored: a clause that is the same text
    // renumbered shares most of its shingles, and scoring every clause that shares one would
    // cost the square of the number of clauses on repetitive text.
    const best = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_SCORED);
    for (const [i] of best) {
      const old = a.clauses[i] as Clause;
      if (old.slug === clause.slug || !compatible(old, clause)) continue;
      if (weightedDice(a.words[i] as string[], b.words[j] as string[], weights) < otherNumber) continue;
      candidates.push({ i, j, score: dice(a.words[i] as string[], b.words[j] as string[]) });
    }
  });
  return candidates;
}

/**
 * Pairs clauses in rounds. Each round gathers candidates (same number, shared shingles, same
 * place between pairs already made), scores them with bonuses for context, and accepts the
 * pairs that are each other's unique best, parents before children; ties and children wait
 * for a later round, when more context is known, and are only then broken in document order.
 */
function settle(a: Side, b: Side, similar: readonly Candidate[], sameNumber: number, pair: (i: number, j: number) => void): void {
  for (let round = 0; ; round++) {
    const candidates = roundCandidates(a, b, similar, sameNumber);
    if (candidates.length === 0) return;
    const isReady = ready(a, b, candidates);
    let accepted = round < MAX_ROUNDS ? mutualBest(candidates).filter(isReady) : [];
    if (accepted.length === 0) {
      const readyOnes = round < MAX_ROUNDS ? candidates.filter(isReady) : [];
      accepted = greedy(readyOnes.length > 0 ? readyOnes : candidates);
    }
    for (const { i, j } of accepted) pair(i, j);
  }
}

/** A candidate is ready when neither parent is still waiting to be paired: parents settle first. */
function ready(a: Side, b: Side, candidates: readonly Candidate[]): (c: Candidate) => boolean {
  const pendingOld = new Set(candidates.map((c) => c.i));
  const pendingNew = new Set(candidates.map((c) => c.j));
  return ({ i, j }) => !pendingOld.has(a.parent[i] as number) && !pendingNew.has(b.parent[j] as number);
}

function roundCandidates(a: Side, b: Side, similar: readonly Candidate[], sameNumber: number): Candidate[] {
  const best = new Map<number, Map<number, number>>();
  const add = (i: number, j: number, score: number) => {
    if (a.match[i] !== -1 || b.match[j] !== -1) return;
    let row = best.get(i);
    if (!row) best.set(i, (row = new Map()));
    const withContext = score + (keepsParent(a, b, i, j) ? CONTEXT_BONUS : parentConflict(a, b, i, j) ? -CONTEXT_BONUS : 0);
    if ((row.get(j) ?? -1) < withContext) row.set(j, withContext);
  };
  // Same number: headings and tables that keep their number keep their identity even when retitled.
  b.clauses.forEach((clause, j) => {
    if (b.match[j] !== -1) return;
    const i = a.bySlug.get(clause.slug);
    if (i === undefined || a.match[i] !== -1 || !compatible(a.clauses[i] as Clause, clause)) return;
    const score = dice(a.words[i] as string[], b.words[j] as string[]);
    // A number shared by clauses whose parents went different ways is a coincidence, not a sign.
    const bonus = parentConflict(a, b, i, j) ? 0 : SAME_NUMBER_BONUS;
    if (score >= sameNumber || clause.kind === 'heading' || clause.kind === 'table') add(i, j, score + bonus);
  });
  for (const { i, j, score } of similar) add(i, j, score);
  for (const [i, j] of inPlacePairs(a, b)) {
    const score = dice(a.words[i] as string[], b.words[j] as string[]);
    if (score >= IN_PLACE) add(i, j, score + IN_PLACE_BONUS);
  }
  const candidates: Candidate[] = [];
  for (const [i, row] of best) for (const [j, score] of row) candidates.push({ i, j, score });
  return candidates;
}

/** Whether the old clause's parent is already paired, with another clause than the new one's parent. */
function parentConflict(a: Side, b: Side, i: number, j: number): boolean {
  const p = a.parent[i] as number;
  const q = b.parent[j] as number;
  return p !== -1 && a.match[p] !== -1 && a.match[p] !== q;
}

/** Whether the parents of two clauses are already paired with each other. */
function keepsParent(a: Side, b: Side, i: number, j: number): boolean {
  const p = a.parent[i] as number;
  const q = b.parent[j] as number;
  return p !== -1 && q !== -1 && a.match[p] === q;
}

/**
 * Unmatched clauses at the same place: between two consecutive pairs that keep their order,
 * the k-th unmatched old clause against the k-th unmatched new one (and its neighbours),
 * counted from either end of the gap.
 */
function inPlacePairs(a: Side, b: Side): Array<[number, number]> {
  const anchors = orderedPairs(b.match);
  const out: Array<[number, number]> = [];
  let prevI = -1;
  let prevJ = -1;
  for (const [i2, j2] of [...anchors, [a.clauses.length, b.clauses.length] as [number, number]]) {
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = prevI + 1; i < i2; i++) if (a.match[i] === -1) olds.push(i);
    for (let j = prevJ + 1; j < j2; j++) if (b.match[j] === -1) news.push(j);
    if (olds.length > 0 && news.length > 0) {
      const tail = news.length - olds.length;
      olds.forEach((i, k) => {
        for (const at of new Set([k - 1, k, k + 1, k + tail - 1, k + tail, k + tail + 1])) {
          const j = news[at];
          if (j !== undefined && compatible(a.clauses[i] as Clause, b.clauses[j] as Clause)) out.push([i, j]);
        }
      });
    }
    prevI = i2;
    prevJ = j2;
  }
  return out;
}

/** The longest run of pairs in the same order in both versions (patience-style LIS, n log n). */
function orderedPairs(newMatch: readonly number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  newMatch.forEach((i, j) => {
    if (i !== -1) pairs.push([i, j]);
  });
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] as number;
    tails[lo] = k;
  });
  const out: Array<[number, number]> = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = previous[k] as number) out.push(pairs[k] as [number, number]);
  return out.reverse();
}

function byScore(x: Candidate, y: Candidate): number {
  return y.score - x.score || x.j - y.j || x.i - y.i;
}

/** Candidates that are the unique best for both their clauses. */
function mutualBest(candidates: readonly Candidate[]): Candidate[] {
  const bestOld = new Map<number, { score: number; count: number }>();
  const bestNew = new Map<number, { score: number; count: number }>();
  const note = (map: Map<number, { score: number; count: number }>, key: number, score: number) => {
    const best = map.get(key);
    if (!best || score > best.score + 1e-9) map.set(key, { score, count: 1 });
    else if (Math.abs(score - best.score) <= 1e-9) best.count++;
  };
  for (const { i, j, score } of candidates) {
    note(bestOld, i, score);
    note(bestNew, j, score);
  }
  return candidates
    .filter(({ i, j, score }) => {
      const x = bestOld.get(i) as { score: number; count: number };
      const y = bestNew.get(j) as { score: number; count: number };
      return x.count === 1 && y.count === 1 && Math.abs(x.score - score) <= 1e-9 && Math.abs(y.score - score) <= 1e-9;
    })
    .sort(byScore);
}

/** Best first, in document order among equals. */
function greedy(candidates: readonly Candidate[]): Candidate[] {
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const out: Candidate[] = [];
  for (const candidate of [...candidates].sort(byScore)) {
    if (usedOld.has(candidate.i) || usedNew.has(candidate.j)) continue;
    usedOld.add(candidate.i);
    usedNew.add(candidate.j);
    out.push(candidate);
  }
  return out;
}

/**
 * Pairs an unmatched section or clause with the unmatched one on the other side where most of
 * its children went (a section re-lettered and retitled, a section that became a clause).
 */
function inferParents(a: Side, b: Side, pair: (i: number, j: number) => void): number {
  let paired = 0;
  a.clauses.forEach((clause, p) => {
    const kids = a.children[p] as number[];
    if (a.match[p] !== -1 || kids.length === 0) return;
    const votes = new Map<number, number>();
    let matched = 0;
    for (const c of kids) {
      const j = a.match[c] as number;
      if (j === -1) continue;
      matched++;
      const q = b.parent[j] as number;
      if (q !== -1) votes.set(q, (votes.get(q) ?? 0) + 1);
    }
    let winner = -1;
    let most = 0;
    for (const [q, count] of votes) if (count > most || (count === most && q < winner)) [winner, most] = [q, count];
    if (winner === -1 || b.match[winner] !== -1) return;
    const target = b.clauses[winner] as Clause;
    if (!compatible(clause, target) && !crossLevel(clause, target)) return;
    if (most * 3 < matched * 2 || (most < 2 && kids.length > 1)) return;
    pair(p, winner);
    paired++;
  });
  return paired;
}

/**
 * Finds clauses of `whole`'s side whose text now sits in several clauses of `parts`' side:
 * unmatched clauses of `parts` made mostly of words that the whole lost. With `whole` the old
 * version these are splits; with `whole` the new version, merges.
 */
function findPieces(whole: Side, parts: Side, notWhole: ReadonlySet<number>): Pieces[] {
  const postings = new Map<string, number[]>();
  whole.clauses.forEach((clause, w) => {
    // Only a clause that lost words can be a whole: unmatched, or paired with a different text.
    const kept = whole.match[w] as number;
    if (family(clause.kind) !== 'clause' || notWhole.has(w) || (kept !== -1 && (parts.clauses[kept] as Clause).text === clause.text)) return;
    for (const shingle of shingles(whole.words[w] as string[])) {
      let list = postings.get(shingle);
      if (!list) postings.set(shingle, (list = []));
      list.push(w);
    }
  });
  const lost = new Map<number, Map<string, number>>();
  const lostOf = (w: number): Map<string, number> => {
    let counts = lost.get(w);
    if (!counts) {
      counts = countWords(whole.words[w] as string[]);
      const kept = whole.match[w] as number;
      if (kept !== -1) for (const word of parts.words[kept] as string[]) take(counts, word);
      lost.set(w, counts);
    }
    return counts;
  };
  const fragments = new Map<number, number[]>();
  const partOf = new Map<number, number>();
  parts.clauses.forEach((clause, k) => {
    const words = parts.words[k] as string[];
    if (parts.match[k] !== -1 || words.length === 0 || family(clause.kind) !== 'clause') return;
    const seen = new Set<number>();
    const counts = countWords(words);
    let best = -1;
    let bestShare = 0;
    const consider = (w: number) => {
      if (seen.has(w) || notWhole.has(w) || !compatible(whole.clauses[w] as Clause, clause)) return;
      seen.add(w);
      const share = containedShare(counts, words.length, lostOf(w));
      if (share > bestShare || (share === bestShare && w < best)) [best, bestShare] = [w, share];
    };
    // The clause its parent was paired with, or is a part of: how short sub-paragraphs ("(c) becomes insolvent.") are found.
    const parent = parts.parent[k] as number;
    if (parent !== -1 && parts.match[parent] !== -1) consider(parts.match[parent] as number);
    if (parent !== -1 && partOf.has(parent)) consider(partOf.get(parent) as number);
    if (words.length >= SHINGLE) {
      for (const shingle of shingles(words)) {
        const list = postings.get(shingle);
        if (list && list.length <= COMMON_SHINGLE) for (const w of list) consider(w);
      }
    }
    if (best !== -1 && bestShare >= PART_CONTAINED) {
      partOf.set(k, best);
      const list = fragments.get(best) ?? [];
      list.push(k);
      fragments.set(best, list);
    }
  });
  const found: Pieces[] = [];
  for (const [w, frags] of [...fragments].sort((x, y) => x[0] - y[0])) {
    const wholeWords = whole.words[w] as string[];
    const kept = whole.match[w] as number;
    const pieces = (kept === -1 ? frags : [kept, ...frags]).sort((x, y) => x - y);
    if (pieces.length < 2) continue;
    const pieceWords = pieces.flatMap((k) => parts.words[k] as string[]);
    if (coverage(wholeWords, pieceWords) < WHOLE_COVERED) continue;
    if (kept !== -1 && coverage(wholeWords, parts.words[kept] as string[]) >= WHOLE_COVERED) continue;
    // The part that keeps the number keeps the identity; else the one already paired, else the most alike.
    const number = (whole.clauses[w] as Clause).number;
    let primary = pieces.find((k) => number !== null && (parts.clauses[k] as Clause).number === number) ?? kept;
    if (primary === -1) {
      let bestScore = -1;
      for (const k of pieces) {
        const score = dice(wholeWords, parts.words[k] as string[]);
        if (score > bestScore) [primary, bestScore] = [k, score];
      }
    }
    found.push({ whole: w, parts: pieces, primary });
  }
  return found;
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function take(counts: Map<string, number>, word: string): boolean {
  const n = counts.get(word) ?? 0;
  if (n === 0) return false;
  counts.set(word, n - 1);
  return true;
}

/**
 * Share of a multiset of words (`counts`, `total` words in all) found in the multiset `pool`:
 * the size of their intersection over `total`. Counting word by word needs no copy of `pool`,
 * which the split and merge search would otherwise make for every candidate.
 */
function containedShare(counts: ReadonlyMap<string, number>, total: number, pool: ReadonlyMap<string, number>): number {
  if (total === 0) return 0;
  let found = 0;
  for (const [w, n] of counts) found += Math.min(n, pool.get(w) ?? 0);
  return found / total;
}

/** Share of `whole`'s words that `parts` contain. */
function coverage(whole: readonly string[], parts: readonly string[]): number {
  return containedShare(countWords(whole), whole.length, countWords(parts));
}

/** Builds the rows: new order, split and merged clauses as one row each, deleted clauses after the old clause they followed. */
function buildRows(a: Side, b: Side, splits: readonly Pieces[], merges: readonly Pieces[]): AlignedRow[] {
  // Where each old clause now is (for placing deletions), and what each new clause's row is.
  const oldAt = [...a.match];
  const rowAt = new Map<number, { olds: number[]; news: number[]; kind: 'split' | 'merged' }>();
  const skipNew = new Set<number>();
  for (const s of splits) {
    const first = s.parts[0] as number;
    rowAt.set(first, { olds: [s.whole], news: s.parts, kind: 'split' });
    for (const k of s.parts) if (k !== first) skipNew.add(k);
    oldAt[s.whole] = first;
  }
  for (const m of merges) rowAt.set(m.whole, { olds: m.parts, news: [m.whole], kind: 'merged' });
  const renumbered = renumbering(a, b, splits, merges);

  const deletedAfter = new Map<number, number[]>();
  let anchor = -1;
  oldAt.forEach((j, i) => {
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
    for (const i of deletedAfter.get(j) ?? []) rows.push({ kind: 'deleted', old: a.clauses[i] as Clause, reworded: true });
  };
  pushDeleted(-1);
  b.clauses.forEach((clause, j) => {
    const pieces = rowAt.get(j);
    if (pieces) {
      const olds = pieces.olds.map((i) => a.clauses[i] as Clause);
      const news = pieces.news.map((k) => b.clauses[k] as Clause);
      const primaryOld = pieces.kind === 'merged' ? (b.match[j] as number) : (pieces.olds[0] as number);
      const primaryNew = pieces.kind === 'split' ? (a.match[primaryOld] as number) : j;
      const change = textChange(olds.map((c) => c.text).join(' '), news.map((c) => c.text).join(' '), renumbered);
      rows.push({
        kind: pieces.kind,
        old: a.clauses[primaryOld] as Clause,
        new: b.clauses[primaryNew] as Clause,
        ...(pieces.kind === 'merged' ? { olds } : { news }),
        ...change,
      });
    } else if (!skipNew.has(j)) {
      const i = b.match[j] as number;
      if (i === -1) rows.push({ kind: 'inserted', new: clause, reworded: true });
      else {
        const old = a.clauses[i] as Clause;
        const change = textChange(old.text, clause.text, renumbered);
        rows.push({ kind: classify(a, b, i, j, change.reworded), old, new: clause, ...change });
      }
    }
    pushDeleted(j);
  });
  return rows;
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

function textChange(oldText: string, newText: string, renumbered: ReadonlyMap<string, string>): { reworded: boolean; consequential?: boolean } {
  if (oldText === newText) return { reworded: false };
  const mapped = mapReferences(oldText, renumbered);
  if (mapped === oldText) return { reworded: true };
  return mapped === newText ? { reworded: false, consequential: true } : { reworded: true, consequential: true };
}

/** Old number → new number for every clause whose number changed, so cross-references to it can be followed. */
function renumbering(a: Side, b: Side, splits: readonly Pieces[], merges: readonly Pieces[]): Map<string, string> {
  const map = new Map<string, string>();
  const note = (i: number, j: number) => {
    const from = (a.clauses[i] as Clause).number;
    const to = (b.clauses[j] as Clause).number;
    if (from && to && from !== to && !map.has(from)) map.set(from, to);
  };
  for (const s of splits) note(s.whole, s.primary);
  for (const m of merges) for (const i of m.parts) note(i, m.whole);
  a.match.forEach((j, i) => {
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
function classify(a: Side, b: Side, i: number, j: number, reworded: boolean): ChangeKind {
  const oldContainer = container(a, i);
  if (oldContainer !== -1 && container(b, j) !== -1 && !keptAncestor(a, b, i, j, oldContainer)) return 'moved';
  if ((a.clauses[i] as Clause).number !== (b.clauses[j] as Clause).number) return 'renumbered';
  return reworded ? 'modified' : 'unchanged';
}

/** Whether an old ancestor of clause i, up to `limit`, became an ancestor of clause j. */
function keptAncestor(a: Side, b: Side, i: number, j: number, limit: number): boolean {
  for (let p = a.parent[i] as number; p !== -1; p = a.parent[p] as number) {
    if (isAncestor(b, a.match[p] as number, j)) return true;
    if (p === limit) return false;
  }
  return false;
}

function isAncestor(side: Side, ancestor: number, index: number): boolean {
  if (ancestor === -1) return false;
  for (let p = side.parent[index] as number; p !== -1; p = side.parent[p] as number) if (p === ancestor) return true;
  return false;
}

/** The table a row is in, or the heading a clause (or heading) sits under; -1 at top level. */
function container(side: Side, index: number): number {
  if ((side.clauses[index] as Clause).kind === 'row') return side.parent[index] as number;
  let p = side.parent[index] as number;
  while (p !== -1 && (side.clauses[p] as Clause).kind !== 'heading') p = side.parent[p] as number;
  return p;
}

/** Kinds that can be the same clause in two versions (a paragraph may gain a number). */
function family(kind: ClauseKind): string {
  return kind === 'paragraph' ? 'clause' : kind;
}

function compatible(a: Clause, b: Clause): boolean {
  return family(a.kind) === family(b.kind);
}

/** A heading that became a clause (a section demoted into another) or the reverse. */
function crossLevel(a: Clause, b: Clause): boolean {
  const kinds = new Set([family(a.kind), family(b.kind)]);
  return kinds.has('heading') && kinds.has('clause');
}

function shingles(words: readonly string[]): Set<string> {
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
