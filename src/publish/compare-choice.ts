import { formatDate } from '#model/format-date.ts';
import { isIsoDate, periodOn, type LegalPeriod } from './legal-periods.ts';

/** What a reader's choice of two versions, or of two dates, leads to. */
export type CompareChoice =
  /** A comparison, older version first. */
  | { kind: 'pair'; from: string; to: string }
  /** Both choices are the same version: nothing to compare. */
  | { kind: 'same'; version: string; dates?: [string, string] }
  /** No version was in effect on a date. */
  | { kind: 'none-in-effect'; date: string; first?: LegalPeriod }
  /** A field is missing or not a version or date. */
  | { kind: 'invalid'; message: string };

/**
 * Two versions picked in any order: the comparison of the older with the newer, in the
 * document's version order (`order`, oldest first).
 */
export function chooseVersions(order: readonly string[], a: string, b: string): CompareChoice {
  const unknown = [a, b].find((v) => !order.includes(v));
  if (unknown !== undefined) return { kind: 'invalid', message: unknown ? `There is no version ${unknown} of this document.` : 'Choose two versions.' };
  if (a === b) return { kind: 'same', version: a };
  const [from, to] = order.indexOf(a) < order.indexOf(b) ? [a, b] : [b, a];
  return { kind: 'pair', from, to };
}

/**
 * Two dates picked in any order (eCFR's "compare dates"): the comparison of the version in
 * legal effect on the earlier date with the one in effect on the later.
 */
export function chooseDates(periods: readonly LegalPeriod[], a: string, b: string): CompareChoice {
  const bad = [a, b].find((d) => !isIsoDate(d));
  if (bad !== undefined) return { kind: 'invalid', message: bad ? `“${bad}” is not a date: write it as YYYY-MM-DD.` : 'Choose two dates.' };
  const [early, late] = a <= b ? [a, b] : [b, a];
  const first = periods[0];
  for (const date of [early, late]) {
    if (!periodOn(periods, date)) return { kind: 'none-in-effect', date, ...(first ? { first } : {}) };
  }
  const from = periodOn(periods, early) as LegalPeriod;
  const to = periodOn(periods, late) as LegalPeriod;
  if (from.version === to.version) return { kind: 'same', version: from.version, dates: [early, late] };
  return { kind: 'pair', from: from.version, to: to.version };
}

/** The choice in words, for the reader (`name` is the document's short name). */
export function describeChoice(choice: CompareChoice, name: string): string {
  switch (choice.kind) {
    case 'pair':
      return `${name} v${choice.from} compared with v${choice.to}.`;
    case 'same':
      return choice.dates
        ? `${name} v${choice.version} was in effect on both ${formatDate(choice.dates[0])} and ${formatDate(choice.dates[1])}: nothing changed between them.`
        : `Both are v${choice.version}: choose two different versions.`;
    case 'none-in-effect':
      return `No version of ${name} on this site was in legal effect on ${formatDate(choice.date)}${choice.first ? `; the earliest, v${choice.first.version}, took effect on ${formatDate(choice.first.from)}.` : '.'}`;
    case 'invalid':
      return choice.message;
  }
}
