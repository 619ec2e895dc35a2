/**
 * Phase 4 of loading: where each version of a document stands in time, computed from the
 * designated versions' dates of legal effect and the site's as-of date, and returned (not
 * written into the records).
 */
import type { VersionRecord } from '#model/site-model.ts';
import { compareVersions, dayBefore } from '#model/version-order.ts';

/** A version's place in time: its state on the as-of date, and what replaced it when. */
export type VersionPlace = Pick<VersionRecord, 'state' | 'supersededBy' | 'effectiveUntil'>;

/** The versions' timeline: each version (by number) with its place. Drafts are `draft`. */
export function versionTimeline(versions: readonly Pick<VersionRecord, 'version' | 'status' | 'effective'>[], asOf: string): Map<string, VersionPlace> {
  const timeline = new Map<string, VersionPlace>();
  for (const version of versions) if (version.status !== 'designated') timeline.set(version.version, { state: 'draft' });
  const designated = versions
    .filter((v) => v.status === 'designated')
    .sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? '') || compareVersions(a.version, b.version));
  designated.forEach((version, i) => {
    const next = designated[i + 1];
    const state = (version.effective ?? '') > asOf ? 'not-yet-in-effect' : next?.effective && next.effective <= asOf ? 'superseded' : 'in-effect';
    timeline.set(version.version, {
      state,
      ...(next?.effective ? { supersededBy: next.version, effectiveUntil: dayBefore(next.effective) } : {}),
    });
  });
  return timeline;
}
