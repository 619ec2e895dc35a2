import type { Element } from '@xmldom/xmldom';
import { ImportError } from '../import-error.ts';
import { attribute, child, children, readPart, textOf } from '../ooxml.ts';
import { type CellPosition, parseCellReference, parseRange } from './cell-reference.ts';
import { stringItemText, type SheetEntry, type Workbook } from './read-workbook.ts';

/** A sheet's cells as text, with its merged ranges. Positions are 1-based. */
export interface Sheet {
  name: string;
  /** The last row and column holding a value or part of a merged range. */
  rowCount: number;
  columnCount: number;
  /** The text of a cell; a cell inside a merged range reads as the range's top-left cell. */
  text(row: number, column: number): string;
  /** The top-left cell of the merged range a cell is in, or undefined if it is in none. */
  mergeOrigin(row: number, column: number): CellPosition | undefined;
}

const key = (row: number, column: number) => `${row}:${column}`;

/** Reads one sheet's cells (`<sheetData>`) and merged ranges (`<mergeCells>`). */
export function readSheet(workbook: Workbook, entry: SheetEntry): Sheet {
  const root = readPart(workbook.pkg, entry.path);
  const data = child(root, 'sheetData');
  if (!root || !data) throw new ImportError(`sheet "${entry.name}" has no cells (${entry.path} is missing or has no sheetData): the file is damaged`);
  const texts = new Map<string, string>();
  let rowCount = 0;
  let columnCount = 0;
  let row = 0;
  for (const rowElement of children(data, 'row')) {
    row = Number(attribute(rowElement, 'r') ?? row + 1);
    let column = 0;
    for (const cell of children(rowElement, 'c')) {
      column = parseCellReference(attribute(cell, 'r') ?? '')?.column ?? column + 1;
      const text = cellText(cell, workbook);
      if (text === '') continue;
      texts.set(key(row, column), text);
      rowCount = Math.max(rowCount, row);
      columnCount = Math.max(columnCount, column);
    }
  }
  const origins = new Map<string, CellPosition>();
  for (const merge of children(child(root, 'mergeCells') ?? root, 'mergeCell')) {
    const range = parseRange(attribute(merge, 'ref') ?? '');
    if (!range) continue;
    for (let r = range.from.row; r <= range.to.row; r++) for (let c = range.from.column; c <= range.to.column; c++) origins.set(key(r, c), range.from);
    rowCount = Math.max(rowCount, range.to.row);
    columnCount = Math.max(columnCount, range.to.column);
  }
  const mergeOrigin = (r: number, c: number) => origins.get(key(r, c));
  return {
    name: entry.name,
    rowCount,
    columnCount,
    mergeOrigin,
    text: (r, c) => {
      const origin = mergeOrigin(r, c) ?? { row: r, column: c };
      return texts.get(key(origin.row, origin.column)) ?? '';
    },
  };
}

/**
 * A cell's value as the reader sees it: shared, inline and rich strings as their text, formulas
 * by their cached result, numbers in a date format as `YYYY-MM-DD`, booleans as Excel shows
 * them, white space (line breaks included) collapsed to single spaces.
 */
function cellText(cell: Element, workbook: Workbook): string {
  const type = attribute(cell, 't') ?? 'n';
  const value = child(cell, 'v');
  const raw = value ? textOf(value) : '';
  let text: string;
  if (type === 'inlineStr') text = stringItemText(child(cell, 'is') ?? cell);
  else if (type === 's') text = workbook.sharedStrings[Number(raw)] ?? '';
  else if (type === 'b') text = raw === '' ? '' : raw === '1' ? 'TRUE' : 'FALSE';
  else if (type === 'str' || type === 'e' || raw === '') text = raw;
  else if (workbook.dateStyles.has(Number(attribute(cell, 's') ?? 0))) text = serialDate(Number(raw), workbook.date1904);
  else text = String(Number(raw));
  return text.replace(/\s+/g, ' ').trim();
}

const DAY = 86_400_000;

/**
 * A serial date as `YYYY-MM-DD`. In the 1900 system day 1 is 1900-01-01 and day 60 is the
 * 29 February 1900 Lotus counted by mistake, so from day 61 on the days count from 1899-12-30.
 */
function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY).toISOString().slice(0, 10);
}
