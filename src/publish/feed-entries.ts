import type { AlignedRow } from '#compare/align-clauses.ts';
import { comparePairs } from '#model/compare-pairs.ts';
import { CHANGE_KINDS, countChanges } from '#compare/change-kinds.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';
import { compareVersions } from '#model/version-order.ts';

/** Compares two versions of a document (the pages' cached alignment, or `alignClauses`). */
export type CompareVersions = (from: VersionRecord, to: VersionRecord) => readonly AlignedRow[];

/** One designated version: what the feeds announce. */
export interface DesignationRecord {
  document: DocumentRecord;
  version: VersionRecord;
  /** The day the designation is dated: the designation date, else the effective date. */
  date: string;
  /** The designated version before this one, in order of legal effect. */
  previous?: VersionRecord;
  /** Whether the site has a red-line page from `previous` to this version. */
  hasRedline: boolean;
  /** Rows of each kind in the comparison with `previous`. */
  counts?: Record<string, number>;
  direction?: DirectionRecord;
}

/**
 * The entries of the Atom feeds: every designated version with a date, newest first (then in
 * document order), each with the counts of what changed since the designated version before it.
 * Consultation drafts are not designations and are left out. Pass a document id to list only
 * that document's designations.
 */
export function feedEntries(site: Site, compare: CompareVersions, documentId?: string): DesignationRecord[] {
  const records: DesignationRecord[] = [];
  for (const document of site.documents) {
    if (documentId !== undefined && document.id !== documentId) continue;
    const pairs = new Set(comparePairs(document).map(([from, to]) => `${from.version}\u0000${to.version}`));
    const designated = document.versions
      .filter((v) => v.status === 'designated' && (v.designated ?? v.effective) !== undefined)
      .sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? '') || compareVersions(a.version, b.version));
    designated.forEach((version, index) => {
      const previous = index > 0 ? designated[index - 1] : undefined;
      records.push({
        document,
        version,
        date: (version.designated ?? version.effective) as string,
        previous,
        hasRedline: previous !== undefined && pairs.has(`${previous.version}\u0000${version.version}`),
        counts: previous ? countChanges(compare(previous, version)) : undefined,
        direction: version.direction ? site.directions.find((d) => d.id === version.direction) : undefined,
      });
    });
  }
  const order = new Map(site.documents.map((d, i) => [d.id, i]));
  return records.sort(
    (a, b) => b.date.localeCompare(a.date) || (order.get(a.document.id) ?? 0) - (order.get(b.document.id) ?? 0) || compareVersions(b.version.version, a.version.version),
  );
}

/**
 * What changed, in words, from the counts of a comparison: `3 clauses modified, 2 inserted,
 * 6 renumbered; 120 unchanged`. Kinds with no rows are left out; kinds the diff engine adds
 * later are listed after the known ones.
 */
export function describeChanges(counts: Readonly<Record<string, number>>): string {
  const kinds = [
    ...CHANGE_KINDS.filter((k) => k !== 'unchanged'),
    ...Object.keys(counts)
      .filter((k) => !CHANGE_KINDS.includes(k as never))
      .sort(),
  ];
  const changed = kinds.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`);
  const unchanged = counts.unchanged ?? 0;
  if (changed.length === 0) return `no clause changed; ${unchanged} unchanged`;
  const total = kinds.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return `${total} ${total === 1 ? 'clause' : 'clauses'} changed (${changed.join(', ')}); ${unchanged} unchanged`;
}
