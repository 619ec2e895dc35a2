import { describe, expect, it } from 'vitest';
import { docxToMdast } from '#import/docx/docx-to-mdast.ts';
import { ImportError } from '#import/import-error.ts';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { lvl, p, wordPackage, type WordParts } from '../helpers/word-package.ts';

const HEADING_STYLES =
  '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>';

const LEGAL_LIST =
  `<w:abstractNum w:abstractNumId="0">${lvl(0, '%1')}${lvl(1, '%1.%2')}${lvl(2, '(%3)', 'lowerLetter')}${lvl(3, '(%4)', 'lowerRoman')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

function convert(parts: WordParts) {
  const result = docxToMdast(wordPackage(parts));
  return { ...result, markdown: mdastToMarkdown(result.tree) };
}

describe('docxToMdast: numbering', () => {
  it('writes the numbers Word computes, as the parser reads them', () => {
    const { markdown } = convert({
      styles: HEADING_STYLES,
      numbering: LEGAL_LIST,
      body: [
        p('Introduction', { style: 'Heading1', num: ['1', 0] }),
        p('The first clause.', { num: ['1', 1] }),
        p('The DCC shall:', { num: ['1', 1] }),
        p('do one thing; and', { num: ['1', 2] }),
        p('another, where:', { num: ['1', 2] }),
        p('this; or', { num: ['1', 3] }),
        p('that.', { num: ['1', 3] }),
        p('Migration', { style: 'Heading1', num: ['1', 0] }),
        p('A clause of section 2.', { num: ['1', 1] }),
      ].join(''),
    });
    expect(markdown).toBe(
      [
        '## 1 Introduction',
        '1.1 The first clause.',
        '1.2 The DCC shall:',
        '(a) do one thing; and',
        '(b) another, where:',
        '(i) this; or',
        '(ii) that.',
        '## 2 Migration',
        '2.1 A clause of section 2.',
        '',
      ]
        .join('\n\n')
        .replace(/\n\n$/, '\n'),
    );
    const numbers = parseClauses(markdown, { file: 'x.md' }).clauses.map((c) => c.number);
    expect(numbers).toEqual(['1', '1.1', '1.2', '1.2(a)', '1.2(b)', '1.2(b)(i)', '1.2(b)(ii)', '2', '2.1']);
  });

  it('numbers paragraphs through their style: numPr on the style, level bound by w:pStyle', () => {
    const styles =
      HEADING_STYLES.replace('<w:outlineLvl w:val="0"/>', '<w:outlineLvl w:val="0"/><w:numPr><w:numId w:val="1"/></w:numPr>') +
      '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, '%1', 'decimal', '<w:pStyle w:val="Heading1"/>')}${lvl(1, '%1.%2', 'decimal', '<w:pStyle w:val="Clause"/>')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const { markdown } = convert({
      styles,
      numbering,
      body: [p('Scope', { style: 'Heading1' }), p('First.', { style: 'Clause' }), p('Second.', { style: 'Clause' }), p('Plain text, not numbered.')].join(''),
    });
    expect(markdown).toBe('## 1 Scope\n\n1.1 First.\n\n1.2 Second.\n\nPlain text, not numbered.\n');
  });

  it('follows a definition that links to a numbering style (w:numStyleLink)', () => {
    const styles = '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
    const numbering =
      `<w:abstractNum w:abstractNumId="3"><w:styleLink w:val="LegalList"/>${lvl(0, '%1')}${lvl(1, '%1.%2')}</w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="LegalList"/></w:abstractNum>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>';
    const { markdown } = convert({ styles, numbering, body: [p('One.', { num: ['6', 1] }), p('Two.', { num: ['6', 1] })].join('') });
    expect(markdown).toBe('1.1 One.\n\n1.2 Two.\n');
  });

  it('restarts a list at a start override (Section 18 after Section 7)', () => {
    const numbering = `${LEGAL_LIST}<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="18"/></w:lvlOverride></w:num>`;
    const { markdown } = convert({
      styles: HEADING_STYLES,
      numbering,
      body: [p('Seven', { style: 'Heading1', num: ['1', 0] }), p('Eighteen', { style: 'Heading1', num: ['2', 0] }), p('Clause.', { num: ['2', 1] })].join(''),
    });
    expect(markdown).toBe('## 1 Seven\n\n## 18 Eighteen\n\n18.1 Clause.\n');
  });

  it('keeps typed numbers as text and skips the number of an empty numbered paragraph, with a note', () => {
    const { markdown, notes } = convert({
      numbering: LEGAL_LIST,
      body: [p('First.', { num: ['1', 1] }), p('4.12A Inserted later, typed.'), p('', { num: ['1', 1] }), p('Third.', { num: ['1', 1] })].join(''),
    });
    expect(markdown).toBe('1.1 First.\n\n4.12A Inserted later, typed.\n\n1.3 Third.\n');
    expect(notes).toContainEqual({ where: 'paragraph 3', message: 'empty numbered paragraph: its number 1.2 was skipped' });
  });

  it('notes a Word number that is not a clause form, and keeps it as text a paragraph', () => {
    const numbering = `<w:abstractNum w:abstractNumId="9">${lvl(0, 'Art %1)')}</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>`;
    const { markdown, notes } = convert({ numbering, body: p('Listed.', { num: ['9', 0] }) });
    expect(markdown).toBe('Art 1) Listed.\n');
    expect(notes.map((n) => n.message)).toContain('Word number "Art 1)" is not a clause number form (2.3, (a)): kept as text');
  });

  it('writes "1.", "2." list numbering as an ordered list, which the parser numbers in its section', () => {
    const numbering = `<w:abstractNum w:abstractNumId="9">${lvl(0, '%1.')}</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>`;
    const body = [p('One.', { num: ['9', 0] }), p('Two.', { num: ['9', 0] })].join('');
    const { markdown, notes } = convert({ numbering, body });
    expect(markdown).toBe('1. One.\n2. Two.\n');
    expect(notes).toEqual([]);
  });
});

describe('docxToMdast: text', () => {
  it('keeps bold, italic, strike-through and external links, with spaces outside the emphasis', () => {
    const runs =
      '<w:r><w:t xml:space="preserve">The </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">DCC </w:t></w:r>' +
      '<w:r><w:rPr><w:i/></w:rPr><w:t>shall</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:strike/></w:rPr><w:t>not</w:t></w:r>' +
      '<w:r><w:t xml:space="preserve"> see </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>the site</w:t></w:r></w:hyperlink>' +
      '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>.</w:t></w:r>';
    const { markdown } = convert({
      relationships:
        '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/sec" TargetMode="External"/>',
      body: p('', { xml: runs }),
    });
    expect(markdown).toBe('The **DCC** *shall* ~~not~~ see [the site](https://example.org/sec).\n');
  });

  it('drops hidden text, the title paragraph and the table of contents, with notes', () => {
    const toc =
      '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>' +
      p('1 Introduction 3', { style: 'TOC1' }) +
      '</w:sdtContent></w:sdt>';
    const { markdown, notes } = convert({
      styles: HEADING_STYLES,
      body: p('SMETS1 Supporting Requirements', { style: 'Title' }) + toc + p('', { xml: '<w:r><w:t>Seen</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>' }),
    });
    expect(markdown).toBe('Seen\n');
    expect(notes.map((n) => n.where)).toEqual(['table of contents', 'title']);
  });

  it('skips the entries of a TOC field that is not in a content control', () => {
    const field =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1 Introduction</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>2 Scope</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const { markdown } = convert({ body: field + p('Body text.') });
    expect(markdown).toBe('Body text.\n');
  });

  it('writes footnotes as [n] markers with their text under a closing Footnotes heading', () => {
    const footnotes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> As amended in 2020.</w:t></w:r></w:p></w:footnote>';
    const { markdown, notes } = convert({
      footnotes,
      body: p('', { xml: '<w:r><w:t>The Code</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> applies.</w:t></w:r>' }),
    });
    expect(markdown).toBe('The Code\\[1] applies.\n\n## Footnotes\n\n\\[1] As amended in 2020.\n');
    expect(notes.at(-1)?.where).toBe('footnotes');
  });

  it('imports a long paragraph in a heading style as a clause, with a note', () => {
    const long = 'The DCC shall publish a report every month that sets out the number of installations migrated in that month and the errors found';
    const { markdown, notes } = convert({ styles: HEADING_STYLES, numbering: LEGAL_LIST, body: p(long, { style: 'Heading1', num: ['1', 0] }) });
    expect(markdown).toBe(`1 ${long}\n`);
    expect(notes[0]?.message).toMatch(/heading style "heading 1" but 23 words long/);
  });

  it('turns bullets into a list', () => {
    const numbering = `<w:abstractNum w:abstractNumId="8">${lvl(0, '•', 'bullet')}</w:abstractNum><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num>`;
    const { markdown } = convert({ numbering, body: p('Intro:') + p('one', { num: ['8', 0] }) + p('two', { num: ['8', 0] }) });
    expect(markdown).toBe('Intro:\n\n- one\n- two\n');
  });

  it('reads the title and version from the core properties', () => {
    const { metadata } = convert({ body: p('Text.'), core: { title: 'TMAD', version: '6.0', modified: '2020-07-24T10:00:00Z' } });
    expect(metadata).toEqual({ title: 'TMAD', version: '6.0', modified: '2020-07-24' });
  });
});

describe('docxToMdast: tables', () => {
  const cell = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
  it('writes a table with the first row as header, flattening merged cells', () => {
    const table =
      '<w:tbl>' +
      `<w:tr>${cell('Device Model')}${cell('Details', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('Model A', '<w:vMerge w:val="restart"/>')}${cell('Aclara')}${cell('18.4')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('Aclara | hub')}${cell('18.3')}</w:tr>` +
      '</w:tbl>';
    const { markdown, notes } = convert({ body: table });
    expect(markdown).toBe('| Device Model | Details | |\n| - | - | - |\n| Model A | Aclara | 18.4 |\n| | Aclara \\| hub | 18.3 |\n');
    expect(notes).toContainEqual({ where: 'table 1', message: 'merged cells flattened: the text is in the first cell of each merge, the others are empty' });
  });
});

describe('docxToMdast: refusals', () => {
  it('refuses a document with tracked changes, saying where the first one is', () => {
    const body =
      p('Kept.') +
      p('', {
        xml: '<w:r><w:t>Old </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>text</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>words</w:t></w:r></w:ins>',
      });
    expect(() => docxToMdast(wordPackage({ body }))).toThrow(ImportError);
    expect(() => docxToMdast(wordPackage({ body }))).toThrow(/tracked changes \(1 insertion, 1 deletion; the first at paragraph 2\)/);
  });

  it('refuses a zip that is not a Word document', () => {
    expect(() => docxToMdast(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/zip container is damaged/);
  });
});
