import { stringify } from 'yaml';
import type { ContentProblem } from '#model/content-problem.ts';
import { versionSchema } from '#content/content-schema.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { checkSheetCells } from './check-sheet-cells.ts';
import { detectFileType, type ImportFormat } from './detect-file-type.ts';
import { checkLimit } from './import-limits.ts';
import { docxToMdast } from './docx/docx-to-mdast.ts';
import { ImportError } from './import-error.ts';
import type { ConvertedDocument, ImportNote } from './import-result.ts';
import { mdastToMarkdown } from './mdast-to-markdown.ts';
import type { PdfAssets } from './pdf/read-pdf-pages.ts';

/** What the administrator says about the version (the command's options). */
export interface ImportOptions {
  /** Version as written (`6.0`); when absent, taken from the file's properties or title. */
  version?: string;
  status?: 'designated' | 'consultation-draft';
  designated?: string;
  effective?: string;
  direction?: string;
  consultations?: string[];
  published?: string;
  label?: string;
  /** True only for text written by this project; the texts of real documents are not illustrative. */
  illustrative?: boolean;
  /** Excel: which sheet, and which column keys the rows. */
  sheet?: string;
  keyColumn?: string;
  pdfAssets?: PdfAssets;
}

/** How many of each kind of block the imported text has. */
export interface ImportSummary {
  sections: number;
  clauses: number;
  paragraphs: number;
  tables: number;
  rows: number;
}

/** An imported version, ready to be written as `documents/<id>/v<version>.md`. */
export interface ImportedVersion {
  format: ImportFormat;
  version: string;
  /** The whole file: front matter and Markdown body. */
  text: string;
  converted: ConvertedDocument;
  summary: ImportSummary;
  /** Unsure places found by the converter, then what the parser says about the Markdown. */
  notes: ImportNote[];
  parserProblems: ContentProblem[];
}

/**
 * Converts an official file (Word, PDF or Excel, told by its content) into a version's
 * Markdown source with its front matter, and checks the result with the site's own clause
 * parser. Throws an {@link ImportError} (and produces nothing) when the file cannot be read or
 * the options cannot make valid front matter.
 */
export async function importDocument(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportedVersion> {
  const format = detectFileType(bytes);
  // The Excel reader opens the package itself and builds every cell: measure it first.
  if (format === 'xlsx') checkSheetCells(bytes);
  // pdf.js and ExcelJS are large: load them only for their own formats.
  const converted =
    format === 'docx'
      ? docxToMdast(bytes)
      : format === 'pdf'
        ? await (await import('./pdf/pdf-to-mdast.ts')).pdfToMdast(bytes, options.pdfAssets)
        : await (await import('./xlsx/xlsx-to-mdast.ts')).xlsxToMdast(bytes, {
            ...(options.sheet ? { sheet: options.sheet } : {}),
            ...(options.keyColumn ? { keyColumn: options.keyColumn } : {}),
          });
  const notes = [...converted.notes];
  const expected = /\.(docx|pdf|xlsx)$/i.exec(file)?.[1]?.toLowerCase();
  if (expected && expected !== format) notes.unshift({ where: 'file', message: `named .${expected} but it is a ${format.toUpperCase()} file: read as ${format.toUpperCase()}` });
  const body = mdastToMarkdown(converted.tree);
  if (converted.tree.children.length === 0 || body.trim() === '') {
    throw new ImportError(`the ${format.toUpperCase()} file has no text to import`);
  }

  const version = options.version ?? versionFromMetadata(converted);
  if (!version) {
    throw new ImportError("the version number is unknown: give it with --version (for example --version 6.0); the file's properties do not say");
  }
  if (!options.version) notes.unshift({ where: 'file properties', message: `version ${version} taken from the file's properties: check it` });
  const status = options.status ?? (options.published && !options.designated ? 'consultation-draft' : 'designated');
  const front: Record<string, unknown> = { version, status };
  if (options.designated) front.designated = options.designated;
  if (options.effective) front.effective = options.effective;
  if (options.direction) front.direction = options.direction;
  if (options.consultations && options.consultations.length > 0) front.consultations = options.consultations;
  if (options.published) front.published = options.published;
  else if (status === 'consultation-draft' && converted.metadata.modified) {
    front.published = converted.metadata.modified;
    notes.unshift({ where: 'file properties', message: `published date ${converted.metadata.modified} taken from the file's last-modified date: check it` });
  }
  if (options.label) front.label = options.label;
  front.illustrative = options.illustrative === true;
  const checked = versionSchema.safeParse(front);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => {
      const field = issue.path.join('.');
      return `${field ? `${field}: ` : ''}${issue.message}`;
    });
    throw new ImportError(`the version's details are incomplete: ${problems.join('; ')} (give them as options: --designated, --effective, --published, --status)`);
  }

  const text = `---\n${stringify(front, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
  // What the build must load whole: refused here rather than imported "OK" and failing there.
  checkLimit('outputMb', Buffer.byteLength(text, 'utf8'));
  const parsed = parseClauses(body, { file: `v${version}.md`, lineOffset: text.split('\n').length - body.split('\n').length });
  checkLimit('clauses', parsed.clauses.length);
  const summary: ImportSummary = { sections: 0, clauses: 0, paragraphs: 0, tables: 0, rows: 0 };
  for (const clause of parsed.clauses) {
    if (clause.kind === 'heading') summary.sections++;
    else if (clause.kind === 'clause') summary.clauses++;
    else if (clause.kind === 'paragraph') summary.paragraphs++;
    else if (clause.kind === 'table') summary.tables++;
    else summary.rows++;
  }
  return { format, version, text, converted, summary, notes, parserProblems: parsed.problems };
}

/** A version from the file's own properties: its version field, or "Version 6.0" / "v6.0" in its title. */
function versionFromMetadata(converted: ConvertedDocument): string | undefined {
  const { metadata } = converted;
  const candidates = [metadata.version, metadata.title, metadata.subject];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const exact = /^v?(\d+(?:\.\d+)+)$/i.exec(candidate.trim());
    if (exact) return exact[1];
    const inText = /\b(?:version|v)\s?(\d+(?:\.\d+)+)\b/i.exec(candidate);
    if (inText) return inText[1];
  }
  return undefined;
}
