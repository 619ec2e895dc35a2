import type { VersionRecord } from './site-model.ts';

/** What choosing the version in effect reads of a version (a record, or a draft still being loaded). */
type Dated = Pick<VersionRecord, 'status' | 'effective'>;

/** The designated version of a document in legal effect on a date (`YYYY-MM-DD`), if any. */
export function versionInEffect<V extends Dated>(document: { versions: readonly V[] }, date: string): V | undefined {
  let found: V | undefined;
  for (const version of document.versions) {
    if (version.status !== 'designated' || version.effective === undefined || version.effective > date) continue;
    if (!found || (found.effective as string) <= version.effective) found = version;
  }
  return found;
}
