import type { DocumentRecord, VersionRecord } from './site-model.ts';

/** The comparisons built as pages: every version against every later one, in version order. */
export function comparePairs(document: DocumentRecord): Array<[VersionRecord, VersionRecord]> {
  const pairs: Array<[VersionRecord, VersionRecord]> = [];
  document.versions.forEach((from, i) => {
    for (const to of document.versions.slice(i + 1)) pairs.push([from, to]);
  });
  return pairs;
}

/** The version listed just before this one, to compare against. */
export function previousVersion(document: DocumentRecord, version: VersionRecord): VersionRecord | undefined {
  const index = document.versions.indexOf(version);
  return index > 0 ? document.versions[index - 1] : undefined;
}
