import { describe, expect, it } from 'vitest';
import { loadSite } from '#content/load-site.ts';
import { inEffectSearchRecords, searchRecords } from '#publish/search-records.ts';
import { readContent } from '../../scripts/lib/read-content.ts';

const { sources } = await readContent('tests/fixtures/site-minimal');
const site = loadSite(sources, '2020-08-01').site;
if (!site) throw new Error('the minimal site should load');

describe('searchRecords', () => {
  const records = searchRecords(site);

  it('gives a clause unchanged across versions one record, leading to the version in effect', () => {
    const unchanged = records.find((r) => r.content.startsWith('1.2 '));
    expect(unchanged).toMatchObject({
      url: '/td/v2.0/#1.2',
      meta: { title: 'TD v2.0 — clause 1.2', version: '2.0', clause: '1.2', alsoIn: 'Same text in v1.0', section: '1 Scope' },
      filters: { document: ['TD (Appendix ZZ)'], version: ['TD v1.0', 'TD v2.0'], status: ['Superseded', 'In effect'] },
    });
  });

  it('keeps a reworded clause apart in each version, with its own status', () => {
    const clause = records.filter((r) => r.meta.clause === '1.1');
    expect(clause.map((r) => [r.url, r.content, r.filters.status])).toEqual([
      ['/td/v1.0/#1.1', '1.1 The DCC shall act in good time.', ['Superseded']],
      ['/td/v2.0/#1.1', '1.1 The DCC shall act promptly.', ['In effect']],
    ]);
  });

  it('indexes each distinct text once', () => {
    expect(records.map((r) => r.meta.title)).toEqual(['TD v2.0 — section 1', 'TD v1.0 — clause 1.1', 'TD v2.0 — clause 1.2', 'TD v2.0 — clause 1.1']);
  });
});

describe('inEffectSearchRecords', () => {
  const records = inEffectSearchRecords(site);

  it('gives each clause of the version in effect one record, and no other version any', () => {
    expect(records.map((r) => [r.url, r.content])).toEqual([
      ['/td/v2.0/#1', '1 Scope'],
      ['/td/v2.0/#1.1', '1.1 The DCC shall act promptly.'],
      ['/td/v2.0/#1.2', '1.2 A Supplier Party shall tell the DCC.'],
    ]);
    expect(records.every((r) => r.url.startsWith('/td/v2.0/'))).toBe(true);
  });

  it('filters by document only: the index has no version or status to choose', () => {
    for (const record of records) expect(record.filters).toEqual({ document: ['TD (Appendix ZZ)'] });
  });

  it('names the clause as the search of all versions does, without "same text in" notes', () => {
    const clause = records.find((r) => r.meta.clause === '1.2');
    expect(clause?.meta).toEqual({ title: 'TD v2.0 — clause 1.2', document: 'TD', version: '2.0', clause: '1.2', section: '1 Scope' });
  });

  it('leaves out a document with no version in effect', () => {
    const notYet = loadSite(sources, '2019-01-01').site;
    if (!notYet) throw new Error('the minimal site should load');
    expect(inEffectSearchRecords(notYet)).toEqual([]);
  });
});
