import { describe, expect, it } from 'vitest';
import { alignClauses, type AlignedRow } from '#compare/align-clauses.ts';
import { apiCompare, wordChanges } from '#publish/api-compare.ts';
import { apiDocuments } from '#publish/api-documents.ts';
import { apiVersion } from '#publish/api-version.ts';
import { describeErrors, readSchemas, schemaValidators } from '../support/api-schemas.ts';
import { SITE_URL, sampleSite } from '../support/sample-site.ts';

const site = sampleSite();
const td = site.documents[0]!;
const [v1, draft, v2] = td.versions as [(typeof td.versions)[0], (typeof td.versions)[0], (typeof td.versions)[0]];
const validators = schemaValidators();
const expectValid = (name: string, data: unknown) => {
  const validate = validators.get(name);
  if (!validate) throw new Error(`no schema ${name}`);
  const valid = validate(data);
  expect(describeErrors(validate)).toEqual([]);
  expect(valid).toBe(true);
};

describe('the JSON Schemas', () => {
  it('are the three documented ones, each with a title and description', () => {
    const schemas = readSchemas();
    expect([...schemas.keys()]).toEqual(['compare', 'documents', 'version']);
    for (const schema of schemas.values())
      expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: expect.any(String), description: expect.any(String) });
  });

  it('refuse data that breaks them', () => {
    const validate = validators.get('version')!;
    const data = apiVersion(td, v2, SITE_URL) as unknown as { clauses: Array<Record<string, unknown>> };
    data.clauses[0]!.kind = 'chapter';
    expect(validate(data)).toBe(false);
    delete data.clauses[0]!.permalink;
    data.clauses[0]!.kind = 'heading';
    expect(validate(data)).toBe(false);
    expect(describeErrors(validate).join('\n')).toContain("must have required property 'permalink'");
  });
});

describe('apiDocuments', () => {
  const data = apiDocuments(site, SITE_URL);

  it('validates against schemas/documents.schema.json', () => {
    expectValid('documents', data);
  });

  it('lists documents, versions with dates and states, comparisons and directions, with absolute links', () => {
    expect(data.$schema).toBe('https://sec.example.test/api/schemas/documents.schema.json');
    expect(data.asOf).toBe('2020-08-01');
    const doc = data.documents[0]!;
    expect(doc).toMatchObject({ id: 'td', shortName: 'TD', inEffect: '2.0', feed: 'https://sec.example.test/td/feed.xml', inEffectUrl: 'https://sec.example.test/td/in-effect/' });
    expect(doc.versions.map((v) => [v.version, v.state, v.effective, v.effectiveUntil])).toEqual([
      ['1.0', 'superseded', '2020-06-15', '2020-07-25'],
      ['2.0-draft', 'draft', null, null],
      ['2.0', 'in-effect', '2020-07-26', null],
    ]);
    expect(doc.versions[2]).toMatchObject({
      url: 'https://sec.example.test/td/v2.0/',
      api: 'https://sec.example.test/api/td/v2.0.json',
      direction: '2020-07-24-test',
      clauses: 10,
    });
    expect(doc.comparisons.map((c) => `${c.from}...${c.to}`)).toEqual(['1.0...2.0-draft', '1.0...2.0', '2.0-draft...2.0']);
    expect(doc.comparisons[1]?.api).toBe('https://sec.example.test/api/td/compare/v1.0...v2.0.json');
    expect(data.directions[0]).toMatchObject({ id: '2020-07-24-test', designations: [{ document: 'td', version: '2.0', effective: '2020-07-26', annexes: ['A'] }] });
  });
});

describe('apiVersion', () => {
  const data = apiVersion(td, v2, SITE_URL);

  it('validates against schemas/version.schema.json, drafts included', () => {
    expectValid('version', data);
    expectValid('version', apiVersion(td, draft, SITE_URL));
  });

  it('gives the clauses in order with number, slug, heading path, text, permalink and citation', () => {
    expect(data.clauses.map((c) => c.slug)).toEqual(v2.clauses.map((c) => c.slug));
    expect(data.clauses.find((c) => c.slug === '1.3-a')).toEqual({
      slug: '1.3-a',
      number: '1.3(a)',
      label: '(a)',
      kind: 'clause',
      depth: 1,
      parent: '1.3',
      path: ['1 Scope'],
      table: null,
      text: 'by notice in writing; and',
      permalink: 'https://sec.example.test/td/v2.0/#1.3-a',
      citation: 'SEC Appendix ZZ (TD) v2.0, clause 1.3(a) — https://sec.example.test/td/v2.0/#1.3-a',
    });
    expect(data.clauses.find((c) => c.slug === '2-table-beta')?.table).toBe('2-table');
  });
});

describe('apiCompare', () => {
  const rows = alignClauses(v1.clauses, v2.clauses);
  const data = apiCompare(td, v1, v2, rows, SITE_URL);

  it('validates against schemas/compare.schema.json', () => {
    expectValid('compare', data);
  });

  it('gives each row its kind, from, to and word changes', () => {
    expect(data.counts).toMatchObject({ modified: 1, inserted: 1, deleted: 1, renumbered: 3, unchanged: 5 });
    const modified = data.rows.find((r) => r.kind === 'modified');
    expect(modified?.from[0]?.permalink).toBe('https://sec.example.test/td/v1.0/#1.1');
    expect(modified?.changes).toEqual([
      { op: 'equal', text: 'The cutover period is ' },
      { op: 'removed', text: '48' },
      { op: 'added', text: '336' },
      { op: 'equal', text: ' hours from the start of the Migration Window.' },
    ]);
    const renumbered = data.rows.find((r) => r.kind === 'renumbered' && r.from[0]?.slug === '1.2');
    expect(renumbered?.to[0]?.slug).toBe('1.3');
    expect(renumbered?.changes).toBeUndefined();
    expect(data.rows.find((r) => r.kind === 'inserted')).toMatchObject({ from: [], to: [{ slug: '1.2' }] });
    expect(data.rows.find((r) => r.kind === 'deleted')).toMatchObject({ from: [{ slug: '1.3' }], to: [] });
  });

  it('passes through kinds the diff engine adds later, which the schema already names', () => {
    const split = [{ ...rows[1], kind: 'split' } as unknown as AlignedRow];
    const result = apiCompare(td, v1, v2, split, SITE_URL);
    expect(result.rows[0]?.kind).toBe('split');
    expectValid('compare', { ...result, counts: { split: 1 } });
  });

  it('reports word changes over plain text', () => {
    expect(wordChanges('a b c', 'a c')).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'removed', text: 'b ' },
      { op: 'equal', text: 'c' },
    ]);
    expect(wordChanges('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });
});
