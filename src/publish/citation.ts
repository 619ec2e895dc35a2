import type { Clause } from '#model/clause.ts';
import { clauseName } from '#model/clause-name.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { absoluteUrl, clauseUrl } from './urls.ts';

/** What a citation names: the document, the version and, usually, one clause of it. */
export interface CitationTarget {
  document: Pick<DocumentRecord, 'id' | 'shortName' | 'secReference'>;
  version: Pick<VersionRecord, 'version'>;
  clause: Clause;
}

/** `SEC Appendix AL (TMAD) v6.0`: how letters name a version of a document. */
export function citeVersion(document: CitationTarget['document'], version: CitationTarget['version']): string {
  return `SEC ${document.secReference} (${document.shortName}) v${version.version}`;
}

/**
 * The citation of a clause as a reader pastes it into a letter: the document, version and
 * clause, then the absolute permalink that always shows this text:
 * `SEC Appendix AL (TMAD) v6.0, clause 2.3 — https://example.org/tmad/v6.0/#2.3`.
 */
export function citationText({ document, version, clause }: CitationTarget, site: URL | string): string {
  return `${citeVersion(document, version)}, ${clauseName(clause)} — ${clausePermalink({ document, version, clause }, site)}`;
}

/** The absolute permalink of a clause: `https://example.org/tmad/v6.0/#2.3`. */
export function clausePermalink({ document, version, clause }: CitationTarget, site: URL | string): string {
  return absoluteUrl(clauseUrl(document.id, version.version, clause.slug), site);
}

/** The short title a link preview shows: `TMAD v6.0 — clause 2.3`. */
export function clauseTitle({ document, version, clause }: CitationTarget): string {
  return `${document.shortName} v${version.version} — ${clauseName(clause)}`;
}

/**
 * Text cut to at most `max` characters at a word boundary, with an ellipsis when cut: link
 * previews show about two lines.
 */
export function excerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/u, '')}…`;
}
