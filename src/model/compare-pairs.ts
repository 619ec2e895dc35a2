import type { DocumentRecord, VersionRecord } from './site-model.ts';
import { versionInEffect } from './version-in-effect.ts';

/** A comparison of two versions, older first. */
export type VersionPair = [from: VersionRecord, to: VersionRecord];

/** Every comparison that has a URL: each version against every later one, in version order. */
export function comparePairs(document: DocumentRecord): VersionPair[] {
  const pairs: VersionPair[] = [];
  document.versions.forEach((from, i) => {
    for (const to of document.versions.slice(i + 1)) pairs.push([from, to]);
  });
  return pairs;
}

/**
 * The comparisons built as full pages: each version against the one before it, each designated
 * version against the designated version before it (what a direction's marked-up annex shows),
 * and each version against the version in effect on `asOf`. They grow linearly with the number
 * of versions; any other pair is computed in the reader's browser from the versions' data.
 */
export function prerenderedPairs(document: DocumentRecord, asOf: string): VersionPair[] {
  const versions = document.versions;
  const current = versionInEffect(document, asOf);
  const keep = new Set<string>();
  let previousDesignated: VersionRecord | undefined;
  versions.forEach((version, i) => {
    if (i > 0) keep.add(pairKey(versions[i - 1] as VersionRecord, version));
    if (version.status === 'designated') {
      if (previousDesignated) keep.add(pairKey(previousDesignated, version));
      previousDesignated = version;
    }
    if (current && version !== current) {
      const [a, b] = versions.indexOf(version) < versions.indexOf(current) ? [version, current] : [current, version];
      keep.add(pairKey(a, b));
    }
  });
  return comparePairs(document).filter(([from, to]) => keep.has(pairKey(from, to)));
}

/**
 * For a comparison that is not pre-built, the pre-built ones nearest to it: the steps between
 * its two versions, then each version against the version in effect.
 */
export function nearestPrerendered(document: DocumentRecord, from: VersionRecord, to: VersionRecord, asOf: string): VersionPair[] {
  const built = prerenderedPairs(document, asOf);
  const start = document.versions.indexOf(from);
  const end = document.versions.indexOf(to);
  const inRange = (v: VersionRecord) => {
    const i = document.versions.indexOf(v);
    return i >= start && i <= end;
  };
  const steps = built.filter(([a, b]) => inRange(a) && inRange(b) && document.versions.indexOf(b) - document.versions.indexOf(a) === 1);
  const touching = built.filter((pair) => !steps.includes(pair) && (pair.includes(from) || pair.includes(to)));
  return [...steps, ...touching];
}

function pairKey(from: VersionRecord, to: VersionRecord): string {
  return `${from.version}...${to.version}`;
}
