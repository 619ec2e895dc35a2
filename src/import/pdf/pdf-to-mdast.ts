import { ImportError } from '../import-error.ts';
import type { ConvertedDocument } from '../import-result.ts';
import { findChangeMarks } from './pdf-change-marks.ts';
import { layoutPdf } from './pdf-layout.ts';
import { readPdfPages, type PdfAssets } from './read-pdf-pages.ts';

/**
 * Converts a PDF to mdast (see {@link layoutPdf}). A red-lined PDF (struck-through or
 * coloured, underlined inserted text) is refused: it shows changes between two versions, not a
 * version's text. So is a PDF without a text layer (a scan).
 */
export async function pdfToMdast(bytes: Uint8Array, assets: PdfAssets = {}): Promise<ConvertedDocument> {
  const { pages, metadata } = await readPdfPages(bytes, assets);
  if (pages.every((page) => page.items.every((item) => item.text.trim() === ''))) {
    throw new ImportError(
      `the PDF has no text to import (${pages.length} page${pages.length === 1 ? '' : 's'} without a text layer): a scanned document needs text recognition (OCR) first`,
    );
  }
  const marks = findChangeMarks(pages);
  if (marks.length > 0) {
    const struck = marks.filter((m) => m.kind === 'struck');
    const coloured = marks.filter((m) => m.kind === 'coloured-underline');
    const pagesWith = [...new Set(marks.map((m) => m.page))];
    const first = marks[0];
    const parts = [
      struck.length > 0 ? `${struck.length} struck-through text run${struck.length === 1 ? '' : 's'}` : '',
      coloured.length > 0 ? `${coloured.length} coloured underlined run${coloured.length === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    throw new ImportError(
      `the PDF shows change marks (${parts.join(' and ')} on page${pagesWith.length === 1 ? '' : 's'} ${pagesWith.slice(0, 8).join(', ')}${pagesWith.length > 8 ? ', …' : ''}; first: "${first?.text}" on page ${first?.page}): ` +
        'it is a red-line, which is not imported. Import the clean version of the document instead',
    );
  }
  const { tree, notes } = layoutPdf(pages);
  return { format: 'pdf', tree, metadata, notes };
}
