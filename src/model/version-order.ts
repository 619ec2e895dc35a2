/**
 * Orders version numbers: numeric parts compared as numbers (`5.10` after `5.9`), and a
 * suffixed draft (`6.0-draft`) before the version it became (`6.0`).
 */
export function compareVersions(a: string, b: string): number {
  const [numA = '', ...suffixA] = a.split('-');
  const [numB = '', ...suffixB] = b.split('-');
  const partsA = numA.split('.').map(Number);
  const partsB = numB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (suffixA.length === 0 || suffixB.length === 0) return suffixB.length - suffixA.length;
  const sa = suffixA.join('-');
  const sb = suffixB.join('-');
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The day before a `YYYY-MM-DD` date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
