import { unzipSync } from 'fflate';
import { ImportError } from './import-error.ts';

/** The formats the importer reads. */
export type ImportFormat = 'docx' | 'pdf' | 'xlsx';

const NAMES: Record<ImportFormat, string> = { docx: 'Word .docx', pdf: 'PDF', xlsx: 'Excel .xlsx' };

/** A human name for a format, for messages and the report. */
export function formatName(format: ImportFormat): string {
  return NAMES[format];
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Other formats people may pass by mistake, by their magic bytes, to say what the file really is. */
const KNOWN: Array<[readonly number[], string, number?]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [ascii('GIF8'), 'a GIF image'],
  [ascii('II*\0'), 'a TIFF image'],
  [ascii('MM\0*'), 'a TIFF image'],
  [ascii('{\\rtf'), 'an RTF document (save it from Word as .docx)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [ascii('Rar!'), 'a RAR archive'],
  [ascii('7z'), 'a 7-Zip archive'],
];

/**
 * Tells the format of a file from its content (magic bytes and, for zip packages, the parts
 * inside), never from its name, refusing empty, encrypted and other files with one clear
 * message. A password-protected Office file is not a zip at all but a compound file holding an
 * `EncryptedPackage` stream.
 */
export function detectFileType(bytes: Uint8Array): ImportFormat {
  if (bytes.length === 0) throw new ImportError('the file is empty (0 bytes): nothing to import');
  let start = 0;
  while (start < bytes.length && start < 1024 && bytes[start] !== 0x25) start++;
  if (start < 1024 && startsWith(bytes, ascii('%PDF-'), start)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw new ImportError('the file is an empty zip archive, not a Word, PDF or Excel file');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
      throw new ImportError(
        'the file is password-protected (an encrypted Office document): open it with its password, remove the protection (File › Info › Protect › Encrypt with password, clear it), save, and import again',
      );
    }
    throw new ImportError('the file is an old binary Office document (.doc or .xls, Office 97–2003): open it and save it as .docx or .xlsx, then import again');
  }
  for (const [signature, name] of KNOWN) {
    if (startsWith(bytes, signature)) throw new ImportError(`the file is ${name}, not a Word, PDF or Excel file: whatever its name says, it cannot be imported`);
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new ImportError('the file is a web page (HTML), not a Word, PDF or Excel file: download the document itself rather than the page that links to it');
  }
  throw new ImportError('the file is not a Word (.docx), PDF or Excel (.xlsx) file: its content matches none of them, whatever its name says');
}

function zipKind(bytes: Uint8Array): ImportFormat {
  const names: string[] = [];
  try {
    // List the entries without inflating them.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    throw new ImportError(`the file is a damaged zip package (${(error as Error).message}): open it in its application and save it again`, { cause: error });
  }
  if (names.includes('word/document.xml') || names.some((n) => /^word\/[^/]+\.xml$/.test(n))) return 'docx';
  if (names.includes('xl/workbook.xml') || names.some((n) => /^xl\/[^/]+\.xml$/.test(n))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) throw new ImportError('the file is a PowerPoint presentation, not a Word, PDF or Excel file');
  if (names.includes('mimetype') || names.includes('content.xml')) throw new ImportError('the file is an OpenDocument file: save it as .docx or .xlsx, then import again');
  throw new ImportError('the file is a zip archive but not a Word or Excel document: it has no word/ or xl/ part');
}

function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
