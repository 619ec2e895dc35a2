import ExcelJS from 'exceljs';
import type { Table, TableCell, TableRow } from 'mdast';
import { ImportError } from '../import-error.ts';
import type { ConvertedDocument, ImportNote, SourceMetadata } from '../import-result.ts';

/** Which sheet to import and which column keys its rows. */
export interface XlsxOptions {
  /** Sheet name, or 1-based position; default the first sheet. */
  sheet?: string;
  /** Header text, column letter (`B`) or 1-based position of the column that keys each row; default the first. */
  keyColumn?: string;
}

/**
 * Converts one sheet of a workbook (the DMVES matrix) to a Markdown table: header rows under a
 * merged heading cell are flattened into one header ("Device" over "Model" becomes
 * "Device Model"), empty rows and columns are dropped, merged body cells repeat their value,
 * and the key column comes first, since the site keys each row by its first cell.
 */
export async function xlsxToMdast(bytes: Uint8Array, options: XlsxOptions = {}): Promise<ConvertedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ImportError(`the workbook cannot be read (${(error as Error).message}): open it in Excel and save it again as .xlsx`, { cause: error });
  }
  const notes: ImportNote[] = [];
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new ImportError('the workbook has no sheets');
  const sheet = pickSheet(sheets, options.sheet);
  if (sheets.length > 1 && options.sheet === undefined) {
    notes.push({ where: `sheet "${sheet.name}"`, message: `the workbook has ${sheets.length} sheets (${sheets.map((s) => `"${s.name}"`).join(', ')}); the first was imported: choose another with --sheet` });
  }
  const where = (row: number) => `sheet "${sheet.name}" row ${row}`;

  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  const textAt = (r: number, c: number): string => cellText(sheet.getCell(r, c).master);
  const masterOf = (r: number, c: number): string => sheet.getCell(r, c).master.address;
  const isEmptyRow = (r: number) => Array.from({ length: columnCount }, (_, i) => textAt(r, i + 1)).every((t) => t === '');

  let first = 1;
  while (first <= rowCount && isEmptyRow(first)) first++;
  if (first > rowCount) throw new ImportError(`sheet "${sheet.name}" is empty: there is nothing to import`);
  // One cell merged across the whole width above the table is its title, not a column heading.
  const titleCell = sheet.getCell(first, 1);
  if (columnCount > 1 && titleCell.isMerged && masterOf(first, columnCount) === titleCell.address && first < rowCount) {
    notes.push({ where: where(first), message: `title row "${textAt(first, 1)}" left out: a document's title belongs in its index.md` });
    first++;
    while (first <= rowCount && isEmptyRow(first)) first++;
  }

  // A merged cell in the first row makes the header deeper: its own height, plus a row of sub-headings under a cell spanning columns.
  let headerEnd = first;
  for (let c = 1; c <= columnCount; c++) {
    const cell = sheet.getCell(first, c);
    if (!cell.isMerged || cell.master.address !== cell.address) continue;
    let down = first;
    while (down + 1 <= rowCount && masterOf(down + 1, c) === cell.address) down++;
    const across = c + 1 <= columnCount && masterOf(first, c + 1) === cell.address;
    headerEnd = Math.max(headerEnd, across ? down + 1 : down);
  }
  if (headerEnd > first) notes.push({ where: where(first), message: `merged header cells: rows ${first}–${headerEnd} flattened into one header row` });

  const header: string[] = [];
  for (let c = 1; c <= columnCount; c++) {
    const parts: string[] = [];
    for (let r = first; r <= headerEnd; r++) {
      const text = textAt(r, c);
      if (text !== '' && !parts.includes(text)) parts.push(text);
    }
    header.push(parts.join(' '));
  }

  const body: Array<{ row: number; cells: string[] }> = [];
  let dropped = 0;
  let repeated = 0;
  for (let r = headerEnd + 1; r <= rowCount; r++) {
    if (isEmptyRow(r)) {
      dropped++;
      continue;
    }
    const cells: string[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address && textAt(r, c) !== '') repeated++;
      cells.push(textAt(r, c));
    }
    body.push({ row: r, cells });
  }
  if (dropped > 0) notes.push({ where: `sheet "${sheet.name}"`, message: `${dropped} empty row${dropped === 1 ? '' : 's'} dropped` });
  if (repeated > 0) notes.push({ where: `sheet "${sheet.name}"`, message: `${repeated} cell${repeated === 1 ? '' : 's'} of merged body cells repeat the merged value in each row` });

  // Columns with neither a header nor any value are layout, not data.
  const kept = header.map((_, c) => c).filter((c) => header[c] !== '' || body.some((row) => row.cells[c] !== ''));
  kept.filter((c) => header[c] === '').forEach((c) => notes.push({ where: where(first), message: `column ${columnLetter(c + 1)} has no header` }));

  const key = keyColumn(options.keyColumn, header, kept);
  const order = [key, ...kept.filter((c) => c !== key)];
  if (key !== kept[0]) notes.push({ where: where(first), message: `key column "${header[key]}" moved first: the site keys each row by its first cell` });
  const seen = new Map<string, number>();
  for (const row of body) {
    const value = row.cells[key] ?? '';
    if (value === '') notes.push({ where: where(row.row), message: `empty key cell in column "${header[key]}"` });
    else if (seen.has(value)) notes.push({ where: where(row.row), message: `key "${value}" repeats row ${seen.get(value)}: keys must be unique` });
    else seen.set(value, row.row);
  }

  const toRow = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: order.map((c): TableCell => ({ type: 'tableCell', children: cells[c] ? [{ type: 'text', value: cells[c] as string }] : [] })),
  });
  const table: Table = { type: 'table', align: order.map(() => null), children: [toRow(header), ...body.map((row) => toRow(row.cells))] };
  return { format: 'xlsx', tree: { type: 'root', children: [table] }, metadata: metadataOf(workbook), notes };
}

function pickSheet(sheets: ExcelJS.Worksheet[], wanted: string | undefined): ExcelJS.Worksheet {
  if (wanted === undefined) return sheets[0] as ExcelJS.Worksheet;
  const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  const byPosition = /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
  const sheet = byName ?? byPosition;
  if (!sheet) throw new ImportError(`the workbook has no sheet "${wanted}": its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  return sheet;
}

function keyColumn(wanted: string | undefined, header: readonly string[], kept: readonly number[]): number {
  if (wanted === undefined) return kept[0] ?? 0;
  const byHeader = header.findIndex((h) => h.toLowerCase() === wanted.toLowerCase());
  if (byHeader >= 0) return byHeader;
  if (/^[A-Z]{1,3}$/.test(wanted)) return columnIndex(wanted) - 1;
  if (/^\d+$/.test(wanted)) return Number(wanted) - 1;
  throw new ImportError(`there is no column "${wanted}" to key the rows: the headers are ${kept.map((c) => `"${header[c]}"`).join(', ')}`);
}

/** A cell's value as the reader sees it: rich text joined, formulas by their result, dates as YYYY-MM-DD, line breaks as spaces. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value && value.result instanceof Date) return value.result.toISOString().slice(0, 10);
  return cell.text.replace(/\s+/g, ' ').trim();
}

function metadataOf(workbook: ExcelJS.Workbook): SourceMetadata {
  const metadata: SourceMetadata = {};
  if (workbook.title) metadata.title = workbook.title;
  if (workbook.subject) metadata.subject = workbook.subject;
  if (workbook.creator) metadata.author = workbook.creator;
  if (workbook.created instanceof Date && !Number.isNaN(workbook.created.getTime())) metadata.created = workbook.created.toISOString().slice(0, 10);
  if (workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime())) metadata.modified = workbook.modified.toISOString().slice(0, 10);
  return metadata;
}

function columnLetter(index: number): string {
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}
