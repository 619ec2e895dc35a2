import { describe, expect, it } from 'vitest';
import { comparePairs, nearestPrerendered, prerenderedPairs } from '#model/compare-pairs.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

const version = (v: string, effective?: string): VersionRecord => ({
  document: 'td',
  version: v,
  slug: `v${v}`,
  status: effective ? 'designated' : 'consultation-draft',
  ...(effective ? { effective, designated: effective } : { published: '2020-01-01' }),
  consultations: [],
  illustrative: true,
  file: `content/documents/td/v${v}.md`,
  clauses: [],
  state: 'superseded',
});
const document: DocumentRecord = {
  id: 'td',
  title: 'T',
  shortName: 'T',
  secReference: 'Appendix Z',
  order: 1,
  description: [],
  file: 'x',
  versions: [version('1.0', '2020-01-01'), version('2.0', '2020-02-01'), version('3.0-draft'), version('3.0', '2020-04-01'), version('4.0', '2030-01-01')],
};
const names = (pairs: Array<[VersionRecord, VersionRecord]>) => pairs.map(([a, b]) => `${a.version}...${b.version}`);

describe('compare pairs', () => {
  it('gives every older version a URL against every newer one', () => {
    expect(comparePairs(document)).toHaveLength(10);
  });

  it('pre-builds each version against the one before and against the version in effect', () => {
    expect(names(prerenderedPairs(document, '2020-06-01'))).toEqual(['1.0...2.0', '1.0...3.0', '2.0...3.0-draft', '2.0...3.0', '3.0-draft...3.0', '3.0...4.0']);
  });

  it('grows linearly with the number of versions', () => {
    const many: DocumentRecord = { ...document, versions: Array.from({ length: 12 }, (_, i) => version(`${i + 1}.0`, `2020-${String(i + 1).padStart(2, '0')}-01`)) };
    expect(comparePairs(many)).toHaveLength(66);
    expect(prerenderedPairs(many, '2021-01-01')).toHaveLength(21);
  });

  it('points a pair that is not built at the steps between and the version in effect', () => {
    const [one, , , three] = document.versions as VersionRecord[];
    expect(names(nearestPrerendered(document, one as VersionRecord, document.versions[2] as VersionRecord, '2020-06-01'))).toEqual([
      '1.0...2.0',
      '2.0...3.0-draft',
      '1.0...3.0',
      '3.0-draft...3.0',
    ]);
    expect(three?.version).toBe('3.0');
  });
});
