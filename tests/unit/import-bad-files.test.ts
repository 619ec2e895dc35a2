import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFileType } from '#import/detect-file-type.ts';
import { importDocument } from '#import/import-document.ts';
import { ImportError } from '#import/import-error.ts';
import { simplePdf } from '../helpers/simple-pdf.ts';
import { p, wordPackage } from '../helpers/word-package.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const docx = () => wordPackage({ body: p('1.1 A clause.') });

/** The one error an import gives for a file, or undefined if it imports. */
async function importError(bytes: Uint8Array, name: string): Promise<ImportError | undefined> {
  try {
    await importDocument(bytes, name, { version: '1.0', designated: '2020-07-24', effective: '2020-07-26' });
    return undefined;
  } catch (error) {
    return error as ImportError;
  }
}

describe('detectFileType', () => {
  it('tells the format from the content, not the name', () => {
    expect(detectFileType(docx())).toBe('docx');
    expect(detectFileType(simplePdf([{ texts: [{ x: 72, y: 700, text: 'x' }] }]))).toBe('pdf');
  });

  it.each([
    ['an empty file', new Uint8Array(), /the file is empty \(0 bytes\)/],
    ['a PNG image', PNG, /the file is a PNG image, not a Word, PDF or Excel file/],
    ['plain text', new TextEncoder().encode('1.1 Some clause text typed into a text file.'), /not a Word \(\.docx\), PDF or Excel \(\.xlsx\) file/],
    ['a web page', new TextEncoder().encode('<!DOCTYPE html><html><body>Download</body></html>'), /a web page \(HTML\)/],
    ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /old binary Office document/],
    ['a damaged zip', docx().slice(0, 60), /damaged zip package/],
  ])('refuses %s with one clear error', (_, bytes, message) => {
    expect(() => detectFileType(bytes)).toThrow(ImportError);
    expect(() => detectFileType(bytes)).toThrow(message);
  });
});

describe('importDocument: bad files', () => {
  it('refuses a PNG renamed .docx', async () => {
    const error = await importError(PNG, 'tmad-v6.0.docx');
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/^the file is a PNG image/);
  });

  it('refuses a password-protected Word document', async () => {
    const encrypted = new Uint8Array(readFileSync('tests/fixtures/import/password-protected.docx'));
    const error = await importError(encrypted, 'protected.docx');
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.message).toMatch(/password-protected \(an encrypted Office document\)/);
  });

  it('refuses an encrypted PDF', async () => {
    const error = await importError(simplePdf([{ texts: [{ x: 72, y: 700, text: '1.1 Text.' }] }], { password: 'secret' }), 'protected.pdf');
    expect(error?.message).toMatch(/encrypted and needs a password/);
  });

  it('refuses a Word document with no text, and a truncated PDF', async () => {
    expect((await importError(wordPackage({ body: p('') }), 'empty.docx'))?.message).toMatch(/has no text to import/);
    const truncated = simplePdf([{ texts: [{ x: 72, y: 700, text: '1.1 Text.' }] }]).slice(0, 200);
    expect(await importError(truncated, 'cut.pdf')).toBeInstanceOf(ImportError);
  });

  it('reads a PDF named .docx as a PDF, saying so', async () => {
    const imported = await importDocument(simplePdf([{ texts: [{ x: 72, y: 700, text: '1.1 Text.' }] }]), 'misnamed.docx', {
      version: '1.0',
      designated: '2020-07-24',
      effective: '2020-07-26',
    });
    expect(imported.format).toBe('pdf');
    expect(imported.notes[0]).toEqual({ where: 'file', message: 'named .docx but it is a PDF file: read as PDF' });
  });
});

describe('importDocument: front matter', () => {
  it('writes front matter from the options, not illustrative, and counts what it found', async () => {
    const imported = await importDocument(docx(), 'x.docx', {
      version: '6.0',
      designated: '2020-07-24',
      effective: '2020-07-26',
      direction: '2020-07-24-smets1-tmad-s1sr',
      consultations: ['tmad-secure-2020'],
    });
    expect(imported.text).toBe(
      '---\nversion: "6.0"\nstatus: designated\ndesignated: 2020-07-24\neffective: 2020-07-26\ndirection: 2020-07-24-smets1-tmad-s1sr\nconsultations:\n  - tmad-secure-2020\nillustrative: false\n---\n\n1.1 A clause.\n',
    );
    expect(imported.summary).toEqual({ sections: 0, clauses: 1, paragraphs: 0, tables: 0, rows: 0 });
  });

  it('takes the version from the file properties when not given, with a note', async () => {
    const bytes = wordPackage({ body: p('Text.'), core: { title: 'TMAD Version 6.0' } });
    const imported = await importDocument(bytes, 'x.docx', { designated: '2020-07-24', effective: '2020-07-26' });
    expect(imported.version).toBe('6.0');
    expect(imported.notes[0]?.message).toBe("version 6.0 taken from the file's properties: check it");
  });

  it('refuses incomplete details before producing anything', async () => {
    await expect(importDocument(docx(), 'x.docx', { version: '6.0' })).rejects.toThrow(/a designated version needs "designated"/);
    await expect(importDocument(docx(), 'x.docx', {})).rejects.toThrow(/version number is unknown: give it with --version/);
    await expect(importDocument(docx(), 'x.docx', { version: '6.0', designated: '2020-07-26', effective: '2020-07-24' })).rejects.toThrow(/before designation/);
  });
});
