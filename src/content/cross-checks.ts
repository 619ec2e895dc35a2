/**
 * Phase 3 of loading: the checks that span files, one small function per rule. Each reads the
 * entries (for where a field is written) and the records (for what exists), and reports to the
 * sink. A reference to a file that exists but failed to load is not reported again.
 */
import type { DirectionData } from './content-schema.ts';
import { hintFor } from './did-you-mean.ts';
import type { ProblemSink } from './problem-sink.ts';
import type { SiteRecords, VersionDraft } from './build-records.ts';
import type { ContentEntries, Entry, VersionEntry } from './read-entries.ts';
import { referencesResolve } from './reference-checks.ts';

/** What every cross-check reads. */
export interface CheckContext {
  entries: ContentEntries;
  records: SiteRecords;
  sink: ProblemSink;
}

/** A rule that spans files. */
export type CrossCheck = (context: CheckContext) => void;

/** The cross-checks, in the order they run (the first looks at what the earlier phases reported). */
const CROSS_CHECKS: readonly CrossCheck[] = [
  documentsHaveVersions,
  parentsExist,
  parentsAcyclic,
  versionDirectionsDesignateThem,
  versionConsultationsExist,
  designationsResolve,
  designatedAnnexesListed,
  annexesResolve,
  designationsListedOnce,
  effectiveDatesDistinct,
  referencesResolve,
];

/** Runs every cross-check. */
export function crossCheck(context: CheckContext): void {
  for (const check of CROSS_CHECKS) check(context);
}

/** A document needs at least one version (unless its folder has errors already, which explain why). */
function documentsHaveVersions({ entries, records, sink }: CheckContext): void {
  const folders = entries.documents.map(({ id, file }) => ({ id, file, folder: file.replace(/index\.md$/, '') }));
  const withErrors = new Set(folders.filter(({ folder }) => sink.hasErrorsUnder(folder)).map(({ id }) => id));
  for (const { id, file } of folders) {
    if ((records.versions.get(id)?.length ?? 0) > 0 || withErrors.has(id)) continue;
    sink.error(file, { line: 1, column: 1 }, `document "${id}" has no versions`, `add a version file such as ${file.replace(/index\.md$/, 'v1.0.md')}`);
  }
}

function parentsExist({ entries, records, sink }: CheckContext): void {
  for (const { file, front, data } of entries.documents) {
    if (!data.parent || records.documents.has(data.parent) || entries.present.documents.has(data.parent)) continue;
    sink.error(file, front.locate(['parent']), `unknown parent document "${data.parent}"`, `parent must be one of: ${[...records.documents.keys()].join(', ')}`);
  }
}

/** No document is its own ancestor: `parent` links lead up to a document without one. */
function parentsAcyclic({ entries, records, sink }: CheckContext): void {
  for (const { id, file, front } of entries.documents) {
    const chain = [id];
    for (let parent = records.documents.get(id)?.parent; parent !== undefined && !chain.includes(parent); parent = records.documents.get(parent)?.parent) {
      chain.push(parent);
    }
    const last = records.documents.get(chain.at(-1) ?? '')?.parent;
    if (last !== id) continue;
    sink.error(file, front.locate(['parent']), `parent cycle: ${[...chain, id].join(' → ')}`, 'a document cannot be its own parent, directly or through others: remove one parent');
  }
}

/** A direction designates each version once. */
function designationsListedOnce({ entries, sink }: CheckContext): void {
  for (const { file, front, data } of entries.directions) {
    const seen = new Map<string, number>();
    data.designations.forEach((designation, index) => {
      const key = `${designation.document} v${designation.version}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else sink.error(file, front.locate(['designations', index]), `designates ${key} twice (also designation ${first + 1})`, 'list each designated version once');
    });
  }
}

/**
 * Two designated versions of a document cannot take effect on the same day: the first would be
 * in effect until the day before it took effect. (Periods of effect run from one version's date
 * to the next's, so distinct dates are what keeps them from overlapping.)
 */
function effectiveDatesDistinct({ records, sink }: CheckContext): void {
  for (const versions of records.versions.values()) {
    const byDate = new Map<string, VersionDraft>();
    for (const version of versions) {
      if (version.status !== 'designated' || !version.effective) continue;
      const other = byDate.get(version.effective);
      if (!other) {
        byDate.set(version.effective, version);
        continue;
      }
      const at = records.versionEntries.get(version)?.front.locate(['effective']) ?? { line: 1, column: 1 };
      sink.error(
        version.file,
        at,
        `${version.document} v${version.version} and v${other.version} both take effect on ${version.effective}`,
        `each designated version takes effect on its own day: check the effective dates here and in ${other.file}`,
      );
    }
  }
}

/** A version's `direction` names a direction that designates it. */
function versionDirectionsDesignateThem({ entries, records, sink }: CheckContext): void {
  for (const [record, { front, data }] of loadedVersions(records)) {
    if (!data.direction) continue;
    const direction = records.directions.get(data.direction);
    if (!direction) {
      if (!entries.present.directions.has(data.direction))
        sink.error(record.file, front.locate(['direction']), `unknown direction "${data.direction}"`, hintFor('direction', data.direction, [...records.directions.keys()]));
    } else if (!direction.designations.some((d) => d.document === record.document && d.version === record.version)) {
      sink.error(
        record.file,
        front.locate(['direction']),
        `direction "${data.direction}" does not designate ${record.document} v${record.version}`,
        `add the designation to ${direction.file}, or correct the direction field`,
      );
    }
  }
}

function versionConsultationsExist({ entries, records, sink }: CheckContext): void {
  // A direction that failed to load may list it.
  if (records.directions.size !== entries.present.directions.size) return;
  const known = [...new Set([...records.directions.values()].flatMap((d) => d.consultations.map((c) => c.id)))];
  for (const [record, { front, data }] of loadedVersions(records)) {
    (data.consultations ?? []).forEach((consultation, index) => {
      if (!known.includes(consultation))
        sink.error(record.file, front.locate(['consultations', index]), `unknown consultation "${consultation}"`, hintFor('consultation', consultation, known));
    });
  }
}

/** Each designation names an existing, designated version, with the version's date of legal effect. */
function designationsResolve(context: CheckContext): void {
  const { entries, sink } = context;
  for (const { file, front, data } of entries.directions) {
    data.designations.forEach((designation, index) => {
      if (!documentKnown(context, designation.document, file, front.locate(['designations', index, 'document']))) return;
      const at = front.locate(['designations', index, 'version']);
      const version = findVersion(context, designation.document, designation.version);
      if (!version) {
        if (!versionFilePresent(context, designation.document, designation.version))
          sink.error(
            file,
            at,
            `designates ${designation.document} v${designation.version}, which does not exist`,
            `add content/documents/${designation.document}/v${designation.version}.md or correct the version`,
          );
      } else if (version.status !== 'designated') {
        sink.error(
          file,
          at,
          `designates ${designation.document} v${designation.version}, which is a consultation draft`,
          'designate the version that was made law, or set its status to designated',
        );
      } else if (version.effective !== designation.effective) {
        sink.error(
          file,
          front.locate(['designations', index, 'effective']),
          `effective date ${designation.effective} differs from ${version.file} (${version.effective ?? 'none'})`,
          'the direction and the version must agree on the date of legal effect',
        );
      }
    });
  }
}

/** The annexes a designation names are listed under the direction's `annexes`. */
function designatedAnnexesListed({ entries, records, sink }: CheckContext): void {
  for (const { file, front, data } of entries.directions) {
    data.designations.forEach((designation, index) => {
      if (!records.documents.has(designation.document) && !records.versions.has(designation.document)) return;
      designation.annexes.forEach((annex, annexIndex) => {
        if (data.annexes.some((a) => a.id === annex)) return;
        sink.error(
          file,
          front.locate(['designations', index, 'annexes', annexIndex]),
          `designation names annex ${annex}, which is not listed under annexes`,
          'list every annex under annexes with its id, kind and title',
        );
      });
    });
  }
}

/** An annex's document and versions exist. */
function annexesResolve(context: CheckContext): void {
  for (const entry of context.entries.directions) {
    entry.data.annexes.forEach((annex, index) => {
      if (!annex.document) return;
      if (!documentKnown(context, annex.document, entry.file, entry.front.locate(['annexes', index, 'document']), `annex ${annex.id} names`)) return;
      checkAnnexVersions(context, entry, index);
    });
  }
}

function checkAnnexVersions(context: CheckContext, { file, front, data }: Entry<DirectionData>, index: number): void {
  const annex = data.annexes[index];
  if (!annex?.document) return;
  for (const field of ['version', 'against'] as const) {
    const value = annex[field];
    if (value === undefined || findVersion(context, annex.document, value) || versionFilePresent(context, annex.document, value)) continue;
    context.sink.error(
      file,
      front.locate(['annexes', index, field]),
      `annex ${annex.id} names ${annex.document} v${value}, which does not exist`,
      `add content/documents/${annex.document}/v${value}.md or correct the annex`,
    );
  }
}

/**
 * Whether a document named by a direction exists (loaded, or held by its versions); an unknown
 * one is reported unless its folder exists and failed to load.
 */
function documentKnown({ entries, records, sink }: CheckContext, id: string, file: string, at: { line: number; column: number }, what = 'designates'): boolean {
  if (records.documents.has(id) || records.versions.has(id)) return true;
  if (!entries.present.documents.has(id)) sink.error(file, at, `${what} unknown document "${id}"`, hintFor('document', id, [...records.documents.keys()]));
  return false;
}

function findVersion({ records }: CheckContext, document: string, version: string): VersionDraft | undefined {
  return records.versions.get(document)?.find((v) => v.version === version);
}

function versionFilePresent({ entries }: CheckContext, document: string, version: string): boolean {
  return entries.present.versions.has(`${document}/v${version}.md`);
}

/** The versions built, each with the entry it was built from. */
function loadedVersions(records: SiteRecords): Iterable<[VersionDraft, VersionEntry]> {
  return records.versionEntries.entries();
}
