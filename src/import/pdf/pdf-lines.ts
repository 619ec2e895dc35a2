import type { PdfPage, PdfTextItem } from './pdf-page.ts';
import type { TextSegment } from '../phrasing.ts';

/** Runs of a line separated by a wide gap: a clause label and its text, table cells, columns of a contents list. */
export interface PdfSegment {
  x0: number;
  x1: number;
  text: string;
  items: PdfTextItem[];
  /** The text with its formatting, spaces included. */
  pieces: TextSegment[];
}

/** Text runs sharing a baseline, left to right. */
export interface PdfLine {
  page: number;
  /** Baseline. */
  y: number;
  x0: number;
  x1: number;
  /** The largest font size on the line. */
  size: number;
  /** Every visible character is bold. */
  bold: boolean;
  text: string;
  items: PdfTextItem[];
  segments: PdfSegment[];
}

/** A gap at least this many font sizes wide splits a line into segments. */
const SEGMENT_GAP = 1.5;
/** A gap at least this wide (in font sizes) between two runs is a space. */
const SPACE_GAP = 0.12;

/**
 * Rebuilds the lines of a page: runs on the same baseline (within a third of the font size)
 * form a line, ordered left to right; spaces are put back where runs are apart, and wide gaps
 * split the line into segments. Lines come top to bottom.
 */
export function buildLines(page: PdfPage): PdfLine[] {
  const items = page.items.filter((item) => item.text.trim() !== '' || item.text === ' ');
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups.find((g) => Math.abs((g[0] as PdfTextItem).y - item.y) <= Math.min((g[0] as PdfTextItem).size, item.size) / 3);
    if (group) group.push(item);
    else groups.push([item]);
  }
  const lines = groups
    .map((group) => lineOf(page.number, group))
    .filter((line): line is PdfLine => line !== undefined)
    .sort((a, b) => b.y - a.y || a.x0 - b.x0);
  return lines;
}

function lineOf(page: number, group: PdfTextItem[]): PdfLine | undefined {
  const items = [...group].sort((a, b) => a.x - b.x);
  const visible = items.filter((i) => i.text.trim() !== '');
  if (visible.length === 0) return undefined;
  const segments: PdfSegment[] = [];
  let current: PdfSegment | undefined;
  let end = -Infinity;
  for (const item of items) {
    const blank = item.text.trim() === '';
    if (blank) {
      // A space run only widens the gap it stands in.
      continue;
    }
    const gap = item.x - end;
    const size = item.size;
    if (!current || gap >= SEGMENT_GAP * size) {
      const text = item.text.replace(/\s+/g, ' ');
      current = { x0: item.x, x1: item.x + item.width, text, items: [item], pieces: [{ text, bold: item.bold, italic: item.italic }] };
      segments.push(current);
    } else {
      const space = gap >= SPACE_GAP * size && !current.text.endsWith(' ') && !item.text.startsWith(' ');
      const text = (space ? ' ' : '') + item.text.replace(/\s+/g, ' ');
      current.text += text;
      current.pieces.push({ text, bold: item.bold, italic: item.italic });
      current.items.push(item);
      current.x1 = Math.max(current.x1, item.x + item.width);
    }
    end = Math.max(end, item.x + item.width);
  }
  for (const segment of segments) segment.text = segment.text.trim();
  const first = segments[0] as PdfSegment;
  const last = segments.at(-1) as PdfSegment;
  return {
    page,
    y: Math.max(...visible.map((i) => i.y)),
    x0: first.x0,
    x1: last.x1,
    size: Math.max(...visible.map((i) => i.size)),
    bold: visible.every((i) => i.bold),
    text: segments.map((s) => s.text).join(' '),
    items: visible,
    segments,
  };
}
