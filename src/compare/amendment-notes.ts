import type { ClauseHistory, HistoryEntry } from './clause-history.ts';
import { changeNote } from './change-kinds.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

/** One step in a clause's life, with the comparison that shows it. */
export interface AmendmentStep {
  /** What happened, in words: `inserted`, `amended`, `renumbered from 5.4`, `deleted`, `merged into 2.3`. */
  change: string;
  /** The version in which it happened. */
  version: VersionRecord;
  /** The comparison that shows it: `base` → `version`, row `row`. Absent for text as first published. */
  base?: VersionRecord;
  row?: string;
  /** The clause as it stands after the step (absent when deleted). */
  clause?: Clause;
}

/**
 * How a clause of one version came to read as it does, and what became of it later: the
 * "changes to legislation" a reader of legislation.gov.uk sees beside a provision. Derived from
 * the clause's history only; nothing is written by hand.
 */
export interface AmendmentNotes {
  /** The step that gave the clause its present words and number. */
  made: AmendmentStep;
  /** When `made` happened in an earlier version: the clause has read the same since then. */
  unchangedSince?: VersionRecord;
  /**
   * For a designated version with later designated versions: the first later step that changed
   * the clause, or `unchanged` with the latest designated version when none did.
   */
  later?: AmendmentStep;
}

/** Whether an entry changed the clause from its previous version (words, number, place or references). */
function changed(entry: HistoryEntry): boolean {
  return entry.kind !== 'unchanged' || entry.reworded || entry.consequential;
}

/** The designated version before `version` in the document, if any. */
function designatedBefore(document: DocumentRecord, version: VersionRecord): VersionRecord | undefined {
  const at = document.versions.indexOf(version);
  return document.versions.slice(0, Math.max(0, at)).findLast((v) => v.status === 'designated');
}

/** What an entry did, in words, with the comparison row that shows it. */
function stepOf(entry: HistoryEntry, document: DocumentRecord): AmendmentStep {
  const draft = entry.version.status !== 'designated';
  const previous = entry.previous;
  if (!previous) {
    const base = entry.kind === 'split' ? undefined : designatedBefore(document, entry.version);
    const first = document.versions[0] === entry.version;
    const change = first
      ? 'as first published on this site'
      : entry.kind === 'split' && entry.with?.[0]
        ? `split from ${entry.with[0].number ?? entry.with[0].slug}`
        : draft
          ? 'proposed as a new clause'
          : 'inserted';
    return { change, version: entry.version, clause: entry.clause, ...(base && !first ? { base, row: `c-${entry.clause.slug}` } : {}) };
  }
  const note = changeNote({ kind: entry.kind, old: previous.clause, new: entry.clause, reworded: entry.reworded, consequential: entry.consequential });
  const change = note ?? (entry.reworded ? 'amended' : entry.consequential ? 'cross-references updated' : 'unchanged');
  return { change: draft ? `proposed: ${change}` : change, version: entry.version, clause: entry.clause, base: previous.version, row: `c-${entry.clause.slug}` };
}

/** A later step seen from the earlier clause: "renumbered to 5.5", "moved to 7.2 and reworded", "amended". */
function laterChange(entry: HistoryEntry): string {
  const number = entry.clause.number ?? entry.clause.slug;
  const reworded = entry.reworded ? ' and reworded' : '';
  if (entry.kind === 'renumbered') return `renumbered to ${number}${reworded}`;
  if (entry.kind === 'moved') return `moved to ${number}${reworded}`;
  if (entry.kind === 'split') return `split, continuing as ${number}${reworded}`;
  if (entry.kind === 'merged') return `merged with ${(entry.with ?? []).map((c) => c.number ?? c.slug).join(', ')} into ${number}`;
  return entry.reworded ? 'amended' : 'cross-references updated';
}

/** What became of the clause after `entry`, along the designated versions. */
function laterStep(history: ClauseHistory, entry: HistoryEntry, document: DocumentRecord): AmendmentStep | undefined {
  const at = history.entries.indexOf(entry);
  const following = history.entries.slice(at + 1).filter((e) => e.version.status === 'designated');
  const next = following.find(changed);
  if (next) return { ...stepOf(next, document), change: laterChange(next) };
  const last = following.at(-1) ?? entry;
  if (history.ended) {
    const { version, kind, into } = history.ended;
    const change = kind === 'merged' && into ? `merged into ${into.number ?? into.slug}` : 'deleted';
    return {
      change,
      version,
      base: last.version,
      row: kind === 'merged' && into ? `c-${into.slug}` : `c-del-${last.clause.slug}`,
      ...(into ? { clause: into } : {}),
    };
  }
  const latest = following.at(-1);
  return latest ? { change: 'unchanged', version: latest.version, clause: latest.clause } : undefined;
}

/**
 * The amendment notes of one clause of one version. For a designated version, `made` is the
 * last designated step that changed the clause; for a consultation draft, what the draft
 * proposed against the designated version it was drafted from.
 */
export function amendmentNotes(history: ClauseHistory, version: VersionRecord, document: DocumentRecord): AmendmentNotes | undefined {
  const entry = history.entries.find((e) => e.version === version);
  if (!entry) return undefined;
  if (version.status !== 'designated') return { made: stepOf(entry, document) };
  const line = history.entries.slice(0, history.entries.indexOf(entry) + 1).filter((e) => e.version.status === 'designated');
  const madeBy = line.findLast(changed) ?? line[0] ?? entry;
  const later = laterStep(history, entry, document);
  return {
    made: stepOf(madeBy, document),
    ...(madeBy.version !== version ? { unchangedSince: madeBy.version } : {}),
    ...(later ? { later } : {}),
  };
}
