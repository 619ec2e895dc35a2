import type { DocumentRecord, VersionRecord } from './site-model.ts';

/** The designated version of a document in legal effect on a date (`YYYY-MM-DD`), if any. */
export function versionInEffect(document: DocumentRecord, date: string): VersionRecord | undefined {
  let found: VersionRecord | undefined;
  for (const version of document.versions) {
    if (version.status !== 'designated' || version.effective === undefined || version.effective > date) continue;
    if (!found || (found.effective as string) <= version.effective) found = version;
  }
  return found;
}
