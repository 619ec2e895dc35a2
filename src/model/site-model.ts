import type { ElementContent } from 'hast';
import type { Clause } from './clause.ts';

/** Where a version stands on the site's "as of" date. */
export type VersionState = 'in-effect' | 'superseded' | 'not-yet-in-effect' | 'draft';

/** One version of a document, with its text split into clauses and its place in time. */
export interface VersionRecord {
  document: string;
  /** As written: `6.0`, `4.0-aclara-draft`. */
  version: string;
  /** URL segment: `v6.0`. */
  slug: string;
  status: 'designated' | 'consultation-draft';
  label?: string;
  designated?: string;
  effective?: string;
  direction?: string;
  consultations: string[];
  published?: string;
  /** The address of the official text, when one is recorded. */
  source?: string;
  illustrative: boolean;
  /** Repository-relative source path. */
  file: string;
  clauses: Clause[];
  /** Derived from the dates of all versions of the document and the site's as-of date. */
  state: VersionState;
  /** Last day in legal effect, when a later version took over. */
  effectiveUntil?: string;
  /** The designated version that replaced (or will replace) this one. */
  supersededBy?: string;
}

/** A document (an SEC appendix or annex) and its versions, oldest first. */
export interface DocumentRecord {
  id: string;
  title: string;
  shortName: string;
  secReference: string;
  parent?: string;
  order: number;
  description: ElementContent[];
  file: string;
  versions: VersionRecord[];
}

/** One designation a direction makes. */
export interface Designation {
  document: string;
  version: string;
  effective: string;
  annexes: string[];
}

/** An annex of a direction letter: the designated text, a marked-up copy, a matrix. */
export interface AnnexRecord {
  /** Lettered A, B, C… */
  id: string;
  kind: 'designated-text' | 'marked-up' | 'matrix' | 'other';
  title: string;
  document?: string | undefined;
  version?: string | undefined;
  /** For a marked-up annex: the version it is marked up against. */
  against?: string | undefined;
  /** The address of the official annex, when one is recorded. */
  source?: string | undefined;
}

/** A consultation that led to a direction. */
export interface ConsultationRecord {
  id: string;
  title: string;
  by: string;
  opened: string;
  closed: string;
  submitted?: string | undefined;
  responses: number;
  documents: string[];
}

/** A direction letter of the Secretary of State. */
export interface DirectionRecord {
  id: string;
  date: string;
  title: string;
  issuer: string;
  onBehalfOf?: string;
  signatory: { name: string; role: string };
  addressees: string[];
  powers?: string;
  /** The address of the official letter, when one is recorded. */
  source?: string;
  designations: Designation[];
  annexes: AnnexRecord[];
  consultations: ConsultationRecord[];
  illustrative: boolean;
  body: ElementContent[];
  file: string;
}

/** Everything the site shows, validated and cross-checked. */
export interface Site {
  /** The date statuses are computed for (`YYYY-MM-DD`). */
  asOf: string;
  documents: DocumentRecord[];
  directions: DirectionRecord[];
}
