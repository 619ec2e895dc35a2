import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocument } from '#import/import-document.ts';
import { ImportError } from '#import/import-error.ts';
import { checkLimit, IMPORT_LIMITS, limitValue } from '#import/import-limits.ts';
import { deflateZeros, entriesOf, pdfWithStream, rawZip } from '../helpers/hostile-files.ts';
import { simplePdf } from '../helpers/simple-pdf.ts';
import { p, wordPackage } from '../helpers/word-package.ts';

/**
 * Issue 17, item 3: small files that would take gigabytes are refused before the work, in one
 * line naming the limit and how to raise it. Every hostile file is built here, in memory.
 */
const GB = 1024 ** 3;

async function importError(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await importDocument(bytes, name, { version: '1.0', designated: '2020-07-24', effective: '2020-07-26', illustrative: true });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('imported without an error');
}

describe('import limits', () => {
  it('a Word list starting at a billion, in letters (formatted by repetition)', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const bytes = wordPackage({ numbering, body: p('A clause.', { num: ['1', 0] }) });
    expect(await importError(bytes, 'x.docx')).toBe(
      'the start value of a Word list (numbering.xml, level 1, start 1000000000) is 1,000,000,000, over the limit of 32,767: if the file is genuine, raise the limit with SEC_IMPORT_MAX_NUMBERING_START=<value> npm run import …',
    );
  });

  it('a start override of a list instance, in roman numerals', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2000000000"/></w:lvlOverride></w:num>';
    const bytes = wordPackage({ numbering, body: p('A clause.', { num: ['1', 0] }) });
    expect(await importError(bytes, 'x.docx')).toMatch(
      /^the start value of a Word list \(numbering.xml, list 1, level 1, startOverride 2000000000\) is 2,000,000,000, over the limit of 32,767/,
    );
  });

  it('a part declaring 1 GB is refused before it is inflated', async () => {
    const entries = entriesOf(wordPackage({ body: p('1.1 A clause.') })).map((e) => (e.name === 'word/document.xml' ? { ...e, deflated: deflateZeros(GB), declaredSize: GB } : e));
    const bomb = rawZip(entries);
    const started = performance.now();
    expect(await importError(bomb, 'x.docx')).toBe(
      'the decompressed size of one part of the package (part word/document.xml, as declared) is at least 1024 MB, over the limit of 64 MB: if the file is genuine, raise the limit with SEC_IMPORT_MAX_PART_MB=<MB> npm run import …',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a part declaring 1 KB that holds 1 GB is stopped at 1 KB while inflating', async () => {
    const entries = entriesOf(wordPackage({ body: p('1.1 A clause.') })).map((e) =>
      e.name === 'word/document.xml' ? { ...e, deflated: deflateZeros(GB), declaredSize: 1024 } : e,
    );
    expect(await importError(rawZip(entries), 'x.docx')).toBe(
      'part word/document.xml of the package holds more than the 1,024 bytes it declares: the file is damaged, or made to exhaust memory; open it in its application and save it again',
    );
  });

  it('an unused 2 GB entry is never inflated: the document imports', async () => {
    const entries = [...entriesOf(wordPackage({ body: p('1.1 A clause.') })), { name: 'word/media/unused.bin', deflated: deflateZeros(2 * GB), declaredSize: 2 * GB - 1 }];
    const imported = await importDocument(rawZip(entries), 'x.docx', { version: '1.0', designated: '2020-07-24', effective: '2020-07-26', illustrative: true });
    expect(imported.text).toContain('1.1 A clause.');
  });

  it('a PDF content stream inflating to 1 GB is measured in steps and refused', async () => {
    const bomb = pdfWithStream(deflateZeros(GB));
    const started = performance.now();
    expect(await importError(bomb, 'x.pdf')).toMatch(
      /^the decompressed size of one PDF stream \(stream of object 4 at byte \d+\) is at least 64 MB, over the limit of 64 MB: if the file is genuine, raise the limit with SEC_IMPORT_MAX_PDF_STREAM_MB=<MB> npm run import …$/,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a PDF of 3,000 pages is refused before its pages are read', async () => {
    const pages = Array.from({ length: 3000 }, (_, i) => ({ texts: [{ x: 72, y: 700, text: `${i + 1}.1 Page ${i + 1}.` }] }));
    expect(await importError(simplePdf(pages), 'x.pdf')).toBe(
      'the number of PDF pages is 3,000 pages, over the limit of 1,500 pages: if the file is genuine, raise the limit with SEC_IMPORT_MAX_PAGES=<pages> npm run import …',
    );
  });

  it('a sheet of a million cells is refused before a reader builds them', async () => {
    const row = (r: number) => `<row r="${r}">${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 1000 }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    expect(await importError(bytes, 'x.xlsx')).toBe(
      'the number of cells in the sheet (part xl/worksheets/sheet1.xml) is 1,000,000 cells, over the limit of 250,000 cells: if the file is genuine, raise the limit with SEC_IMPORT_MAX_CELLS=<cells> npm run import …',
    );
  });

  it('each limit is raised by its environment variable, and nonsense values keep the default', () => {
    expect(limitValue('pdfPages', { SEC_IMPORT_MAX_PAGES: '5000' })).toBe(5000);
    expect(limitValue('pdfPages', { SEC_IMPORT_MAX_PAGES: 'lots' })).toBe(IMPORT_LIMITS.pdfPages.value);
    expect(() => checkLimit('pdfPages', 3000, undefined, { SEC_IMPORT_MAX_PAGES: '5000' })).not.toThrow();
    expect(() => checkLimit('pdfPages', 3000)).toThrow(ImportError);
    expect(new Set(Object.values(IMPORT_LIMITS).map((l) => l.env)).size).toBe(Object.keys(IMPORT_LIMITS).length);
  });
});
