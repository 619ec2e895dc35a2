import { describe, expect, it } from 'vitest';
import { loadSite } from '#content/load-site.ts';
import {
  definedTerms,
  filterKind,
  filterName,
  inEffectSearchRecords,
  numberWord,
  PAGE_RECORDS,
  type SearchRecord,
  searchCatalog,
  searchPageOf,
  searchRecords,
} from '#publish/search-records.ts';
import { clauseNumberQuery, hasEveryWord, markWord, meetsFilter, type PagefindApi, pageRecords, pagefindFilter, searchClauses, wordChange } from '#scripts/search-query.ts';
import { pageHtml, type SearchPage, searchPages } from '../../scripts/lib/index-search.ts';
import { readContent } from '../../scripts/lib/read-content.ts';

const { sources } = await readContent('tests/fixtures/site-minimal');
const site = loadSite(sources, '2020-08-01').site;
if (!site) throw new Error('the minimal site should load');

describe('searchRecords', () => {
  const records = searchRecords(site, (_document, _version, slug) => `h-${slug}`);

  it('gives a clause unchanged across versions one record, leading to the version in effect', () => {
    const unchanged = records.find((r) => r.text.startsWith('A Supplier Party'));
    expect(unchanged).toMatchObject({
      url: '/td/v2.0/#1.2',
      kind: 'clause',
      filters: {
        'document-td': ['TD (Appendix ZZ)'],
        'version-td': ['TD v1.0', 'TD v2.0'],
        'status-td': ['Superseded', 'In effect'],
      },
      name: 'clause 1.2',
      number: '1.2',
      history: 'td/h-1.2',
    });
  });

  it('keeps a reworded clause apart in each version, with its own status, in one history', () => {
    const clause = records.filter((r) => r.number === '1.1');
    expect(clause.map((r) => [r.url, r.text, r.filters['status-td'], r.history])).toEqual([
      ['/td/v1.0/#1.1', 'The DCC shall act in good time.', ['Superseded'], 'td/h-1.1'],
      ['/td/v2.0/#1.1', 'The DCC shall act promptly.', ['In effect'], 'td/h-1.1'],
    ]);
  });

  it('indexes words only: no number, version or document in the searched text, and no metadata', () => {
    for (const record of records) {
      expect(record.text).not.toMatch(/^\d/);
      expect(record).not.toHaveProperty('meta');
      expect(pageHtml(searchPages([record])[0] as SearchPage)).not.toMatch(/data-pagefind-meta/);
    }
    expect(records.map((r) => [r.kind, r.text])).toEqual([
      ['heading', 'Scope'],
      ['clause', 'The DCC shall act in good time.'],
      ['clause', 'The DCC shall act promptly.'],
      ['clause', 'A Supplier Party shall tell the DCC.'],
    ]);
  });

  it("puts a clause's texts next to each other, on one Pagefind page with the clauses of their section", () => {
    expect(records.map((r) => [r.history, r.page])).toEqual([
      ['td/h-1', '/td/v2.0/#1'],
      ['td/h-1.1', '/td/v2.0/#1'],
      ['td/h-1.1', '/td/v2.0/#1'],
      ['td/h-1.2', '/td/v2.0/#1'],
    ]);
  });
});

describe('pageHtml', () => {
  const clause: SearchRecord = {
    url: '/td/v2.0/#1.3',
    language: 'en',
    kind: 'clause',
    text: '"Cutover" means the period, for Service Reference Variant 4.4.2.',
    defines: ['Cutover'],
    aliases: ['SRV 4.4.2'],
    name: 'clause 1.3',
    number: '1.3',
    history: 'td/1.3',
    filters: { version: ['TD v2.0'] },
  };

  it('puts the words in the body, a defined term weighted, URL, name and history as ids, the number as one word, filters in the head', () => {
    expect(pageHtml(searchPages([clause])[0] as SearchPage)).toBe(
      '<html lang="en"><head><meta data-pagefind-filter="version[content]" content="TD v2.0"></head>' +
        '<body><span id="at:%2Ftd%2Fv2.0%2F%231.3"></span><span id="name:clause%201.3"></span><span id="history:td%2F1.3"></span>' +
        '<p><span data-pagefind-weight="10">"Cutover"</span> means the period, for Service Reference Variant 4.4.2.</p>' +
        '<span data-pagefind-index-attrs="title" title="qqn1p3z"></span><span data-pagefind-index-attrs="title" title="SRV 4.4.2"></span></body></html>',
    );
  });

  it('puts the records of a page one after the other, each opened by its URL, a heading as a heading, and a record of other filters than its page its own', () => {
    const heading: SearchRecord = { url: '/td/v2.0/#1', language: 'en', kind: 'heading', text: 'Scope', defines: [], aliases: [], name: 'section 1', filters: clause.filters };
    const html = pageHtml({ url: heading.url, records: [heading, clause], filters: clause.filters });
    expect(html).toContain('<body><span id="at:%2Ftd%2Fv2.0%2F%231"></span><span id="name:section%201"></span><h1>Scope</h1><span id="at:%2Ftd%2Fv2.0%2F%231.3"></span>');
    expect(html).not.toContain('filters:');
    const older = { ...clause, url: '/td/v1.0/#1.3', filters: { version: ['TD v1.0'] } };
    const [page] = searchPages([clause, older].map((record) => ({ ...record, page: clause.url })));
    expect(page?.filters).toEqual({ version: ['TD v2.0', 'TD v1.0'] });
    const both = pageHtml(page as SearchPage);
    expect(both).toContain('<meta data-pagefind-filter="version[content]" content="TD v2.0"><meta data-pagefind-filter="version[content]" content="TD v1.0">');
    expect(both).toContain(`<span id="filters:${encodeURIComponent('{"version":["TD v2.0"]}')}"></span>`);
    expect(both).toContain(`<span id="filters:${encodeURIComponent('{"version":["TD v1.0"]}')}"></span>`);
  });
});

describe('searchPageOf and searchPages', () => {
  const records = Array.from(
    { length: PAGE_RECORDS + 3 },
    (_, i): SearchRecord => ({
      url: `/td/v2.0/#${i}`,
      language: 'en',
      kind: 'clause',
      text: `Clause ${i}.`,
      defines: [],
      aliases: [],
      name: `clause ${i}`,
      filters: { document: ['TD'] },
    }),
  );

  it('starts a page at each section and after PAGE_RECORDS records, named by its first record', () => {
    const paged = searchPageOf(
      records.map((record) => [record]),
      (_unit, index) => index === 2,
    );
    expect(paged.slice(0, 3).map((r) => r.page)).toEqual(['/td/v2.0/#0', '/td/v2.0/#0', '/td/v2.0/#2']);
    expect(paged[2 + PAGE_RECORDS]?.page).toBe(`/td/v2.0/#${2 + PAGE_RECORDS}`);
    expect(searchPages(paged).map((page) => page.records.length)).toEqual([2, PAGE_RECORDS, 1]);
  });

  it('never splits a unit (the texts of one clause): a page starts before one that would not fit', () => {
    const units = [records.slice(0, PAGE_RECORDS - 1), records.slice(PAGE_RECORDS - 1, PAGE_RECORDS + 1), records.slice(PAGE_RECORDS + 1)];
    expect(searchPages(searchPageOf(units, () => false)).map((page) => [page.url, page.records.length])).toEqual([
      ['/td/v2.0/#0', PAGE_RECORDS - 1],
      [`/td/v2.0/#${PAGE_RECORDS - 1}`, 4],
    ]);
  });

  it('gives a record without a page a page of its own', () => {
    expect(searchPages(records.slice(0, 2)).map((page) => page.url)).toEqual(['/td/v2.0/#0', '/td/v2.0/#1']);
  });
});

describe('pageRecords and hasEveryWord', () => {
  // A page of two records as Pagefind returns its data: the words, the anchors at the word they precede, the words matched.
  const data = {
    url: '/td/v2.0/#1',
    content: 'Scope. qqn1z. The meter reading period. qqn1p1z.',
    excerpt: '',
    filters: { 'document-td': ['TD (Appendix ZZ)'] },
    anchors: [
      { id: 'at:%2Ftd%2Fv2.0%2F%231', location: 0 },
      { id: 'name:section%201', location: 0 },
      { id: 'at:%2Ftd%2Fv2.0%2F%231.1', location: 2 },
      { id: 'name:clause%201.1', location: 2 },
      { id: 'history:td%2F1.1', location: 2 },
    ],
    weighted_locations: [
      { weight: 1, balanced_score: 10, location: 3 },
      { weight: 1, balanced_score: 5, location: 5 },
    ],
  };

  it('splits a page into its records by their URL anchors, each with its own words, matches and anchors', () => {
    expect(pageRecords(data)).toEqual([
      { url: '/td/v2.0/#1', name: 'section 1', filters: data.filters, words: ['Scope.', 'qqn1z.'], matches: [] },
      {
        url: '/td/v2.0/#1.1',
        name: 'clause 1.1',
        history: 'td/1.1',
        filters: data.filters,
        words: ['The', 'meter', 'reading', 'period.', 'qqn1p1z.'],
        matches: [
          { at: 1, score: 10 },
          { at: 3, score: 5 },
        ],
      },
    ]);
  });

  it("reads a record's own filters, where it has them, else the page's", () => {
    const own = { 'version-td': ['TD v1.0'] };
    const anchors = [...data.anchors, { id: `filters:${encodeURIComponent(JSON.stringify(own))}`, location: 2 }];
    expect(pageRecords({ ...data, anchors }).map((r) => r.filters)).toEqual([data.filters, own]);
  });

  it('narrows records by their own filters as Pagefind narrows pages: all of the parts, any in each', () => {
    const filters = { 'document-td': ['TD'], 'version-td': ['TD v1.0', 'TD v2.0'], 'status-td': ['Superseded', 'In effect'] };
    expect(meetsFilter(filters, undefined)).toBe(true);
    expect(meetsFilter(filters, { all: [{ any: [{ 'version-td': 'TD v2.0' }, { 'version-xx': 'XX v1.0' }] }] })).toBe(true);
    expect(meetsFilter(filters, { all: [{ any: [{ 'version-td': 'TD v3.0' }] }] })).toBe(false);
    expect(meetsFilter(filters, { all: [{ any: [{ 'document-td': 'TD' }] }, { any: [{ 'status-td': 'Consultation draft' }] }] })).toBe(false);
  });

  it('reads a page of one record without URL anchor as that record', () => {
    expect(pageRecords({ ...data, anchors: [{ id: 'name:clause%201.1', location: 0 }] }).map((r) => [r.url, r.name, r.words.length])).toEqual([['/td/v2.0/#1', 'clause 1.1', 7]]);
  });

  it('keeps a record only with every word of the query (by stem or prefix), not a word elsewhere on its page', () => {
    const [, clause] = pageRecords(data);
    if (!clause) throw new Error('two records');
    expect(hasEveryWord(clause, ['meters', 'period'])).toBe(true);
    expect(hasEveryWord(clause, ['meter', 'scope'])).toBe(false);
    expect(hasEveryWord({ ...clause, matches: [] }, ['meter'])).toBe(false);
    expect(hasEveryWord(clause, ['meter'])).toBe(true);
  });
});

describe('searchClauses', () => {
  // Pagefind's answer for `term`: `count` pages, each a section of two clauses; `both` says whether
  // one clause has both words of "meter period" (else each word is in another clause).
  function fake(count: number, both: (page: number) => boolean) {
    const loads: number[] = [];
    const api: PagefindApi = {
      search: async () => ({
        results: Array.from({ length: count }, (_, page) => ({
          id: `p${page}`,
          data: async () => {
            loads.push(page);
            const split = !both(page);
            return {
              url: `/td/v2.0/#${page}`,
              content: split ? 'The meter. Another period.' : 'The meter period. Another clause.',
              excerpt: '',
              filters: { 'document-td': ['TD (Appendix ZZ)'] },
              anchors: [
                { id: `at:${encodeURIComponent(`/td/v2.0/#${page}.1`)}`, location: 0 },
                { id: `name:clause%20${page}.1`, location: 0 },
                { id: `at:${encodeURIComponent(`/td/v2.0/#${page}.2`)}`, location: split ? 2 : 3 },
                { id: `name:clause%20${page}.2`, location: split ? 2 : 3 },
              ],
              weighted_locations: split
                ? [
                    { weight: 1, balanced_score: 5, location: 1 },
                    { weight: 1, balanced_score: 5, location: 3 },
                  ]
                : [
                    { weight: 1, balanced_score: 5, location: 1 },
                    { weight: 1, balanced_score: 5, location: 2 },
                  ],
            };
          },
        })),
      }),
    } as unknown as PagefindApi;
    return { api, loads };
  }
  const options = { group: false, limit: 100, catalog: [] };

  it('shows each clause with every word of the query as a result of its own, on its own URL', async () => {
    const { api } = fake(3, () => true);
    const found = await searchClauses(api, 'meter period', {}, options);
    expect(found.groups.map((g) => g.lead.url)).toEqual(['/td/v2.0/#0.1', '/td/v2.0/#1.1', '/td/v2.0/#2.1']);
    expect(found).toMatchObject({ total: 3, complete: true });
  });

  it('fetches no more pages than results it shows, and counts the others as at least one each', async () => {
    const { api, loads } = fake(150, (page) => page === 149);
    const found = await searchClauses(api, 'meter period', {}, options);
    expect(loads.length).toBe(100);
    expect(found).toMatchObject({ total: 50, complete: false, groups: [] });
  });
});

describe('definedTerms', () => {
  it('finds the terms a clause defines, in each way the documents define them', () => {
    expect(definedTerms('"Active Meter" means a meter; and')).toEqual(['Active Meter']);
    expect(definedTerms('“Equivalent Steps” has the meaning given to it.')).toEqual(['Equivalent Steps']);
    expect(definedTerms('A "Migration Error" occurs where it fails.')).toEqual(['Migration Error']);
    expect(definedTerms('For 48 hours (the "UTRN Cutover Period"), the Supplier may act.')).toEqual(['UTRN Cutover Period']);
    expect(definedTerms('documents (together, the "Child Documents").')).toEqual(['Child Documents']);
    expect(definedTerms('When the "UTRN Cutover Period" ends, stop.')).toEqual([]);
  });
});

describe('clauseNumberQuery', () => {
  it('reads a clause number, with a document or "clause" before it', () => {
    expect(clauseNumberQuery('8.6')).toEqual({ number: '8.6' });
    expect(clauseNumberQuery(' clause 4.12a ')).toEqual({ number: '4.12A' });
    expect(clauseNumberQuery('TMAD 18.4(A)')).toEqual({ document: 'TMAD', number: '18.4(a)' });
    expect(clauseNumberQuery('48 hours')).toBeUndefined();
    expect(clauseNumberQuery('SRV 4.4.2')).toEqual({ document: 'SRV', number: '4.4.2' });
  });
});

describe('numberWord', () => {
  it('spells each clause number as one word of its own, ended so that a prefix matches no other', () => {
    expect(numberWord('8.6')).toBe('qqn8p6z');
    expect(numberWord('4.12A')).toBe('qqn4p12az');
    expect(numberWord('18.4(a)')).toBe('qqn18p4oacz');
    expect(numberWord('8.12').startsWith(numberWord('8.1'))).toBe(false);
  });
});

describe('wordChange', () => {
  it('gives the words that differ, with the words around them', () => {
    expect(wordChange('For a period of 48 hours starting now', 'For a period of 336 hours starting now', 2)).toEqual({
      before: '… period of',
      removed: '48',
      added: '336',
      after: 'hours starting …',
    });
    expect(wordChange('same words', 'same  words')).toBeUndefined();
    expect(wordChange('act in good time.', 'act promptly.')).toEqual({ before: 'act', removed: 'in good time.', added: 'promptly.', after: '' });
  });
});

describe('inEffectSearchRecords', () => {
  const records = inEffectSearchRecords(site);

  it('gives each clause of the version in effect one record, and no other version any', () => {
    expect(records.map((r) => [r.url, r.text])).toEqual([
      ['/td/v2.0/#1', 'Scope'],
      ['/td/v2.0/#1.1', 'The DCC shall act promptly.'],
      ['/td/v2.0/#1.2', 'A Supplier Party shall tell the DCC.'],
    ]);
    expect(records.every((r) => r.url.startsWith('/td/v2.0/'))).toBe(true);
  });

  it('has no status, version or history: all are in effect, each clause once', () => {
    const clause = records.find((r) => r.number === '1.2');
    expect(clause?.filters).toEqual({ 'document-td': ['TD (Appendix ZZ)'] });
    expect(clause).toMatchObject({ name: 'clause 1.2', number: '1.2' });
    expect(clause).not.toHaveProperty('history');
  });

  it('puts the records of a section on one Pagefind page, named by its first record', () => {
    expect(records.map((r) => r.page)).toEqual(['/td/v2.0/#1', '/td/v2.0/#1', '/td/v2.0/#1']);
  });

  it('leaves out a document with no version in effect', () => {
    const notYet = loadSite(sources, '2019-01-01').site;
    if (!notYet) throw new Error('the minimal site should load');
    expect(inEffectSearchRecords(notYet)).toEqual([]);
  });
});

describe('searchCatalog', () => {
  it('offers every document with its versions and statuses on the search of all versions', () => {
    expect(searchCatalog(site, 'all')).toEqual([{ id: 'td', document: 'TD (Appendix ZZ)', versions: ['TD v1.0', 'TD v2.0'], statuses: ['Superseded', 'In effect'] }]);
  });

  it('offers the documents with a version in effect, and nothing else, on the search of the versions in effect', () => {
    expect(searchCatalog(site, 'in-effect')).toEqual([{ id: 'td', document: 'TD (Appendix ZZ)', versions: [], statuses: [] }]);
    const notYet = loadSite(sources, '2019-01-01').site;
    if (!notYet) throw new Error('the minimal site should load');
    expect(searchCatalog(notYet, 'in-effect')).toEqual([]);
  });
});

describe('filterName and filterKind', () => {
  it('names one filter per document and kind, and reads the kind back', () => {
    expect(filterName('version', 'tmad')).toBe('version-tmad');
    expect(filterKind('version-tmad')).toBe('version');
    expect(filterKind('status-doc-01')).toBe('status');
    expect(filterKind('document-s1sr')).toBe('document');
    expect(filterKind('document')).toBeUndefined();
    expect(filterKind('other-tmad')).toBeUndefined();
  });
});

describe('pagefindFilter', () => {
  const catalog = [
    { id: 'tmad', document: 'TMAD (SEC Appendix AL)', versions: ['TMAD v5.0', 'TMAD v6.0'], statuses: ['Superseded', 'In effect'] },
    { id: 's1sr', document: 'S1SR (SEC Appendix AM)', versions: ['S1SR v4.0'], statuses: ['In effect'] },
  ];

  it('is undefined when nothing is chosen', () => {
    expect(pagefindFilter({}, catalog)).toBeUndefined();
    expect(pagefindFilter({ document: [], status: [] }, catalog)).toBeUndefined();
  });

  it("names only the chosen documents' filters: any of the documents, any of the versions", () => {
    expect(pagefindFilter({ document: ['S1SR (SEC Appendix AM)', 'TMAD (SEC Appendix AL)'] }, catalog)).toEqual({
      all: [{ any: [{ 'document-tmad': 'TMAD (SEC Appendix AL)' }, { 'document-s1sr': 'S1SR (SEC Appendix AM)' }] }],
    });
    expect(pagefindFilter({ version: ['TMAD v6.0'] }, catalog)).toEqual({ all: [{ any: [{ 'version-tmad': 'TMAD v6.0' }] }] });
  });

  it('narrows a status within the documents chosen by document or version, else in every document that has it', () => {
    expect(pagefindFilter({ version: ['TMAD v5.0'], status: ['Superseded'] }, catalog)).toEqual({
      all: [{ any: [{ 'version-tmad': 'TMAD v5.0' }] }, { any: [{ 'status-tmad': 'Superseded' }] }],
    });
    expect(pagefindFilter({ status: ['In effect'] }, catalog)).toEqual({ all: [{ any: [{ 'status-tmad': 'In effect' }, { 'status-s1sr': 'In effect' }] }] });
  });

  it('is null, matching nothing, when a choice names no value the catalog has', () => {
    expect(pagefindFilter({ status: ['Withdrawn'] }, catalog)).toBeNull();
    expect(pagefindFilter({ document: ['S1SR (SEC Appendix AM)'], status: ['Superseded'] }, catalog)).toBeNull();
  });
});

describe('markWord', () => {
  it('marks the letters and numbers of a matched word, not the punctuation Pagefind keeps around it', () => {
    expect(markWord('meter')).toBe('<mark>meter</mark>');
    expect(markWord('"UTRN')).toBe('"<mark>UTRN</mark>');
    expect(markWord('Period"),')).toBe('<mark>Period</mark>"),');
    expect(markWord("Supplier's,")).toBe("<mark>Supplier's</mark>,");
    expect(markWord('4.12A.')).toBe('<mark>4.12A</mark>.');
  });

  it('escapes the word, and marks nothing in punctuation alone', () => {
    expect(markWord('(a<b)')).toBe('(<mark>a&lt;b</mark>)');
    expect(markWord('—')).toBe('—');
  });
});
