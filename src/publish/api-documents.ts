import { type ApiVersionFacts, apiVersionFacts } from './api-version-facts.ts';
import { prerenderedPairs } from '#model/compare-pairs.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';
import { absoluteUrl, apiCompareUrl, apiSchemaUrl, apiVersionUrl, compareUrl, directionUrl, documentFeedUrl, documentUrl, inEffectUrl, versionUrl } from './urls.ts';
import { versionInEffect } from '#model/version-in-effect.ts';

/** A version as `/api/documents.json` lists it (schema: `schemas/documents.schema.json`). */
export interface ApiVersionSummary extends ApiVersionFacts {
  consultations: string[];
  illustrative: boolean;
  clauses: number;
  url: string;
  api: string;
}

/** A document with its versions and the comparisons the site renders. */
export interface ApiDocument {
  id: string;
  title: string;
  shortName: string;
  secReference: string;
  parent: string | null;
  url: string;
  inEffectUrl: string;
  feed: string;
  /** The version in legal effect on the site's as-of date. */
  inEffect: string | null;
  versions: ApiVersionSummary[];
  comparisons: Array<{ from: string; to: string; url: string; api: string }>;
}

/** A direction letter and what it designates. */
export interface ApiDirection {
  id: string;
  date: string;
  title: string;
  issuer: string;
  onBehalfOf: string | null;
  designations: Array<{ document: string; version: string; effective: string; annexes: string[] }>;
  consultations: Array<{ id: string; title: string; by: string; opened: string; closed: string; submitted: string | null; responses: number; documents: string[] }>;
  illustrative: boolean;
  url: string;
}

/** The body of `/api/documents.json`. */
export interface ApiDocuments {
  $schema: string;
  /** The date statuses (`state`, `inEffect`) are computed for. */
  asOf: string;
  documents: ApiDocument[];
  directions: ApiDirection[];
}

function versionSummary(document: DocumentRecord, version: VersionRecord, url: (path: string) => string): ApiVersionSummary {
  return {
    ...apiVersionFacts(version),
    consultations: [...version.consultations],
    illustrative: version.illustrative,
    clauses: version.clauses.length,
    url: url(versionUrl(document.id, version.version)),
    api: url(apiVersionUrl(document.id, version.version)),
  };
}

function direction(record: DirectionRecord, url: (path: string) => string): ApiDirection {
  return {
    id: record.id,
    date: record.date,
    title: record.title,
    issuer: record.issuer,
    onBehalfOf: record.onBehalfOf ?? null,
    designations: record.designations.map((d) => ({ document: d.document, version: d.version, effective: d.effective, annexes: [...d.annexes] })),
    consultations: record.consultations.map((c) => ({
      id: c.id,
      title: c.title,
      by: c.by,
      opened: c.opened,
      closed: c.closed,
      submitted: c.submitted ?? null,
      responses: c.responses,
      documents: [...c.documents],
    })),
    illustrative: record.illustrative,
    url: url(directionUrl(record.id)),
  };
}

/** `/api/documents.json`: every document, version, comparison and direction, with absolute links. */
export function apiDocuments(site: Site, siteUrl: URL | string): ApiDocuments {
  const url = (path: string) => absoluteUrl(path, siteUrl);
  return {
    $schema: url(apiSchemaUrl('documents')),
    asOf: site.asOf,
    documents: site.documents.map((document) => ({
      id: document.id,
      title: document.title,
      shortName: document.shortName,
      secReference: document.secReference,
      parent: document.parent ?? null,
      url: url(documentUrl(document.id)),
      inEffectUrl: url(inEffectUrl(document.id)),
      feed: url(documentFeedUrl(document.id)),
      inEffect: versionInEffect(document, site.asOf)?.version ?? null,
      versions: document.versions.map((v) => versionSummary(document, v, url)),
      comparisons: prerenderedPairs(document, site.asOf).map(([from, to]) => ({
        from: from.version,
        to: to.version,
        url: url(compareUrl(document.id, from.version, to.version)),
        api: url(apiCompareUrl(document.id, from.version, to.version)),
      })),
    })),
    directions: site.directions.map((d) => direction(d, url)),
  };
}
