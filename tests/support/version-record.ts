import { parseClauses } from '#parse/parse-clauses.ts';
import type { VersionRecord } from '#model/site-model.ts';

/** A designated, superseded version of the test document `doc`, its clauses parsed from Markdown. */
export function versionRecord(v: string, markdown: string, extra: Partial<VersionRecord> = {}): VersionRecord {
  return {
    document: 'doc',
    version: v,
    slug: `v${v}`,
    status: 'designated',
    consultations: [],
    illustrative: true,
    file: `content/documents/doc/v${v}.md`,
    clauses: parseClauses(markdown, { file: `v${v}.md` }).clauses,
    state: 'superseded',
    ...extra,
  };
}
