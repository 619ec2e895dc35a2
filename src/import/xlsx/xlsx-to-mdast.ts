import type { Table, TableCell, TableRow } from 'mdast';
import { ImportError } from '../import-error.ts';
import type { ConvertedDocument, ImportNote } from '../import-result.ts';
import { columnIndex, columnLetter } from './cell-reference.ts';
import { readSheet, type Sheet } from './read-sheet.ts';
import { readWorkbook, type SheetEntry } from './read-workbook.ts';

/** Which sheet to import and which column keys its rows. */
export interface XlsxOptions {
  /** Sheet name, or 1-based position; default the first sheet. */
  sheet?: string;
  /** Header text, column letter (`B`) or 1-based position of the column that keys each row; default the first. */
  keyColumn?: string;
}

/** A row of the table's body: its row number in the sheet, and the text of every column. */
interface BodyRow {
  row: number;
  cells: string[];
}

/**
 * Converts one sheet of a workbook (the DMVES matrix) to a Markdown table: header rows under a
 * merged heading cell are flattened into one header ("Device" over "Model" becomes
 * "Device Model"), empty rows and columns are dropped, merged body cells repeat their value,
 * and the key column comes first, since the site keys each row by its first cell.
 */
export async function xlsxToMdast(bytes: Uint8Array, options: XlsxOptions = {}): Promise<ConvertedDocument> {
  const workbook = readWorkbook(bytes);
  const notes: ImportNote[] = [];
  const { sheets } = workbook;
  if (sheets.length === 0) throw new ImportError('the workbook has no sheets');
  const entry = pickSheet(sheets, options.sheet);
  if (sheets.length > 1 && options.sheet === undefined) {
    notes.push({
      where: `sheet "${entry.name}"`,
      message: `the workbook has ${sheets.length} sheets (${sheets.map((s) => `"${s.name}"`).join(', ')}); the first was imported: choose another with --sheet`,
    });
  }
  const sheet = readSheet(workbook, entry);
  const first = firstTableRow(sheet, notes);
  const headerEnd = headerLastRow(sheet, first, notes);
  const header = headerTexts(sheet, first, headerEnd);
  const body = bodyRows(sheet, headerEnd, notes);
  const where = `sheet "${sheet.name}" row ${first}`;
  // Columns with neither a header nor any value are layout, not data.
  const kept = header.map((_, c) => c).filter((c) => header[c] !== '' || body.some((row) => row.cells[c] !== ''));
  for (const c of kept) if (header[c] === '') notes.push({ where, message: `column ${columnLetter(c + 1)} has no header` });

  const key = keyColumn(options.keyColumn, header, kept);
  const order = [key, ...kept.filter((c) => c !== key)];
  if (key !== kept[0]) notes.push({ where, message: `key column "${header[key]}" moved first: the site keys each row by its first cell` });
  checkKeys(sheet, body, key, header[key] ?? '', notes);

  const toRow = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: order.map((c): TableCell => ({ type: 'tableCell', children: cells[c] ? [{ type: 'text', value: cells[c] }] : [] })),
  });
  const table: Table = { type: 'table', align: order.map(() => null), children: [toRow(header), ...body.map((row) => toRow(row.cells))] };
  return { format: 'xlsx', tree: { type: 'root', children: [table] }, metadata: workbook.metadata, notes };
}

function pickSheet(sheets: readonly SheetEntry[], wanted: string | undefined): SheetEntry {
  if (wanted === undefined) return sheets[0] as SheetEntry;
  const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  const byPosition = /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
  const sheet = byName ?? byPosition;
  if (!sheet) throw new ImportError(`the workbook has no sheet "${wanted}": its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  return sheet;
}

const isEmptyRow = (sheet: Sheet, row: number) => Array.from({ length: sheet.columnCount }, (_, i) => sheet.text(row, i + 1)).every((t) => t === '');

/** Whether cell (row, column) lies in the merged range whose top-left cell is `origin`. */
function mergedInto(sheet: Sheet, row: number, column: number, origin: { row: number; column: number }): boolean {
  const found = sheet.mergeOrigin(row, column);
  return found !== undefined && found.row === origin.row && found.column === origin.column;
}

const isMergeOrigin = (sheet: Sheet, row: number, column: number) => mergedInto(sheet, row, column, { row, column });

/** The first row of the table: empty rows skipped, and a title merged across the whole width above it left out. */
function firstTableRow(sheet: Sheet, notes: ImportNote[]): number {
  const { rowCount, columnCount } = sheet;
  let first = 1;
  while (first <= rowCount && isEmptyRow(sheet, first)) first++;
  if (first > rowCount) throw new ImportError(`sheet "${sheet.name}" is empty: there is nothing to import`);
  if (columnCount > 1 && first < rowCount && isMergeOrigin(sheet, first, 1) && mergedInto(sheet, first, columnCount, { row: first, column: 1 })) {
    notes.push({ where: `sheet "${sheet.name}" row ${first}`, message: `title row "${sheet.text(first, 1)}" left out: a document's title belongs in its index.md` });
    first++;
    while (first <= rowCount && isEmptyRow(sheet, first)) first++;
  }
  return first;
}

/** The last header row: a merged cell in the first row makes the header deeper, by its own height plus a row of sub-headings under a cell spanning columns. */
function headerLastRow(sheet: Sheet, first: number, notes: ImportNote[]): number {
  let headerEnd = first;
  for (let c = 1; c <= sheet.columnCount; c++) {
    if (!isMergeOrigin(sheet, first, c)) continue;
    const origin = { row: first, column: c };
    let down = first;
    while (down + 1 <= sheet.rowCount && mergedInto(sheet, down + 1, c, origin)) down++;
    const across = c + 1 <= sheet.columnCount && mergedInto(sheet, first, c + 1, origin);
    headerEnd = Math.max(headerEnd, across ? down + 1 : down);
  }
  if (headerEnd > first) notes.push({ where: `sheet "${sheet.name}" row ${first}`, message: `merged header cells: rows ${first}–${headerEnd} flattened into one header row` });
  return headerEnd;
}

/** One heading per column: the distinct texts of its header rows, top to bottom. */
function headerTexts(sheet: Sheet, first: number, headerEnd: number): string[] {
  const header: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const parts: string[] = [];
    for (let r = first; r <= headerEnd; r++) {
      const text = sheet.text(r, c);
      if (text !== '' && !parts.includes(text)) parts.push(text);
    }
    header.push(parts.join(' '));
  }
  return header;
}

/** The rows under the header, empty ones dropped; a merged body cell repeats its value in each row it covers. */
function bodyRows(sheet: Sheet, headerEnd: number, notes: ImportNote[]): BodyRow[] {
  const body: BodyRow[] = [];
  let dropped = 0;
  let repeated = 0;
  for (let r = headerEnd + 1; r <= sheet.rowCount; r++) {
    if (isEmptyRow(sheet, r)) {
      dropped++;
      continue;
    }
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const text = sheet.text(r, c);
      if (text !== '' && sheet.mergeOrigin(r, c) !== undefined && !isMergeOrigin(sheet, r, c)) repeated++;
      cells.push(text);
    }
    body.push({ row: r, cells });
  }
  const where = `sheet "${sheet.name}"`;
  if (dropped > 0) notes.push({ where, message: `${dropped} empty row${dropped === 1 ? '' : 's'} dropped` });
  if (repeated > 0) notes.push({ where, message: `${repeated} cell${repeated === 1 ? '' : 's'} of merged body cells repeat the merged value in each row` });
  return body;
}

function keyColumn(wanted: string | undefined, header: readonly string[], kept: readonly number[]): number {
  if (wanted === undefined) return kept[0] ?? 0;
  const byHeader = header.findIndex((h) => h.toLowerCase() === wanted.toLowerCase());
  if (byHeader >= 0) return byHeader;
  if (/^[A-Z]{1,3}$/.test(wanted)) return columnIndex(wanted) - 1;
  if (/^\d+$/.test(wanted)) return Number(wanted) - 1;
  throw new ImportError(`there is no column "${wanted}" to key the rows: the headers are ${kept.map((c) => `"${header[c]}"`).join(', ')}`);
}

/** Notes every empty or repeated key, since the site keys each row by it. */
function checkKeys(sheet: Sheet, body: readonly BodyRow[], key: number, heading: string, notes: ImportNote[]): void {
  const seen = new Map<string, number>();
  for (const { row, cells } of body) {
    const value = cells[key] ?? '';
    const where = `sheet "${sheet.name}" row ${row}`;
    if (value === '') notes.push({ where, message: `empty key cell in column "${heading}"` });
    else if (seen.has(value)) notes.push({ where, message: `key "${value}" repeats row ${seen.get(value)}: keys must be unique` });
    else seen.set(value, row);
  }
}
