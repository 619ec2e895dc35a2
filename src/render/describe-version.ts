import { formatDate } from '#model/format-date.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

/**
 * One sentence on a version for link previews and search engines:
 * `SEC Appendix AL, SMETS1 Transition and Migration Approach Document, version 6.0: in legal effect since 26 July 2020.`
 */
export function describeVersion(document: DocumentRecord, version: VersionRecord): string {
  const when = (date: string | undefined) => (date ? formatDate(date) : 'an unknown date');
  let status: string;
  if (version.state === 'in-effect') status = `in legal effect since ${when(version.effective)}`;
  else if (version.state === 'superseded')
    status = `in legal effect from ${when(version.effective)} to ${when(version.effectiveUntil)}, then superseded by v${version.supersededBy ?? '?'}`;
  else if (version.state === 'not-yet-in-effect') status = `designated on ${when(version.designated)}, in legal effect from ${when(version.effective)}`;
  else status = `a consultation draft published on ${when(version.published)}, never in legal effect`;
  const illustrative = version.illustrative ? ' Illustrative text.' : '';
  return `SEC ${document.secReference}, ${document.title}, version ${version.version}: ${status}.${illustrative}`;
}
