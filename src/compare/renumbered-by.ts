import { type AlignedRow, renumberedNumbers } from './align-clauses.ts';
import type { VersionRecord } from '#model/site-model.ts';
import type { Compare } from './clause-history.ts';

/**
 * Old number → new number for the clauses a comparison renumbered, computed once per pair's rows
 * (every history of a pair's clauses asks for the same map). Kept only as long as the rows are.
 */
export function renumberedBy(compare: Compare): (from: VersionRecord, to: VersionRecord) => Map<string, string> {
  const maps = new WeakMap<readonly AlignedRow[], Map<string, string>>();
  return (from, to) => {
    const rows = compare(from, to);
    let map = maps.get(rows);
    if (!map) {
      map = renumberedNumbers(rows);
      maps.set(rows, map);
    }
    return map;
  };
}
