import { getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../import-error.ts';
import { checkLimit } from '../import-limits.ts';
import { checkPdfStreams } from './check-pdf-streams.ts';
import type { SourceMetadata } from '../import-result.ts';
import type { PdfArea, PdfPage, PdfRule, PdfTextItem } from './pdf-page.ts';

/** Where pdf.js finds its character maps and standard fonts (folders of the pdfjs-dist package), for PDFs that need them. */
export interface PdfAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

/** A rule is a drawn shape at most this many points thick. */
const RULE_THICKNESS = 2.5;

type Matrix = [number, number, number, number, number, number];

/**
 * Reads a PDF with pdf.js: per page, its text runs with font size and weight, its thin drawn
 * lines with their colour, and its link areas; and the document information dictionary.
 * An encrypted or damaged file is refused with an {@link ImportError}.
 */
export async function readPdfPages(bytes: Uint8Array, assets: PdfAssets = {}): Promise<{ pages: PdfPage[]; metadata: SourceMetadata }> {
  checkPdfStreams(bytes);
  const loading = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    ...assets,
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await loading.promise;
  } catch (error) {
    await loading.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new ImportError('the PDF is encrypted and needs a password to open: save an unprotected copy (print to PDF without security) and import that', { cause: error });
    }
    throw new ImportError(`the PDF cannot be read (${(error as Error).message}): the file is damaged or not a PDF`, { cause: error });
  }
  try {
    checkLimit('pdfPages', pdf.numPages);
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) pages.push(await readPage(await pdf.getPage(number), number));
    return { pages, metadata: await readMetadata(pdf) };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`the PDF cannot be read (${(error as Error).message}): the file is damaged`, { cause: error });
  } finally {
    // Since pdf.js 6 the loading task, not the document, releases the worker and the document.
    await loading.destroy();
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<PdfPage> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  // The operator list first: it loads the fonts, whose names tell bold and italic.
  const operators = await page.getOperatorList();
  const rules = readRules(operators.fnArray, operators.argsArray);
  const content = await page.getTextContent();
  const fontCache = new Map<string, { bold: boolean; italic: boolean }>();
  const fontStyle = (id: string) => {
    let style = fontCache.get(id);
    if (!style) {
      let name = '';
      let flags: { bold?: boolean; italic?: boolean; black?: boolean } = {};
      try {
        const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; italic?: boolean; black?: boolean } | undefined;
        name = font?.name ?? '';
        flags = font ?? {};
      } catch {
        // A font pdf.js has not resolved: treat as regular.
      }
      style = {
        bold: Boolean(flags.bold || flags.black) || /bold|black|heavy|semibold|demi/i.test(name),
        italic: Boolean(flags.italic) || /italic|oblique/i.test(name),
      };
      fontCache.set(id, style);
    }
    return style;
  };
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    // Rotated text (a stamp, a side note) is not body text.
    if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01) continue;
    const size = Math.abs(d) || Math.abs(a) || item.height;
    const style = fontStyle(item.fontName);
    items.push({ text: item.str, x: e, y: f, width: item.width, size, bold: style.bold, italic: style.italic });
  }
  const links: PdfArea[] = [];
  for (const annotation of await page.getAnnotations()) {
    if (annotation.subtype !== 'Link' || !Array.isArray(annotation.rect)) continue;
    const [lx0, ly0, lx1, ly1] = annotation.rect as number[];
    links.push({ x0: Math.min(lx0 ?? 0, lx1 ?? 0), y0: Math.min(ly0 ?? 0, ly1 ?? 0), x1: Math.max(lx0 ?? 0, lx1 ?? 0), y1: Math.max(ly0 ?? 0, ly1 ?? 0) });
  }
  return { number, width: x1 - x0, height: y1 - y0, items, rules, links };
}

/**
 * Thin filled or stroked shapes, in page space, with the colour they are painted in. Follows
 * the graphics state (save, restore, transform, colours) through the operator list.
 */
function readRules(fnArray: number[], argsArray: unknown[]): PdfRule[] {
  const rules: PdfRule[] = [];
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, fill: [0, 0, 0] as [number, number, number], stroke: [0, 0, 0] as [number, number, number], lineWidth: 1 };
  const stack: Array<typeof state> = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...state, ctm: [...state.ctm] as Matrix });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, (args ?? []) as Matrix);
        break;
      case OPS.setFillRGBColor:
        state.fill = parseColor(args);
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = parseColor(args);
        break;
      case OPS.setLineWidth:
        state.lineWidth = Number(args?.[0] ?? 1);
        break;
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const minMax = args?.[2] as ArrayLike<number> | null | undefined;
        if (!minMax || minMax.length < 4) break;
        const stroked = paint === OPS.stroke || paint === OPS.closeStroke;
        const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
        if (!stroked && !filled) break;
        const pad = stroked ? state.lineWidth / 2 : 0;
        const corners = [apply(state.ctm, (minMax[0] ?? 0) - pad, (minMax[1] ?? 0) - pad), apply(state.ctm, (minMax[2] ?? 0) + pad, (minMax[3] ?? 0) + pad)];
        const rx0 = Math.min(corners[0]![0], corners[1]![0]);
        const rx1 = Math.max(corners[0]![0], corners[1]![0]);
        const ry0 = Math.min(corners[0]![1], corners[1]![1]);
        const ry1 = Math.max(corners[0]![1], corners[1]![1]);
        if (ry1 - ry0 <= RULE_THICKNESS || rx1 - rx0 <= RULE_THICKNESS) {
          rules.push({ x0: rx0, y0: ry0, x1: rx1, y1: ry1, color: stroked ? state.stroke : state.fill });
        }
        break;
      }
      default:
        break;
    }
  }
  return rules;
}

function parseColor(args: unknown[] | null): [number, number, number] {
  const first = args?.[0];
  if (typeof first === 'string' && /^#[0-9a-f]{6}$/i.test(first)) {
    return [1, 3, 5].map((i) => Number.parseInt(first.slice(i, i + 2), 16) / 255) as [number, number, number];
  }
  const values = (args ?? []).map(Number);
  const scale = values.some((v) => v > 1) ? 255 : 1;
  return [(values[0] ?? 0) / scale, (values[1] ?? 0) / scale, (values[2] ?? 0) / scale];
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // The new transform applies first, then the current one (PDF's `cm`).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

async function readMetadata(pdf: PDFDocumentProxy): Promise<SourceMetadata> {
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim() !== '' ? (info[key] as string).trim() : undefined);
  const date = (key: string) => {
    const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(text(key) ?? '');
    return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
  };
  const metadata: SourceMetadata = {};
  const fields: Array<[keyof SourceMetadata, string | undefined]> = [
    ['title', text('Title')],
    ['subject', text('Subject')],
    ['author', text('Author')],
    ['created', date('CreationDate')],
    ['modified', date('ModDate')],
  ];
  for (const [key, value] of fields) if (value) metadata[key] = value;
  return metadata;
}
