import { CONTENT_LIMITS } from '#content/content-limits.ts';
import { ImportError } from './import-error.ts';

/**
 * The limits an import checks before doing the work, so a small hostile or broken file (a zip
 * bomb, a numbering that starts at a billion, a PDF stream inflating to a gigabyte, a sheet of
 * a million cells) is refused in seconds with one line, instead of taking the machine's memory.
 * Each is far above what an official SEC document needs (see the values), and each can be
 * raised for one run by an environment variable: `SEC_IMPORT_MAX_PAGES=5000 npm run import …`.
 */
export interface ImportLimit {
  /** What is limited, as the message names it. */
  what: string;
  /** The environment variable that raises it. */
  env: string;
  /** The default value. */
  value: number;
  /** The unit the value is given in, for the message (`MB`, `pages`). */
  unit: string;
}

/** Every limit, by name. Values in MB are mebibytes. */
export const IMPORT_LIMITS = {
  /** One part of a .docx/.xlsx package, decompressed: the largest document.xml of an SEC document is a few MB; the XML's tree takes about ten times its size. */
  partMb: { what: 'decompressed size of one part of the package', env: 'SEC_IMPORT_MAX_PART_MB', value: 64, unit: 'MB' },
  /** Every part read from one package, decompressed, together. */
  packageMb: { what: 'decompressed size of the parts read from the package', env: 'SEC_IMPORT_MAX_PACKAGE_MB', value: 128, unit: 'MB' },
  /** A Word list's start value (`w:start`, `w:startOverride`): letters and roman numerals are written by repetition, so a huge value makes a huge label. Word's own dialog stops at 32,767. */
  numberingStart: { what: 'start value of a Word list', env: 'SEC_IMPORT_MAX_NUMBERING_START', value: 32_767, unit: '' },
  /** PDF pages: a long SEC subsidiary document has a few hundred. */
  pdfPages: { what: 'number of PDF pages', env: 'SEC_IMPORT_MAX_PAGES', value: 1_500, unit: 'pages' },
  /** One PDF stream (page content, font, image), decompressed. */
  pdfStreamMb: { what: 'decompressed size of one PDF stream', env: 'SEC_IMPORT_MAX_PDF_STREAM_MB', value: 64, unit: 'MB' },
  /** Every compressed PDF stream, decompressed, together. */
  pdfMb: { what: "decompressed size of the PDF's streams", env: 'SEC_IMPORT_MAX_PDF_MB', value: 512, unit: 'MB' },
  /** Cells of the imported sheet: the largest SEC table (the device list) has tens of thousands. */
  cells: { what: 'number of cells in the sheet', env: 'SEC_IMPORT_MAX_CELLS', value: 250_000, unit: 'cells' },
  /** The Markdown written: no larger than the content check accepts for one file, so an import that succeeds also builds. */
  outputMb: { what: 'size of the imported text', env: 'SEC_IMPORT_MAX_OUTPUT_MB', value: CONTENT_LIMITS.fileBytes / (1024 * 1024), unit: 'MB' },
  /** Clauses (numbered clauses, paragraphs, rows) of the imported version: as many as the content check accepts. */
  clauses: { what: 'number of clauses in the imported version', env: 'SEC_IMPORT_MAX_CLAUSES', value: CONTENT_LIMITS.clauses, unit: 'clauses' },
} as const satisfies Record<string, ImportLimit>;

export type ImportLimitName = keyof typeof IMPORT_LIMITS;

/** A limit's value: its environment variable when set to a positive number, else the default. */
export function limitValue(name: ImportLimitName, env: Record<string, string | undefined> = process.env): number {
  const limit = IMPORT_LIMITS[name];
  const raw = env[limit.env];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : limit.value;
}

/** A limit's value in bytes, for the limits given in MB. */
export function limitBytes(name: ImportLimitName, env?: Record<string, string | undefined>): number {
  return limitValue(name, env) * 1024 * 1024;
}

/** Formats a count or size the way the message shows it. */
function show(amount: number, unit: string): string {
  if (unit === 'MB') return `${(amount / 1024 / 1024).toFixed(amount < 1024 * 1024 ? 3 : 0)} MB`;
  return `${amount.toLocaleString('en-GB')}${unit ? ` ${unit}` : ''}`;
}

/**
 * Throws the one-line refusal when `amount` (bytes for the MB limits) is over the limit: which
 * limit, the amount found, and how to raise it. `detail` says where (`part word/document.xml`).
 */
export function checkLimit(name: ImportLimitName, amount: number, detail?: string, env?: Record<string, string | undefined>): void {
  const limit = IMPORT_LIMITS[name];
  const max = limit.unit === 'MB' ? limitBytes(name, env) : limitValue(name, env);
  if (amount <= max) return;
  const current = limitValue(name, env);
  throw new ImportError(
    `the ${limit.what}${detail ? ` (${detail})` : ''} is ${limit.unit === 'MB' ? 'at least ' : ''}${show(amount, limit.unit)}, over the limit of ${current.toLocaleString('en-GB')}${limit.unit ? ` ${limit.unit}` : ''}: if the file is genuine, raise the limit with ${limit.env}=<${limit.unit || 'value'}> npm run import …`,
  );
}

/** For a sheet reader: refuses a sheet whose cells (counted before they are read) are over the limit. */
export function checkCellCount(cells: number, sheet?: string): void {
  checkLimit('cells', cells, sheet ? `sheet "${sheet}"` : undefined);
}
