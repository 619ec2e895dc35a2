import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A cell: text (written to the shared strings table, as Excel does), a number, or null for none;
 * `{ xml }` writes the inside of `<c>` as given, with its attributes (`t="inlineStr"`, `s="1"`).
 */
export type WorkbookCell = string | number | null | { xml: string; attributes?: string };

/** A sheet: its rows from row 1 (an empty array is an empty row), and merged ranges (`A1:F1`). */
export interface WorkbookSheet {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<WorkbookCell>>;
  merges?: readonly string[];
}

/** The parts of a hand-written workbook; `styles` is the inside of `<styleSheet>`. */
export interface WorkbookParts {
  sheets: readonly WorkbookSheet[];
  styles?: string;
  core?: { title?: string; creator?: string; modified?: string };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnLetter(index: number): string {
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * Zips a minimal .xlsx from rows of values, for tests of the Excel import: the workbook and its
 * relationships, a shared strings table, one part per sheet with its merged ranges, and
 * optionally styles and core properties. It writes what Excel writes for these constructs,
 * with exact control over merges and cell types.
 */
export function workbookPackage(parts: WorkbookParts): Uint8Array {
  const strings: string[] = [];
  const shared = (text: string) => {
    const index = strings.indexOf(text);
    return index >= 0 ? index : strings.push(text) - 1;
  };
  const cell = (value: WorkbookCell, reference: string): string => {
    if (value === null) return '';
    if (typeof value === 'number') return `<c r="${reference}"><v>${value}</v></c>`;
    if (typeof value === 'string') return `<c r="${reference}" t="s"><v>${shared(value)}</v></c>`;
    return `<c r="${reference}"${value.attributes ? ` ${value.attributes}` : ''}>${value.xml}</c>`;
  };
  const sheetXml = (sheet: WorkbookSheet) => {
    const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cell(value, `${columnLetter(c + 1)}${r + 1}`)).join('')}</row>`);
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
  };
  const files: Record<string, Uint8Array> = {};
  parts.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  const sheetList = parts.sheets.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRelationships = parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  Object.assign(files, {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheetList}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheetRelationships}` +
        `<Relationship Id="rIdStrings" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
        `${strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}">${parts.styles ?? ''}</styleSheet>`),
  });
  if (parts.core) {
    const { title, creator, modified } = parts.core;
    files['docProps/core.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `${title ? `<dc:title>${xmlText(title)}</dc:title>` : ''}${creator ? `<dc:creator>${xmlText(creator)}</dc:creator>` : ''}${modified ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` : ''}</cp:coreProperties>`,
    );
  }
  return zipSync(files);
}
