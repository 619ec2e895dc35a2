import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionInEffect } from '#model/version-in-effect.ts';
import type { ReferenceTarget, TextReference } from './find-references.ts';

/** What resolving reads of a version: a loaded record or a draft still being checked. */
export type ReferableVersion = Pick<VersionRecord, 'version' | 'status' | 'effective' | 'designated' | 'published' | 'clauses'>;

/** What resolving reads of a document. */
export type ReferableDocument = Pick<DocumentRecord, 'id' | 'title' | 'shortName' | 'secReference' | 'parent'> & { versions: readonly ReferableVersion[] };

/** Where references are read: a version of a document, among the documents of the site. */
export interface ReferenceScope {
  document: ReferableDocument;
  version: ReferableVersion;
  documents: readonly ReferableDocument[];
}

/** Where a reference leads, or why it leads nowhere. */
export type ResolvedReference =
  /** A clause or heading of a version on the site. */
  | { kind: 'clause'; document: string; version: string; clause: Clause }
  /** A whole document on the site ("Appendix AM"), in the version in effect. */
  | { kind: 'document'; document: ReferableDocument; version: string }
  /** The document the reference is written in ("Appendix AL" inside the TMAD): nothing to link. */
  | { kind: 'self' }
  /** A document that is not on the site (the Code itself, another appendix): stays text, not a problem. */
  | { kind: 'external' }
  /** Meant for a document on the site, but no such clause: stays text, and the content check warns. */
  | { kind: 'unresolved'; reason: string };

const CODE = /^the (?:Code|SEC|Smart Energy Code)$/;
const THIS = /^this (?:[Dd]ocument|Appendix)$/;
const byNumber = new WeakMap<readonly Clause[], Map<string, Clause[]>>();

/** The clauses of a version by number, built once per version. */
function numbered(clauses: readonly Clause[]): Map<string, Clause[]> {
  let map = byNumber.get(clauses);
  if (!map) {
    map = new Map();
    for (const clause of clauses) if (clause.number !== null) map.set(clause.number, [...(map.get(clause.number) ?? []), clause]);
    byNumber.set(clauses, map);
  }
  return map;
}

/** The date a version speaks from: when it took effect, or for a draft when it was designated or published. */
function dateOf(version: ReferableVersion): string | undefined {
  return version.effective ?? version.designated ?? version.published;
}

/** A site document named by its SEC reference (`Appendix AM`), title or short name. */
function documentNamed(name: string, scope: ReferenceScope): ReferableDocument | undefined {
  const wanted = name.toLowerCase();
  return scope.documents.find((d) => [d.secReference, d.title, d.shortName].some((n) => n.toLowerCase() === wanted));
}

/** An annex (`Annex A`) of a document: a site document whose SEC reference says so, or a heading of the version titled so. */
function resolveAnnex(name: string, of: ReferableDocument, scope: ReferenceScope): ResolvedReference {
  const child = scope.documents.find((d) => d.parent === of.id && d.secReference.startsWith(`${name} `));
  if (child) return inEffect(child, scope);
  if (of === scope.document) {
    const heading = scope.version.clauses.find((c) => c.kind === 'heading' && `${c.label ?? ''} ${c.text}`.trim().startsWith(name));
    if (heading) return { kind: 'clause', document: of.id, version: scope.version.version, clause: heading };
  }
  return { kind: 'unresolved', reason: `${of.shortName} has no ${name} on this site` };
}

/** A whole document in the version in effect on the date of the version the reference is read in. */
function inEffect(document: ReferableDocument, scope: ReferenceScope): ResolvedReference {
  if (document.id === scope.document.id) return { kind: 'self' };
  const date = dateOf(scope.version);
  const version = date === undefined ? undefined : versionInEffect(document, date);
  if (!version) return { kind: 'unresolved', reason: `no version of ${document.shortName} was in effect on ${date ?? 'the date of this version'}` };
  return { kind: 'document', document, version: version.version };
}

/** The document a reference says it points into, or undefined when it names one not on the site. */
function targetDocument(reference: TextReference, scope: ReferenceScope): ReferableDocument | undefined {
  const named = reference.document;
  if (named === undefined || THIS.test(named)) return scope.document;
  if (CODE.test(named)) return undefined;
  return documentNamed(named.replace(/^the /, ''), scope);
}

/**
 * Where one number of a reference leads: a clause of the same version, or of another site
 * document's version in effect on this version's date, or a whole document ("Appendix AM").
 * References to the Code and to documents not on the site are `external`.
 */
export function resolveReference(reference: TextReference, target: ReferenceTarget, scope: ReferenceScope): ResolvedReference {
  if (reference.kind === 'annex') {
    if (target.number.startsWith('Appendix')) {
      const document = documentNamed(target.number, scope);
      return document ? inEffect(document, scope) : { kind: 'external' };
    }
    // "Annex A" alone or "to this document" is this document's; "Annex A to Appendix AM" another's; "to the Code" is the Code's.
    if (reference.document !== undefined && CODE.test(reference.document)) return { kind: 'external' };
    const of = targetDocument(reference, scope);
    return of ? resolveAnnex(target.number, of, scope) : { kind: 'external' };
  }
  const document = targetDocument(reference, scope);
  if (!document) return { kind: 'external' };
  let version: ReferableVersion | undefined = scope.version;
  if (document !== scope.document) {
    const date = dateOf(scope.version);
    version = date === undefined ? undefined : versionInEffect(document, date);
    if (!version) return { kind: 'unresolved', reason: `no version of ${document.shortName} was in effect on ${date ?? 'the date of this version'}` };
  }
  const candidates = numbered(version.clauses).get(target.number) ?? [];
  // "Section 8" is the heading numbered 8 where there is one; "Clause 8" the clause.
  const clause = (reference.kind === 'section' ? candidates.find((c) => c.kind === 'heading') : undefined) ?? candidates[0];
  if (!clause) {
    const where = document === scope.document ? 'this version' : `${document.shortName} v${version.version}`;
    return { kind: 'unresolved', reason: `${where} has no ${reference.kind} ${target.number}` };
  }
  return { kind: 'clause', document: document.id, version: version.version, clause };
}
