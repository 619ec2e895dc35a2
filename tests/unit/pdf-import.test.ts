import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '#import/import-error.ts';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { findChangeMarks } from '#import/pdf/pdf-change-marks.ts';
import type { PdfPage } from '#import/pdf/pdf-page.ts';
import { pdfToMdast } from '#import/pdf/pdf-to-mdast.ts';
import { readPdfPages } from '#import/pdf/read-pdf-pages.ts';
import { simplePdf, type PdfRect, type PdfText } from '../helpers/simple-pdf.ts';

const running = (page: number, of: number): PdfText[] => [
  { x: 280, y: 812, text: 'OFFICIAL', size: 8 },
  { x: 270, y: 30, text: `Page ${page} of ${of}`, size: 8 },
];
const clause = (label: string, y: number, lines: string[], labelX = 72, bodyX = 110): PdfText[] => [
  { x: labelX, y, text: label, bold: true },
  ...lines.map((text, i) => ({ x: bodyX, y: y - 14 * i, text })),
];
const rule = (y: number, from: number, to: number): PdfRect => ({ x: from, y, width: to - from, height: 0.8 });

/** Two pages as a word processor prints them: running head and foot, title, contents, numbered headings and clauses, a ruled table. */
const document = () =>
  simplePdf(
    [
      {
        texts: [
          ...running(1, 2),
          { x: 72, y: 760, text: 'Example Approach Document', size: 20, bold: true },
          { x: 72, y: 720, text: 'Contents', size: 14, bold: true },
          { x: 72, y: 700, text: '1 Introduction ........................ 1' },
          { x: 72, y: 686, text: '2 Process ............................. 2' },
          { x: 72, y: 650, text: '1 Introduction', size: 14, bold: true },
          ...clause('1.1', 625, ['This document sets out how the DCC migrates instal-', 'lations and how Supplier Parties co-', 'operate with it.']),
          ...clause('1.2', 575, ['The DCC shall:']),
          ...clause('(a)', 561, ['count installations; and'], 90, 120),
          ...clause('(b)', 547, ['report them.'], 90, 120),
          ...clause('1.3', 525, ['Where a clause runs over a page']),
        ],
      },
      {
        texts: [
          ...running(2, 2),
          { x: 110, y: 780, text: 'break, it continues.' },
          { x: 72, y: 740, text: '2 Process', size: 14, bold: true },
          ...clause('2.1', 710, ['The table lists models.']),
          { x: 80, y: 680, text: 'Model', bold: true },
          { x: 258, y: 680, text: 'Cohort', bold: true },
          { x: 80, y: 656, text: 'Model A' },
          { x: 258, y: 656, text: 'FOC' },
          { x: 80, y: 632, text: 'Model B' },
          { x: 258, y: 632, text: 'MOC' },
          ...clause('2.2', 590, ['After the table.']),
        ],
        rects: [672, 648, 624].flatMap((y) => [rule(y, 72, 250), rule(y, 250, 450)]),
      },
    ],
    { title: 'Example Approach Document, version 2.0' },
  );

describe('pdfToMdast', () => {
  it('rebuilds headings, clauses, sub-paragraphs and a ruled table, dropping running heads, contents and title', async () => {
    const { tree, notes, metadata } = await pdfToMdast(document());
    expect(mdastToMarkdown(tree)).toBe(
      [
        '## 1 Introduction',
        '1.1 This document sets out how the DCC migrates installations and how Supplier Parties co-operate with it.',
        '1.2 The DCC shall:',
        '(a) count installations; and',
        '(b) report them.',
        '1.3 Where a clause runs over a page break, it continues.',
        '## 2 Process',
        '2.1 The table lists models.',
        '| Model | Cohort |\n| - | - |\n| Model A | FOC |\n| Model B | MOC |',
        '2.2 After the table.\n',
      ].join('\n\n'),
    );
    expect(metadata.title).toBe('Example Approach Document, version 2.0');
    expect(notes).toEqual([
      { where: 'page margins', message: '4 running header and footer lines removed ("OFFICIAL", "Page N of N")' },
      { where: 'page 2', message: 'table of 3 rows and 2 columns: check its cells' },
      { where: 'page 1', message: 'table of contents removed (3 lines, up to the first heading it lists)' },
      { where: 'page 1', message: 'the title "Example Approach Document" was left out: a document\'s title belongs in its index.md' },
      { where: 'page 1', message: '"co-operate" is hyphenated at a line end and appears nowhere else: the hyphen was kept' },
    ]);
  });

  it('reads bold fonts, thin rules with their colour, and the information dictionary', async () => {
    const { pages } = await readPdfPages(
      simplePdf([
        {
          texts: [
            { x: 72, y: 700, text: 'Bold', bold: true },
            { x: 72, y: 680, text: 'Plain' },
          ],
          rects: [{ ...rule(690, 72, 300), color: [1, 0, 0] }],
        },
      ]),
    );
    expect(pages[0]?.items.map((i) => [i.text, i.bold, i.size])).toEqual([
      ['Bold', true, 12],
      ['Plain', false, 12],
    ]);
    expect(pages[0]?.rules).toEqual([{ x0: 72, y0: 690, x1: 300, y1: expect.closeTo(690.8, 3), color: [1, 0, 0] }]);
  });

  it('refuses a red-line: struck-through text', async () => {
    const bytes = simplePdf([{ texts: [{ x: 72, y: 700, text: 'Kept words and deleted words' }], rects: [{ x: 180, y: 703.5, width: 80, height: 1 }] }]);
    await expect(pdfToMdast(bytes)).rejects.toThrow(/change marks \(1 struck-through text run on page 1; first: "Kept words and deleted words" on page 1\).*red-line/);
  });

  it('refuses coloured underlined (inserted) text, but not black underlines or coloured headings', async () => {
    const inserted = simplePdf([
      { texts: [{ x: 72, y: 700, text: 'inserted words', color: [0, 0, 0.8] }], rects: [{ x: 72, y: 697.5, width: 78, height: 1, color: [0, 0, 0.8] }] },
    ]);
    await expect(pdfToMdast(inserted)).rejects.toThrow(/1 coloured underlined run on page 1/);
    const plain = simplePdf([
      {
        texts: [
          { x: 72, y: 740, text: 'A blue heading', size: 16, color: [0, 0.2, 0.7] },
          { x: 72, y: 700, text: 'underlined words' },
        ],
        rects: [{ x: 72, y: 697.5, width: 90, height: 1 }],
      },
    ]);
    expect(mdastToMarkdown((await pdfToMdast(plain)).tree)).toBe('## A blue heading\n\nunderlined words\n');
  });

  it('refuses an encrypted PDF that needs a password, which does open with it', async () => {
    const bytes = simplePdf([{ texts: [{ x: 72, y: 700, text: '1.1 Secret text.' }] }], { password: 'secret' });
    await expect(pdfToMdast(bytes)).rejects.toThrow(ImportError);
    await expect(pdfToMdast(bytes)).rejects.toThrow(/encrypted and needs a password/);
    const loading = getDocument({ data: bytes.slice(), password: 'secret', verbosity: 0 });
    const opened = await loading.promise;
    const page = await opened.getPage(1);
    expect((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : ''))).toContain('1.1 Secret text.');
    await loading.destroy();
  });

  it('refuses a PDF without text (a scan) and a damaged one', async () => {
    await expect(pdfToMdast(simplePdf([{ texts: [], rects: [rule(400, 72, 500)] }]))).rejects.toThrow(/no text to import \(1 page without a text layer\)/);
    const damaged = document().slice(0, 300);
    await expect(pdfToMdast(damaged)).rejects.toThrow(ImportError);
  });
});

describe('findChangeMarks', () => {
  const page = (rules: PdfPage['rules'], links: PdfPage['links'] = []): PdfPage => ({
    number: 3,
    width: 595,
    height: 842,
    items: [{ text: 'the words', x: 100, y: 500, width: 60, size: 12, bold: false, italic: false }],
    rules,
    links,
  });
  it('tells a strike-through from an underline by its height over the baseline', () => {
    expect(findChangeMarks([page([{ x0: 100, y0: 503, x1: 160, y1: 504, color: [0, 0, 0] }])])).toEqual([{ page: 3, kind: 'struck', text: 'the words' }]);
    expect(findChangeMarks([page([{ x0: 100, y0: 498, x1: 160, y1: 499, color: [0, 0, 0] }])])).toEqual([]);
  });
  it('ignores coloured underlines of links and rules much wider than the text (table borders)', () => {
    const blue: [number, number, number] = [0.1, 0.2, 0.9];
    expect(findChangeMarks([page([{ x0: 100, y0: 498, x1: 160, y1: 499, color: blue }])])).toHaveLength(1);
    expect(findChangeMarks([page([{ x0: 100, y0: 498, x1: 160, y1: 499, color: blue }], [{ x0: 95, y0: 495, x1: 165, y1: 512 }])])).toEqual([]);
    expect(findChangeMarks([page([{ x0: 40, y0: 503, x1: 560, y1: 504, color: [0, 0, 0] }])])).toEqual([]);
  });
});
