import { readFile } from 'node:fs/promises';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import type { Clause } from '#model/clause.ts';
import { ImportError } from '#import/import-error.ts';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { measureFidelity } from '#import/measure-fidelity.ts';
import { xlsxToMdast } from '#import/xlsx/xlsx-to-mdast.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { columnLetter } from '#import/xlsx/cell-reference.ts';
import { workbookPackage, type WorkbookCell } from '../helpers/workbook-package.ts';
import { p, wordPackage } from '../helpers/word-package.ts';

const FILE = 'content/documents/dmves/v2.0.md';

async function dmvesTable(): Promise<{ clauses: Clause[]; header: string[]; rows: string[][] }> {
  const text = await readFile(FILE, 'utf8');
  const clauses = parseClauses(readFrontMatter(FILE, text).body, { file: FILE }).clauses.filter((c) => c.kind === 'table' || c.kind === 'row');
  const cells = (c: Clause) => c.content.flatMap((n) => (n.type === 'element' ? [toText(n)] : []));
  return { clauses, header: cells(clauses[0] as Clause), rows: clauses.slice(1).map(cells) };
}

/**
 * The DMVES as an administrator's workbook: a title merged across the top, then a two-row
 * header in which most headings are merged down both rows and "Equivalent Steps" sits over
 * "variation", an empty row under the header and one in the middle of the data, and a notes
 * sheet before the matrix.
 */
async function dmvesWorkbook(): Promise<Uint8Array> {
  const { header, rows } = await dmvesTable();
  const split = (h: string, top: boolean) => (h === 'Equivalent Steps variation' ? (top ? 'Equivalent Steps' : 'variation') : top ? h : null);
  const matrix: WorkbookCell[][] = [['Device Model Variations to Equivalent Steps Matrix'], header.map((h) => split(h, true)), header.map((h) => split(h, false)), []];
  rows.forEach((row, i) => {
    matrix.push(row);
    if (i === 4) matrix.push([null, '  ', null]);
  });
  const merges = [
    `A1:${columnLetter(header.length)}1`,
    ...header.flatMap((h, i) => (h === 'Equivalent Steps variation' ? [] : [`${columnLetter(i + 1)}2:${columnLetter(i + 1)}3`])),
  ];
  return workbookPackage({
    core: { title: 'Device Model Variations to Equivalent Steps Matrix v2.0' },
    sheets: [
      { name: 'Notes', rows: [['Read the matrix on the next sheet.']] },
      { name: 'Matrix', rows: matrix, merges },
    ],
  });
}

describe('xlsxToMdast', () => {
  it('round-trips the DMVES: merged header flattened, title and empty rows dropped, every row exact', async () => {
    const { clauses, rows } = await dmvesTable();
    const converted = await xlsxToMdast(await dmvesWorkbook(), { sheet: 'Matrix' });
    const markdown = mdastToMarkdown(converted.tree);
    const imported = parseClauses(markdown, { file: 'imported.md' });
    expect(imported.problems).toEqual([]);
    const fidelity = measureFidelity(clauses, imported.clauses);
    console.log(`Excel (.xlsx) round trip of ${FILE}: table and rows ${fidelity.textsExact}/${fidelity.clauses} exact`);
    expect(fidelity.misses).toEqual([]);
    expect(fidelity.clauses).toBe(rows.length + 1);
    expect(markdown.split('\n')[0]).toBe('| Device Model | Manufacturer | Fuel | Cohort | Equivalent Steps variation | S1SR clauses |');
    expect(converted.notes.map((n) => n.message)).toEqual([
      'title row "Device Model Variations to Equivalent Steps Matrix" left out: a document\'s title belongs in its index.md',
      'merged header cells: rows 2–3 flattened into one header row',
      '2 empty rows dropped',
    ]);
    expect(converted.metadata.title).toBe('Device Model Variations to Equivalent Steps Matrix v2.0');
  });

  it('imports the first sheet by default and says there are others', async () => {
    const converted = await xlsxToMdast(await dmvesWorkbook());
    expect(mdastToMarkdown(converted.tree)).toBe('| Read the matrix on the next sheet. |\n| - |\n');
    expect(converted.notes[0]?.message).toMatch(/the workbook has 2 sheets \("Notes", "Matrix"\); the first was imported/);
  });

  it('moves the named key column first and notes repeated keys with their row', async () => {
    const converted = await xlsxToMdast(await dmvesWorkbook(), { sheet: '2', keyColumn: 'Manufacturer' });
    const markdown = mdastToMarkdown(converted.tree);
    expect(markdown.split('\n')[0]).toBe('| Manufacturer | Device Model | Fuel | Cohort | Equivalent Steps variation | S1SR clauses |');
    expect(converted.notes).toContainEqual({ where: 'sheet "Matrix" row 6', message: 'key "Aclara" repeats row 5: keys must be unique' });
  });

  it('refuses an unknown sheet or key column, naming the ones there are', async () => {
    const bytes = await dmvesWorkbook();
    await expect(xlsxToMdast(bytes, { sheet: 'Matrx' })).rejects.toThrow(/no sheet "Matrx": its sheets are "Notes", "Matrix"/);
    await expect(xlsxToMdast(bytes, { sheet: 'Matrix', keyColumn: 'Model' })).rejects.toThrow(ImportError);
  });
});

describe('xlsxToMdast: cell values', () => {
  it('reads shared, inline and rich strings, numbers, dates, booleans and formula results as Excel shows them', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd&quot;/&quot;mm&quot;/&quot;yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>';
    const bytes = workbookPackage({
      styles,
      sheets: [
        {
          name: 'Values',
          rows: [
            ['Kind', 'Value'],
            ['inline', { attributes: 't="inlineStr"', xml: '<is><t>Typed  in\nthe cell</t></is>' }],
            ['rich', { attributes: 't="inlineStr"', xml: '<is><r><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>guide</t></rPh></is>' }],
            ['number', 2.5],
            ['date', { attributes: 's="1"', xml: '<v>44036</v>' }],
            ['custom date', { attributes: 's="2"', xml: '<v>44038.75</v>' }],
            ['boolean', { attributes: 't="b"', xml: '<v>1</v>' }],
            ['formula', { attributes: 't="str"', xml: '<f>A1&amp;"!"</f><v>Kind!</v>' }],
          ],
        },
      ],
    });
    const markdown = mdastToMarkdown((await xlsxToMdast(bytes)).tree);
    expect(markdown.split('\n').slice(2, -1)).toEqual([
      '| inline | Typed in the cell |',
      '| rich | Bold and plain |',
      '| number | 2.5 |',
      '| date | 2020-07-24 |',
      '| custom date | 2020-07-26 |',
      '| boolean | TRUE |',
      '| formula | Kind! |',
    ]);
  });

  it('refuses a package that is not a workbook, and a workbook without sheets', async () => {
    await expect(xlsxToMdast(wordPackage({ body: p('1.1 A clause.') }))).rejects.toThrow(/not an Excel workbook \(it has no xl\/workbook.xml\)/);
    await expect(xlsxToMdast(workbookPackage({ sheets: [] }))).rejects.toThrow(/the workbook has no sheets/);
  });
});
