import { type ApiVersionFacts, apiVersionFacts } from './api-version-facts.ts';
import type { ClauseKind } from '#model/clause.ts';
import { citationText, clausePermalink } from './citation.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { absoluteUrl, apiSchemaUrl, versionUrl } from './urls.ts';

/** One clause as `/api/<doc>/v<version>.json` gives it (schema: `schemas/version.schema.json`). */
export interface ApiClause {
  slug: string;
  number: string | null;
  label: string | null;
  kind: ClauseKind;
  depth: number;
  parent: string | null;
  /** Titles of the enclosing headings, outermost first. */
  path: string[];
  /** For table rows: the slug of their table. */
  table: string | null;
  text: string;
  permalink: string;
  citation: string;
}

/** The body of `/api/<doc>/v<version>.json`. */
export interface ApiVersion extends ApiVersionFacts {
  $schema: string;
  document: { id: string; title: string; shortName: string; secReference: string };
  illustrative: boolean;
  url: string;
  clauses: ApiClause[];
}

/** `/api/<doc>/v<version>.json`: the clauses of a version in order, each with its permalink and citation. */
export function apiVersion(document: DocumentRecord, version: VersionRecord, site: URL | string): ApiVersion {
  return {
    $schema: absoluteUrl(apiSchemaUrl('version'), site),
    document: { id: document.id, title: document.title, shortName: document.shortName, secReference: document.secReference },
    ...apiVersionFacts(version),
    illustrative: version.illustrative,
    url: absoluteUrl(versionUrl(document.id, version.version), site),
    clauses: version.clauses.map((clause) => ({
      slug: clause.slug,
      number: clause.number,
      label: clause.label,
      kind: clause.kind,
      depth: clause.depth,
      parent: clause.parent,
      path: [...clause.path],
      table: clause.table ?? null,
      text: clause.text,
      permalink: clausePermalink({ document, version, clause }, site),
      citation: citationText({ document, version, clause }, site),
    })),
  };
}
