import type { VersionRecord, VersionState } from '#model/site-model.ts';

/**
 * What the API says of a version wherever it names one (`/api/documents.json` lists them,
 * `/api/<doc>/v<version>.json` opens with them): its number, status and dates. Absent facts are
 * `null`, never missing, so that clients read one shape.
 */
export interface ApiVersionFacts {
  version: string;
  status: VersionRecord['status'];
  state: VersionState;
  label: string | null;
  designated: string | null;
  effective: string | null;
  effectiveUntil: string | null;
  supersededBy: string | null;
  published: string | null;
  direction: string | null;
  /** The address of the official text, or null when none is recorded. */
  source: string | null;
}

/** The facts of `version` in the order the JSON Schemas list them. */
export function apiVersionFacts(version: VersionRecord): ApiVersionFacts {
  return {
    version: version.version,
    status: version.status,
    state: version.state,
    label: version.label ?? null,
    designated: version.designated ?? null,
    effective: version.effective ?? null,
    effectiveUntil: version.effectiveUntil ?? null,
    supersededBy: version.supersededBy ?? null,
    published: version.published ?? null,
    direction: version.direction ?? null,
    source: version.source ?? null,
  };
}
