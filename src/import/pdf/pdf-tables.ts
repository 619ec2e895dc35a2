import type { PdfLine } from './pdf-lines.ts';
import type { PdfPage, PdfRule, PdfTextItem } from './pdf-page.ts';
import type { TextSegment } from '../phrasing.ts';

/** A table found on a page: its cells as formatted text, and the lines it took from the page. */
export interface PdfTable {
  page: number;
  /** Baseline of its first line, to place it among the paragraphs. */
  top: number;
  /** Column boundaries, left to right (one more than the columns). */
  columns: number[];
  /** Rows of cells, the header first. */
  rows: TextSegment[][][];
  lines: Set<PdfLine>;
}

interface GridLine {
  y: number;
  x0: number;
  x1: number;
  cuts: number[];
}

const TOLERANCE = 2;

/**
 * Finds ruled tables: rows of horizontal rules spanning the same width, split into cells by
 * where the rule segments meet (as browsers and Word draw cell borders) or by vertical rules.
 * Rows lie between rules; text just above the first rule that sits in the columns is the
 * header row (a table with bottom borders only). Unruled tables are left as text.
 */
export function findTables(page: PdfPage, lines: readonly PdfLine[], leading: number): PdfTable[] {
  const grid = gridLines(page);
  const verticals = page.rules.filter((r) => r.x1 - r.x0 <= 2.5 && r.y1 - r.y0 >= 4);
  const tables: PdfTable[] = [];
  let run: GridLine[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const table = tableOf(page, run, verticals, lines, leading);
      if (table) tables.push(table);
    }
    run = [];
  };
  for (const line of grid) {
    const last = run.at(-1);
    if (last && (Math.abs(last.x0 - line.x0) > TOLERANCE || Math.abs(last.x1 - line.x1) > TOLERANCE)) flush();
    run.push(line);
  }
  flush();
  return tables;
}

/** Horizontal rules grouped by height on the page and joined where their segments meet; top to bottom. */
function gridLines(page: PdfPage): GridLine[] {
  const horizontal = page.rules.filter((r) => r.y1 - r.y0 <= 2.5 && r.x1 - r.x0 >= 4).sort((a, b) => b.y0 - a.y0 || a.x0 - b.x0);
  const rows: PdfRule[][] = [];
  for (const rule of horizontal) {
    const row = rows.find((r) => Math.abs(((r[0] as PdfRule).y0 + (r[0] as PdfRule).y1) / 2 - (rule.y0 + rule.y1) / 2) <= 1);
    if (row) row.push(rule);
    else rows.push([rule]);
  }
  const out: GridLine[] = [];
  for (const row of rows) {
    const segments = [...row].sort((a, b) => a.x0 - b.x0);
    let span: GridLine | undefined;
    const spans: GridLine[] = [];
    for (const segment of segments) {
      const y = (segment.y0 + segment.y1) / 2;
      if (span && segment.x0 - span.x1 <= 1.5) {
        span.cuts.push((span.x1 + segment.x0) / 2);
        span.x1 = Math.max(span.x1, segment.x1);
      } else {
        span = { y, x0: segment.x0, x1: segment.x1, cuts: [] };
        spans.push(span);
      }
    }
    for (const s of spans) if (s.x1 - s.x0 >= page.width * 0.25) out.push(s);
  }
  return out.sort((a, b) => b.y - a.y);
}

function tableOf(page: PdfPage, run: GridLine[], verticals: PdfRule[], lines: readonly PdfLine[], leading: number): PdfTable | undefined {
  const x0 = Math.min(...run.map((g) => g.x0));
  const x1 = Math.max(...run.map((g) => g.x1));
  const top = (run[0] as GridLine).y;
  const bottom = (run.at(-1) as GridLine).y;
  const cutXs = [...run.flatMap((g) => g.cuts), ...verticals.filter((v) => v.y1 >= bottom - TOLERANCE && v.y0 <= top + leading * 4).map((v) => (v.x0 + v.x1) / 2)].filter(
    (x) => x > x0 + TOLERANCE && x < x1 - TOLERANCE,
  );
  const cuts = cluster(cutXs);
  if (cuts.length === 0) return undefined;
  const columns = [x0, ...cuts, x1];
  const inside = (line: PdfLine) => line.x0 >= x0 - TOLERANCE && line.x1 <= x1 + TOLERANCE * 4;
  const columnOf = (item: PdfTextItem) => {
    const centre = item.x + Math.min(item.width, item.size) / 2;
    for (let c = 0; c < columns.length - 1; c++) if (centre < (columns[c + 1] as number)) return c;
    return columns.length - 2;
  };

  const bands: Array<{ top: number; bottom: number }> = [];
  for (let i = 0; i + 1 < run.length; i++) bands.push({ top: (run[i] as GridLine).y, bottom: (run[i + 1] as GridLine).y });
  const used = new Set<PdfLine>();
  const bandLines = bands.map((band) => lines.filter((l) => inside(l) && l.y < band.top && l.y > band.bottom));
  for (const l of bandLines.flat()) used.add(l);
  // The column starts of the cells seen so far, to tell a header row above the first rule from a paragraph.
  const starts = new Set(bandLines.flat().flatMap((l) => l.items.map((i) => Math.round(i.x))));
  const fits = (line: PdfLine) => line.segments.every((s) => [...starts].some((x) => Math.abs(x - s.x0) <= 3));
  const header: PdfLine[] = [];
  let edge = top;
  for (const line of lines.filter((l) => l.y > top).sort((a, b) => a.y - b.y)) {
    if (!inside(line) || !fits(line) || line.y - line.size - edge > leading * 0.9) break;
    header.unshift(line);
    edge = line.y;
  }
  for (const l of header) used.add(l);
  const rowLines = [...(header.length > 0 ? [header] : []), ...bandLines].filter((group) => group.length > 0);
  if (rowLines.length < 2) return undefined;
  const rows = rowLines.map((group) => {
    const cells: TextSegment[][] = Array.from({ length: columns.length - 1 }, () => []);
    for (const line of [...group].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
      const byColumn = new Map<number, PdfTextItem[]>();
      for (const item of line.items) {
        const c = columnOf(item);
        byColumn.set(c, [...(byColumn.get(c) ?? []), item]);
      }
      for (const [c, items] of byColumn) {
        const cell = cells[c] as TextSegment[];
        if (cell.length > 0) cell.push({ text: ' ' });
        let end = -Infinity;
        for (const item of items.sort((a, b) => a.x - b.x)) {
          const space = end > -Infinity && item.x - end >= item.size * 0.12;
          cell.push({ text: (space ? ' ' : '') + item.text, bold: item.bold, italic: item.italic });
          end = item.x + item.width;
        }
      }
    }
    return cells;
  });
  const first = [...used].sort((a, b) => b.y - a.y)[0];
  return { page: page.number, top: first ? first.y : top, columns, rows, lines: used };
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) {
    const last = out.at(-1);
    if (last === undefined || value - last > TOLERANCE * 2) out.push(value);
  }
  return out;
}
