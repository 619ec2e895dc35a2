import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionInEffect } from '#model/version-in-effect.ts';

/** A comparison offered from a version page: the two versions, older first, and what the link says. */
export interface CompareLink {
  from: VersionRecord;
  to: VersionRecord;
  label: string;
}

/**
 * The comparisons a reader of one version most likely wants, most wanted first: with the
 * designated version before it (what changed in law), with the consultation drafts that led to
 * it, with the designated version that replaced it, and with the version in effect today.
 * Every version page offers at least one when the document has another version.
 */
export function compareLinks(document: DocumentRecord, version: VersionRecord, asOf: string): CompareLink[] {
  const versions = document.versions;
  const at = versions.indexOf(version);
  const earlier = versions.slice(0, at).reverse();
  const later = versions.slice(at + 1);
  const links: CompareLink[] = [];
  const add = (from: VersionRecord, to: VersionRecord, label: string) => {
    if (!links.some((l) => l.from === from && l.to === to)) links.push({ from, to, label });
  };
  const previousDesignated = earlier.find((v) => v.status === 'designated');
  if (previousDesignated) add(previousDesignated, version, `Compare with v${previousDesignated.version}, the designated version before`);
  const since = previousDesignated ? versions.indexOf(previousDesignated) : -1;
  for (const draft of earlier.filter((v) => v.status === 'consultation-draft' && versions.indexOf(v) > since)) {
    add(draft, version, `Compare with the consultation draft v${draft.version}`);
  }
  const nextDesignated = later.find((v) => v.status === 'designated');
  if (nextDesignated) add(version, nextDesignated, `Compare with v${nextDesignated.version}, the designated version after`);
  const current = versionInEffect(document, asOf);
  if (current && current !== version) {
    const [from, to] = versions.indexOf(current) < at ? [current, version] : [version, current];
    add(from, to, `Compare with v${current.version}, the version in effect`);
  }
  const neighbour = earlier[0] ?? later[0];
  if (links.length === 0 && neighbour) {
    const [from, to] = neighbour === earlier[0] ? [neighbour, version] : [version, neighbour];
    add(from, to, `Compare with v${neighbour.version}`);
  }
  return links;
}
