import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import type { Clause } from '#model/clause.ts';
import { ImportError } from '#import/import-error.ts';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { measureFidelity } from '#import/measure-fidelity.ts';
import { xlsxToMdast } from '#import/xlsx/xlsx-to-mdast.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';

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
  const workbook = new ExcelJS.Workbook();
  workbook.title = 'Device Model Variations to Equivalent Steps Matrix v2.0';
  workbook.addWorksheet('Notes').addRow(['Read the matrix on the next sheet.']);
  const sheet = workbook.addWorksheet('Matrix');
  sheet.addRow(['Device Model Variations to Equivalent Steps Matrix']);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow(header.map((h) => (h === 'Equivalent Steps variation' ? 'Equivalent Steps' : h)));
  sheet.addRow(header.map((h) => (h === 'Equivalent Steps variation' ? 'variation' : null)));
  header.forEach((h, i) => {
    if (h !== 'Equivalent Steps variation') sheet.mergeCells(2, i + 1, 3, i + 1);
  });
  sheet.addRow([]);
  rows.forEach((row, i) => {
    sheet.addRow(row);
    if (i === 4) sheet.addRow([null, '  ', null]);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
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
