import { describe, expect, it } from 'vitest';
import { type AlignedRow, alignClauses, renumberedNumbers } from '#compare/align-clauses.ts';
import { renumberedBy } from '#compare/renumbered-by.ts';
import type { VersionRecord } from '#model/site-model.ts';
import { sampleSite } from '../support/sample-site.ts';

const document = sampleSite().documents.find((d) => d.id === 'td');
if (!document) throw new Error('the sample site has no td');
const [first, , last] = document.versions as [VersionRecord, VersionRecord, VersionRecord];

describe('renumberedBy', () => {
  it("gives the pair's renumbering, computed once for the same rows", () => {
    const rows = new Map<string, AlignedRow[]>();
    let aligned = 0;
    const compare = (from: VersionRecord, to: VersionRecord) => {
      const key = `${from.version}...${to.version}`;
      if (!rows.has(key)) {
        aligned += 1;
        rows.set(key, alignClauses(from.clauses, to.clauses));
      }
      return rows.get(key) as AlignedRow[];
    };
    const renumbered = renumberedBy(compare);
    const map = renumbered(first, last);
    expect([...map]).toEqual([...renumberedNumbers(alignClauses(first.clauses, last.clauses))]);
    // The sample's newest version renumbers a clause: the map is not trivially empty.
    expect(map.size).toBeGreaterThan(0);
    expect(renumbered(first, last)).toBe(map);
    expect(renumbered(last, first)).not.toBe(map);
    expect(aligned).toBe(2);
  });
});
