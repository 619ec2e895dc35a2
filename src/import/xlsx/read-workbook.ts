import type { Element } from '@xmldom/xmldom';
import { ImportError } from '../import-error.ts';
import type { SourceMetadata } from '../import-result.ts';
import { attribute, child, children, mainPartPath, openPackage, type Package, readCoreProperties, readPart, readRelationships, textOf } from '../ooxml.ts';

/** A sheet as the workbook lists it: its name, and the part holding its cells. */
export interface SheetEntry {
  name: string;
  path: string;
}

/** What every sheet's cells need from the rest of the package. */
export interface Workbook {
  pkg: Package;
  /** Sheets in the order of the workbook's tabs. */
  sheets: SheetEntry[];
  /** The shared strings table: a cell of type `s` holds an index into it. */
  sharedStrings: string[];
  /** Indexes of the cell formats (`s` attribute of a cell) that show a number as a date. */
  dateStyles: ReadonlySet<number>;
  /** Serial dates count from 1904-01-01 instead of 1900 (old Mac workbooks). */
  date1904: boolean;
  metadata: SourceMetadata;
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Opens an .xlsx package and reads what is shared by its sheets: the list of sheets (from
 * `xl/workbook.xml` and its relationships), the shared strings, which cell formats are dates
 * (from `xl/styles.xml`) and the core properties.
 */
export function readWorkbook(bytes: Uint8Array): Workbook {
  const pkg = openPackage(bytes, 'Excel (.xlsx)');
  const mainPath = mainPartPath(pkg) ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const main = mainPath ? readPart(pkg, mainPath) : undefined;
  if (!mainPath || !main || main.localName !== 'workbook') {
    throw new ImportError('the file is a zip package but not an Excel workbook (it has no xl/workbook.xml): save it from Excel as .xlsx');
  }
  const relationships = readRelationships(pkg, mainPath);
  const partOf = (type: string) => [...relationships.values()].find((rel) => rel.type === `${RELATIONSHIP}/${type}` || rel.type.endsWith(`/${type}`))?.target;
  const sheets: SheetEntry[] = [];
  for (const sheet of children(child(main, 'sheets') ?? main, 'sheet')) {
    const target = relationships.get(attribute(sheet, 'id') ?? '');
    if (target && !target.external) sheets.push({ name: attribute(sheet, 'name') ?? `Sheet${sheets.length + 1}`, path: target.target });
  }
  const date1904 = ['1', 'true'].includes(attribute(child(main, 'workbookPr'), 'date1904') ?? '');
  return {
    pkg,
    sheets,
    sharedStrings: readSharedStrings(readPart(pkg, partOf('sharedStrings') ?? 'xl/sharedStrings.xml')),
    dateStyles: readDateStyles(readPart(pkg, partOf('styles') ?? 'xl/styles.xml')),
    date1904,
    metadata: readCoreProperties(pkg),
  };
}

/** The shared strings, each as the reader sees it: rich-text runs joined, phonetic guides (`rPh`) left out. */
function readSharedStrings(root: Element | undefined): string[] {
  if (!root) return [];
  return children(root, 'si').map(stringItemText);
}

/** The text of a string item (`<si>` or an inline `<is>`): its `<t>`, or the `<t>` of each run. */
export function stringItemText(item: Element): string {
  return children(item)
    .map((part) => {
      if (part.localName === 't') return textOf(part);
      if (part.localName === 'r') return children(part, 't').map(textOf).join('');
      return '';
    })
    .join('');
}

/** Number formats Excel builds in that show dates (ids 14–17 and 22; 27–36 and 50–58 in East Asian locales). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The cell formats (`cellXfs`, by index) whose number format shows a date. */
function readDateStyles(root: Element | undefined): Set<number> {
  const out = new Set<number>();
  if (!root) return out;
  const custom = new Map<number, string>();
  for (const format of children(child(root, 'numFmts') ?? root, 'numFmt')) custom.set(Number(attribute(format, 'numFmtId')), attribute(format, 'formatCode') ?? '');
  children(child(root, 'cellXfs') ?? root, 'xf').forEach((xf, index) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code)) out.add(index);
  });
  return out;
}

/** A custom format code shows a date when, outside quoted text, escapes and `[…]` sections, it has a day or year. */
function isDateFormat(code: string): boolean {
  return /[dy]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
}
