import { type Candidate, roundCandidates } from './candidates.ts';
import { compatible, crossLevel, pair, type Side } from './side.ts';

/** Rounds of pairing; each round may pair clauses whose context the previous one settled. */
const MAX_ROUNDS = 12;
/** Scores closer than this are equal. */
const EPSILON = 1e-9;

/**
 * Pairs clauses in rounds. Each round gathers candidates (same number, shared shingles, same
 * place between pairs already made), scores them with bonuses for context, and accepts the
 * pairs that are each other's unique best, parents before children; ties and children wait
 * for a later round, when more context is known, and are only then broken in document order.
 */
export function settle(a: Side, b: Side, similar: readonly Candidate[], sameNumber: number): void {
  for (let round = 0; ; round++) {
    const candidates = roundCandidates(a, b, similar, sameNumber);
    if (candidates.length === 0) return;
    const isReady = ready(a, b, candidates);
    let accepted = round < MAX_ROUNDS ? mutualBest(candidates).filter(isReady) : [];
    if (accepted.length === 0) {
      const readyOnes = round < MAX_ROUNDS ? candidates.filter(isReady) : [];
      accepted = greedy(readyOnes.length > 0 ? readyOnes : candidates);
    }
    for (const { i, j } of accepted) pair(a, b, i, j);
  }
}

/** A candidate is ready when neither parent is still waiting to be paired: parents settle first. */
function ready(a: Side, b: Side, candidates: readonly Candidate[]): (c: Candidate) => boolean {
  const pendingOld = new Set(candidates.map((c) => c.i));
  const pendingNew = new Set(candidates.map((c) => c.j));
  return ({ i, j }) => !pendingOld.has(a.parent(i)) && !pendingNew.has(b.parent(j));
}

function byScore(x: Candidate, y: Candidate): number {
  return y.score - x.score || x.j - y.j || x.i - y.i;
}

interface Best {
  score: number;
  count: number;
}

/** Candidates that are the unique best for both their clauses. */
function mutualBest(candidates: readonly Candidate[]): Candidate[] {
  const bestOld = new Map<number, Best>();
  const bestNew = new Map<number, Best>();
  const note = (map: Map<number, Best>, key: number, score: number) => {
    const best = map.get(key);
    if (!best || score > best.score + EPSILON) map.set(key, { score, count: 1 });
    else if (Math.abs(score - best.score) <= EPSILON) best.count++;
  };
  for (const { i, j, score } of candidates) {
    note(bestOld, i, score);
    note(bestNew, j, score);
  }
  const uniqueBest = (best: Best | undefined, score: number) => best !== undefined && best.count === 1 && Math.abs(best.score - score) <= EPSILON;
  return candidates.filter(({ i, j, score }) => uniqueBest(bestOld.get(i), score) && uniqueBest(bestNew.get(j), score)).sort(byScore);
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
export function inferParents(a: Side, b: Side): number {
  let paired = 0;
  a.clauses.forEach((clause, p) => {
    const kids = a.children(p);
    if (!a.isFree(p) || kids.length === 0) return;
    const { winner, most, matched } = childrenVote(a, b, kids);
    if (winner === -1 || !b.isFree(winner)) return;
    const target = b.clause(winner);
    if (!compatible(clause, target) && !crossLevel(clause, target)) return;
    if (most * 3 < matched * 2 || (most < 2 && kids.length > 1)) return;
    pair(a, b, p, winner);
    paired++;
  });
  return paired;
}

/** Where the paired children of a clause went: the new parent most of them have, first in order among equals. */
function childrenVote(a: Side, b: Side, kids: readonly number[]): { winner: number; most: number; matched: number } {
  const votes = new Map<number, number>();
  let matched = 0;
  for (const c of kids) {
    const j = a.match(c);
    if (j === -1) continue;
    matched++;
    const q = b.parent(j);
    if (q !== -1) votes.set(q, (votes.get(q) ?? 0) + 1);
  }
  let winner = -1;
  let most = 0;
  for (const [q, count] of votes) if (count > most || (count === most && q < winner)) [winner, most] = [q, count];
  return { winner, most, matched };
}
