import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { Clause } from '#model/clause.ts';
import { definedTerms, termFinder } from '#parse/defined-terms.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { type ReferableDocument, type ReferableVersion, resolveReference } from '#parse/resolve-reference.ts';
import { findTextReferences } from '#parse/find-references.ts';
import { linkClauses } from '#render/link-clauses.ts';
import { renderGlossary } from '#render/render-glossary.ts';

const clauses = (markdown: string) => parseClauses(markdown, { file: 't.md' }).clauses;

function version(markdown: string, fields: Partial<ReferableVersion> = {}): ReferableVersion {
  return { version: '2.0', status: 'designated', effective: '2020-07-26', clauses: clauses(markdown), ...fields };
}

function document(id: string, secReference: string, versions: ReferableVersion[], fields: Partial<ReferableDocument> = {}): ReferableDocument {
  return { id, title: `The ${id} document`, shortName: id.toUpperCase(), secReference, versions, ...fields };
}

const TEXT = [
  '## 1 Definitions',
  '1.1 In this document:',
  '(a) "Migration" means moving a meter;',
  '(b) “Migration Window” means a period for Migration; and',
  '(c) "Active Meter" means a meter in use.',
  '## 2 Migration Window rules',
  '2.1 Each Migration Window is published under Clause 2.3, and a Migration Window closes at noon.',
  '2.2 For 14 days after a Migration (the "Cutover Period"), the Active Meters keep their settings.',
  '2.3 The Cutover Period ends as clauses 2.1 to 2.2 say, and as paragraph 1.1(b) and Clause 9.9 do not.',
].join('\n\n');

const text = (clause: Clause | undefined) => toHtml((clause?.content ?? []) as never);

describe('definedTerms', () => {
  it('reads definitions in prose, with straight or curly quotes, and a bracketed one after the words it names', () => {
    expect(definedTerms(clauses(TEXT)).map((t) => [t.term, t.clause.number])).toEqual([
      ['Migration', '1.1(a)'],
      ['Migration Window', '1.1(b)'],
      ['Active Meter', '1.1(c)'],
      ['Cutover Period', '2.2'],
    ]);
  });

  it('reads each row of a definitions table, its first cell being the term', () => {
    const table = clauses('| Term | Meaning |\n| --- | --- |\n| Device Model | a make and type of meter |\n| “Supplier” | a licensed supplier |');
    expect(definedTerms(table).map((t) => [t.term, t.clause.kind])).toEqual([
      ['Device Model', 'row'],
      ['Supplier', 'row'],
    ]);
    // A table whose header is not about terms defines nothing.
    expect(definedTerms(clauses('| Model | Fuel |\n| --- | --- |\n| A | Gas |'))).toEqual([]);
  });

  it('keeps the first of two definitions of a term, and reads none from a heading', () => {
    const found = definedTerms(clauses('## 1 "Scope" means nothing here\n\n1.1 "Term" means one thing.\n\n1.2 "Term" means another.'));
    expect(found.map((t) => [t.term, t.clause.number])).toEqual([['Term', '1.1']]);
  });
});

describe('termFinder', () => {
  const find = termFinder(['Migration', 'Migration Window', 'Active Meter']);

  it('finds the longest term first, whole words only, exact capitals, plurals as the term', () => {
    const uses = (text: string) => find(text).map((u) => [text.slice(u.start, u.end), u.term]);
    expect(uses('each Migration Window of a Migration')).toEqual([
      ['Migration Window', 'Migration Window'],
      ['Migration', 'Migration'],
    ]);
    expect(uses('Migrations of Active Meters, not migration or Migrationally or Pre-Migration')).toEqual([
      ['Migrations', 'Migration'],
      ['Active Meters', 'Active Meter'],
    ]);
  });
});

describe('resolveReference', () => {
  const s1sr = document('s1sr', 'Appendix AM', [
    version('3.1 A clause of the other document.', { version: '3.0', effective: '2020-05-06' }),
    version('3.1 Later.', { version: '4.0', effective: '2020-08-01' }),
  ]);
  const matrix = document('dmves', 'Annex A to Appendix AM', [version('Rows.', { version: '1.0', effective: '2020-05-06' })], { parent: 's1sr' });
  const here = version('## 8 Scope\n\n8.6 A clause.\n\n8.7 See Clause 8.6.');
  const tmad = document('tmad', 'Appendix AL', [here]);
  const scope = { document: tmad, version: here, documents: [tmad, s1sr, matrix] };
  const resolve = (text: string, forScope = scope) =>
    findTextReferences(text).flatMap((reference) =>
      reference.targets.map((target) => {
        const r = resolveReference(reference, target, forScope);
        return r.kind === 'clause' ? `${r.document} v${r.version} #${r.clause.slug}` : r.kind === 'document' ? `${r.document.id} v${r.version}` : r.kind;
      }),
    );

  it('leads to a clause or section of the same version', () => {
    expect(resolve('Clause 8.6 and Section 8')).toEqual(['tmad v2.0 #8.6', 'tmad v2.0 #8']);
  });

  it("leads to another document's version in effect on this version's date", () => {
    expect(resolve('Appendix AM, and Clause 3.1 of Appendix AM')).toEqual(['s1sr v3.0', 's1sr v3.0 #3.1', 's1sr v3.0']);
    expect(resolve('Annex A to Appendix AM')).toEqual(['dmves v1.0', 's1sr v3.0']);
  });

  it('tells a reference to the document itself or to the Code from one that leads nowhere', () => {
    expect(resolve('Appendix AL, Section A of the Code, Appendix AB, Clause 9.9, Annex B')).toEqual(['self', 'external', 'external', 'unresolved', 'unresolved']);
  });
});

describe('linkClauses', () => {
  const here = version(TEXT);
  const doc = document('td', 'Appendix ZZ', [here]);
  const linked = linkClauses({ document: doc, version: here, documents: [doc] });
  const clause = (n: string) => linked.clauses.find((c) => c.number === n);

  it('links a reference to its target, with a preview of its number and first words described to assistive technology', () => {
    expect(text(clause('2.1'))).toContain(
      '<span class="preview-anchor"><a class="xref" href="#2.3" aria-describedby="pv-2.1-2">Clause 2.3</a><span class="preview" id="pv-2.1-2" data-pagefind-ignore=""><strong>2.3</strong> The Cutover Period ends as clauses 2.1 to 2.2 say,',
    );
  });

  it('links each end of a range, the word with the first; a reference that leads nowhere stays text', () => {
    const html = text(clause('2.3'));
    expect(html).toContain('<a class="xref" href="#2.1" aria-describedby="pv-2.3-2">clauses 2.1</a>');
    expect(html).toContain('to <span class="preview-anchor"><a class="xref" href="#2.2"');
    expect(html).toContain('<a class="xref" href="#1.1-b" aria-describedby="pv-2.3-4">paragraph 1.1(b)</a>');
    expect(html).toContain('and Clause 9.9 do not.');
  });

  it('links the first use of each term in a clause to its definition, the longest term first', () => {
    const html = text(clause('2.1'));
    expect(html).toContain('Each <span class="preview-anchor"><a class="term" href="#1.1-b" aria-describedby="pv-2.1-1">Migration Window</a>');
    expect(html.match(/class="term"/g)).toHaveLength(1);
    expect(html).toContain('and a Migration Window closes at noon.');
    expect(text(clause('2.3'))).toContain('The <span class="preview-anchor"><a class="term" href="#2.2" aria-describedby="pv-2.3-1">Cutover Period</a>');
  });

  it('shows, for a term defined late in a clause, the sentence that defines it', () => {
    expect(text(clause('2.3'))).toContain('<strong>“Cutover Period”, 2.2</strong> For 14 days after a Migration (the "Cutover Period"),');
  });

  it('links nothing in headings, nor a term in its own definition', () => {
    expect(linked.clauses.find((c) => c.number === '2')?.content).toEqual(here.clauses.find((c) => c.number === '2')?.content);
    const own = text(clause('1.1(b)'));
    expect(own).toContain('“Migration Window” means a period for <span class="preview-anchor"><a class="term" href="#1.1-a"');
    expect(own).not.toContain('href="#1.1-b"');
    expect(text(clause('2.2'))).toContain('(the "Cutover Period")');
    expect(text(clause('2.2'))).not.toContain('href="#2.2"');
  });

  it('counts what it linked', () => {
    expect([linked.references, linked.terms.length, linked.definitions]).toEqual([4, 4, 5]);
  });

  it('leaves text already in a link alone', () => {
    const v = version('1.1 "Thing" means a thing.\n\n1.2 See [Clause 1.1 and the Thing](#1.1).');
    const d = document('td', 'Appendix ZZ', [v]);
    expect(text(linkClauses({ document: d, version: v, documents: [d] }).clauses[1])).toBe('<p>See <a href="#1.1">Clause 1.1 and the Thing</a>.</p>');
  });
});

describe('renderGlossary', () => {
  it('lists the terms alphabetically, each linked to its definition, marking those whose definition changed', () => {
    const terms = definedTerms(clauses(TEXT));
    const changes = new Map([['Migration Window', { kind: 'changed' as const, since: {} as never, href: '/td/compare/v1.0...v2.0/#c-1.1-b' }]]);
    const html = toHtml(renderGlossary(terms, changes, '2.0', 'glossary') as never);
    expect(html.match(/<li>.*?<\/li>/g)).toEqual([
      '<li><a href="#1.1-c">Active Meter</a> (1.1(c))</li>',
      '<li><a href="#2.2">Cutover Period</a> (2.2)</li>',
      '<li><a href="#1.1-a">Migration</a> (1.1(a))</li>',
      '<li><a href="#1.1-b">Migration Window</a> (1.1(b)) <a class="glossary-change" href="/td/compare/v1.0...v2.0/#c-1.1-b">definition changed in v2.0</a></li>',
    ]);
    expect(renderGlossary([], changes, '2.0', 'glossary')).toBeUndefined();
  });
});
