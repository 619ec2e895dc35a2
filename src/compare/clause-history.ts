import type { AlignedRow, ChangeKind } from './align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

/** A clause as it stood in one version, within the history of its identity. */
export interface HistoryEntry {
  version: VersionRecord;
  clause: Clause;
  /**
   * The entry this one is compared with: for a designated version, the clause in the previous
   * designated version; for a consultation draft, the clause in the designated version it was
   * drafted against. Undefined where the clause first appears.
   */
  previous?: HistoryEntry;
  /** How the clause changed from `previous` (`inserted` where it first appears). */
  kind: ChangeKind;
  /** Whether its words changed from `previous` beyond consequential cross-reference updates. */
  reworded: boolean;
  /** Whether cross-references in it changed only to follow renumbered clauses. */
  consequential: boolean;
  /** For a clause that came out of a split or merge: the other clauses involved, in `previous`'s version or this one. */
  with?: Clause[];
  /** For a designated version: the clause in the last consultation draft before it, to show what changed after consultation. */
  draft?: HistoryEntry;
}

/** One clause identity followed through every version of a document. */
export interface ClauseHistory {
  /** The page slug: the clause's slug in the first version it appears in, unique in the document. */
  slug: string;
  /** The clause in each version where it exists, in version order. */
  entries: HistoryEntry[];
  /** The designated version that deleted it, or merged it into another clause. */
  ended?: { version: VersionRecord; kind: 'deleted' | 'merged'; into?: Clause };
}

/** The histories of a document, and the history page of each clause of each version. */
export interface DocumentHistories {
  histories: ClauseHistory[];
  /** The history slug of a clause of a version, by version string and clause slug. */
  slugOf(version: string, clauseSlug: string): string | undefined;
}

/** Aligns two versions of the document (cached by the caller). */
export type Compare = (from: VersionRecord, to: VersionRecord) => readonly AlignedRow[];

interface Identity {
  entries: HistoryEntry[];
  ended?: ClauseHistory['ended'];
}

/**
 * Follows every clause of a document through its versions. Designated versions form the legal
 * line: each is aligned with the designated version before it, and a clause keeps its identity
 * through renumbering, moves, rewording, and as the part of a split or merge that kept its
 * identity (the other parts begin or end there). A consultation draft is not a step in that
 * line (two drafts may propose different changes to the same version): each draft clause joins
 * the identity of the clause it became in the next designated version, else of the clause it
 * was drafted from in the previous one, else starts an identity of its own.
 *
 * Slugs come from content only, and adding a version never changes one: a history takes the
 * clause's slug in the first version where the clause appears; when a later clause starts with a
 * slug already taken (a number reused after a deletion, or a clause inserted before others were
 * renumbered), it gets `<slug>~v<first version>` (`5.4~v6.0` for the 5.4 inserted in v6.0 while
 * v5.0's 5.4 became 5.5). A history URL is cited: reassigning one would silently point old
 * citations at another clause.
 */
export function buildHistories(document: DocumentRecord, compare: Compare): DocumentHistories {
  const versions = document.versions;
  const designated = versions.filter((v) => v.status === 'designated');
  const ledger = new Ledger();
  for (const [index, version] of designated.entries()) followDesignated(ledger, compare, designated[index - 1], version);
  for (const draft of versions.filter((v) => v.status !== 'designated')) followDraft(ledger, compare, versions, designated, draft);
  for (const identity of ledger.identities) linkDrafts(identity, versions);
  const histories = assignSlugs(ledger.identities, versions);
  const bySlug = new Map<string, string>();
  for (const history of histories) for (const entry of history.entries) bySlug.set(`${entry.version.version}\u0000${entry.clause.slug}`, history.slug);
  return {
    histories,
    slugOf: (version, clauseSlug) => bySlug.get(`${version}\u0000${clauseSlug}`),
  };
}

/** What an entry says besides its version and clause. */
type EntryChange = Omit<HistoryEntry, 'version' | 'clause'>;

const INSERTED: EntryChange = { kind: 'inserted', reworded: false, consequential: false };

/** Every identity found so far, in the order found, and the identity of each clause of each version. */
class Ledger {
  readonly identities: Identity[] = [];
  readonly #identityOf = new Map<VersionRecord, Map<Clause, Identity>>();

  /** The identities of a version's clauses. */
  of(version: VersionRecord): Map<Clause, Identity> {
    let map = this.#identityOf.get(version);
    if (!map) {
      map = new Map();
      this.#identityOf.set(version, map);
    }
    return map;
  }

  start(version: VersionRecord, clause: Clause, entry: EntryChange): Identity {
    const identity: Identity = { entries: [{ version, clause, ...entry }] };
    this.identities.push(identity);
    this.of(version).set(clause, identity);
    return identity;
  }

  join(identity: Identity, version: VersionRecord, clause: Clause, entry: EntryChange): void {
    identity.entries.push({ version, clause, ...entry });
    this.of(version).set(clause, identity);
  }
}

function entryIn(identity: Identity, version: VersionRecord | undefined): HistoryEntry | undefined {
  return identity.entries.find((e) => e.version === version);
}

/** One step of the legal line: every clause of a designated version joins, starts or ends an identity. */
function followDesignated(ledger: Ledger, compare: Compare, before: VersionRecord | undefined, version: VersionRecord): void {
  if (!before) {
    for (const clause of version.clauses) ledger.start(version, clause, INSERTED);
    return;
  }
  const previousMap = ledger.of(before);
  for (const row of compare(before, version)) {
    if (!row.new) {
      const identity = row.old ? previousMap.get(row.old) : undefined;
      if (identity) identity.ended = { version, kind: 'deleted' };
    } else if (!row.old) {
      ledger.start(version, row.new, INSERTED);
    } else {
      followRow(ledger, before, version, row, previousMap);
    }
  }
}

/** A row pairing old and new clauses: the kept identity goes on, other parts of a split begin, other merged clauses end. */
function followRow(
  ledger: Ledger,
  before: VersionRecord,
  version: VersionRecord,
  row: AlignedRow & { old: Clause; new: Clause },
  previousMap: ReadonlyMap<Clause, Identity>,
): void {
  const olds = row.olds ?? [row.old];
  const news = row.news ?? [row.new];
  const identity = previousMap.get(row.old);
  const change = { kind: row.kind, reworded: row.reworded, consequential: row.consequential === true };
  for (const clause of news) {
    const others = news.filter((c) => c !== clause);
    if (clause === row.new && identity) {
      ledger.join(identity, version, clause, {
        ...change,
        previous: entryIn(identity, before),
        ...(row.kind === 'merged' ? { with: olds.filter((c) => c !== row.old) } : others.length > 0 ? { with: others } : {}),
      });
    } else {
      // The other parts of a split begin here, from the clause they were split from.
      ledger.start(version, clause, { kind: 'split', reworded: row.reworded, consequential: false, with: [row.old] });
    }
  }
  for (const old of olds) {
    const merged = previousMap.get(old);
    if (old !== row.old && merged) merged.ended = { version, kind: 'merged', into: row.new };
  }
}

/**
 * A consultation draft: each clause joins the identity of the clause it became in the next
 * designated version, else of the clause it was drafted from, else starts its own.
 */
function followDraft(ledger: Ledger, compare: Compare, versions: readonly VersionRecord[], designated: readonly VersionRecord[], draft: VersionRecord): void {
  const at = versions.indexOf(draft);
  const base = [...designated].reverse().find((v) => versions.indexOf(v) < at);
  const successor = designated.find((v) => versions.indexOf(v) > at);
  const fromBase = new Map<Clause, AlignedRow>();
  if (base) for (const row of compare(base, draft)) if (row.new && row.old) fromBase.set(row.new, row);
  const toSuccessor = new Map<Clause, Clause>();
  if (successor) for (const row of compare(draft, successor)) if (row.old && row.new) toSuccessor.set(row.old, row.new);
  for (const clause of draft.clauses) {
    const later = toSuccessor.get(clause);
    const baseRow = fromBase.get(clause);
    const candidates = [later && successor ? ledger.of(successor).get(later) : undefined, baseRow?.old && base ? ledger.of(base).get(baseRow.old) : undefined];
    const identity = candidates.find((c) => c !== undefined && !entryIn(c, draft));
    if (identity) ledger.join(identity, draft, clause, draftEntry(identity, clause, base, fromBase.get(clause)));
    else ledger.start(draft, clause, INSERTED);
  }
}

/** How a draft clause changed from the base version's clause of its identity. */
function draftEntry(identity: Identity, clause: Clause, base: VersionRecord | undefined, row: AlignedRow | undefined): EntryChange {
  const previous = entryIn(identity, base);
  if (!previous) return INSERTED;
  if (row && row.old === previous.clause) return { previous, kind: row.kind, reworded: row.reworded, consequential: row.consequential === true };
  const reworded = previous.clause.text !== clause.text;
  return { previous, kind: previous.clause.number !== clause.number ? 'renumbered' : reworded ? 'modified' : 'unchanged', reworded, consequential: false };
}

/** Entries in version order; each designated entry points to the last draft entry before it. */
function linkDrafts(identity: Identity, versions: readonly VersionRecord[]): void {
  identity.entries.sort((x, y) => versions.indexOf(x.version) - versions.indexOf(y.version));
  let lastDraft: HistoryEntry | undefined;
  for (const entry of identity.entries) {
    if (entry.version.status !== 'designated') lastDraft = entry;
    else {
      if (lastDraft) entry.draft = lastDraft;
      lastDraft = undefined;
    }
  }
}

function assignSlugs(identities: readonly Identity[], versions: readonly VersionRecord[]): ClauseHistory[] {
  const first = (identity: Identity) => {
    const [entry] = identity.entries;
    if (!entry) throw new Error('a clause identity without entries');
    return entry;
  };
  const groups = new Map<string, Identity[]>();
  for (const identity of identities) {
    const slug = first(identity).clause.slug;
    groups.set(slug, [...(groups.get(slug) ?? []), identity]);
  }
  const slugs = new Map<Identity, string>();
  for (const [slug, group] of groups) {
    // The clause published first keeps the plain slug; later ones are told apart by where they began.
    const ranked = [...group].sort((x, y) => versions.indexOf(first(x).version) - versions.indexOf(first(y).version));
    for (const [rank, identity] of ranked.entries()) slugs.set(identity, rank === 0 ? slug : `${slug}~v${first(identity).version.version}`);
  }
  return identities.map((identity) => ({
    slug: slugs.get(identity) ?? first(identity).clause.slug,
    entries: identity.entries,
    ...(identity.ended ? { ended: identity.ended } : {}),
  }));
}
