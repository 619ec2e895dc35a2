import type { DocumentRecord } from '#model/site-model.ts';
import { versionUrl } from './urls.ts';

/** A designated version's period of legal effect: from its effective date to the day before its successor's. */
export interface LegalPeriod {
  version: string;
  /** Site path of the version: `/tmad/v5.0/`. */
  url: string;
  /** First day in effect (`YYYY-MM-DD`). */
  from: string;
  /** Last day in effect, or null while no later version has been designated. */
  to: string | null;
}

/**
 * The periods of legal effect of a document's designated versions, earliest first. Consultation
 * drafts and designated versions without an effective date were never in effect and are left out;
 * a version whose successor took effect the same day has an empty period and is left out too.
 * Plain data: the "in effect on" page ships it to the browser as JSON.
 */
export function legalPeriods(document: DocumentRecord): LegalPeriod[] {
  return document.versions
    .filter((v) => v.status === 'designated' && v.effective !== undefined)
    .map((v) => ({ version: v.version, url: versionUrl(document.id, v.version), from: v.effective as string, to: v.effectiveUntil ?? null }))
    .filter((p) => p.to === null || p.from <= p.to)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The period that covers a date (`YYYY-MM-DD`), if any version was in effect on it. */
export function periodOn(periods: readonly LegalPeriod[], date: string): LegalPeriod | undefined {
  return periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
}

/** Whether a string is a real calendar date written `YYYY-MM-DD` (what `?on=` and date fields give). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
