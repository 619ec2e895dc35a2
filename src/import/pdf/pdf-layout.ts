import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { readClauseNumber, readHeadingNumber, readSubLabel } from '#parse/clause-number.ts';
import type { ImportNote } from '../import-result.ts';
import { buildLines, type PdfLine } from './pdf-lines.ts';
import type { PdfPage } from './pdf-page.ts';
import { findTables, type PdfTable } from './pdf-tables.ts';
import { segmentsToPhrasing, type TextSegment } from '../phrasing.ts';

/** Lines this far (as a share of the page height) from the top or bottom edge may be running heads or feet. */
const MARGIN_ZONE = 0.15;
/** A line at least this much larger than the body text is a heading. */
const HEADING_SCALE = 1.15;

type Block = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable };

/**
 * Rebuilds a document's structure from the positioned text of its pages: drops running heads
 * and feet (text repeated in the page margins, "Page 2 of 21") and the table of contents (the
 * entries that repeat later headings), takes headings from font size (or bold numbered lines),
 * joins lines into paragraphs (a new one at a wider gap, an outdented clause number, or after
 * a page break that ends a sentence), repairs words hyphenated at line ends, and keeps ruled
 * tables as tables. Every guess a reviewer should check is noted with its page.
 */
export function layoutPdf(pages: readonly PdfPage[]): { tree: Root; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const perPage = pages.map((page) => buildLines(page));
  removeRunningLines(pages, perPage, notes);
  const all = perPage.flat();
  if (all.length === 0) return { tree: { type: 'root', children: [] }, notes };
  const bodySize = modeBy(
    all,
    (l) => round(l.size),
    (l) => l.text.length,
  );
  const leading = typicalLeading(perPage, bodySize);

  const blocks: Block[] = [];
  const tables: PdfTable[] = [];
  pages.forEach((page, index) => {
    const lines = perPage[index] as PdfLine[];
    const found = findTables(page, lines, leading);
    const taken = new Set(found.flatMap((t) => [...t.lines]));
    const pageBlocks: Block[] = [
      ...lines.filter((l) => !taken.has(l)).map((line): Block => ({ kind: 'line', line })),
      ...found.map((table): Block => ({ kind: 'table', table })),
    ].sort((a, b) => top(b) - top(a));
    for (const block of pageBlocks) {
      const previous = blocks.at(-1);
      // A table running on from the previous page continues it; a repeated header row is dropped.
      if (
        block.kind === 'table' &&
        previous?.kind === 'table' &&
        previous.table.page === block.table.page - 1 &&
        pageBlocks[0] === block &&
        previous.table.columns.length === block.table.columns.length
      ) {
        const header = JSON.stringify(cellsText(previous.table.rows[0] ?? []));
        const rows = block.table.rows.filter((row, i) => !(i === 0 && JSON.stringify(cellsText(row)) === header));
        previous.table.rows.push(...rows);
        continue;
      }
      blocks.push(block);
      if (block.kind === 'table') tables.push(block.table);
    }
    const unruled = lines.filter((l) => !taken.has(l) && l.segments.length >= 3);
    if (unruled.length >= 2)
      notes.push({ where: `page ${page.number}`, message: `${unruled.length} lines have text in three or more columns: a table without rules, imported as paragraphs` });
  });
  for (const table of tables) notes.push({ where: `page ${table.page}`, message: `table of ${table.rows.length} rows and ${table.columns.length - 1} columns: check its cells` });

  removeContents(blocks, bodySize, notes);
  const tree = assemble(blocks, bodySize, leading, notes);
  return { tree, notes };
}

function top(block: Block): number {
  return block.kind === 'line' ? block.line.y : block.table.top;
}

function cellsText(row: TextSegment[][]): string[] {
  return row.map((cell) =>
    cell
      .map((s) => s.text)
      .join('')
      .trim(),
  );
}

/** Text in the top or bottom margin that repeats across pages (digits aside), and bare page numbers. */
function removeRunningLines(pages: readonly PdfPage[], perPage: PdfLine[][], notes: ImportNote[]): void {
  const key = (line: PdfLine) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const inZone = (line: PdfLine, page: PdfPage, lines: PdfLine[]) => {
    const index = lines.indexOf(line);
    const nearEdge = line.y > page.height * (1 - MARGIN_ZONE) || line.y < page.height * MARGIN_ZONE;
    return nearEdge && (index < 3 || index >= lines.length - 3);
  };
  const pagesWith = new Map<string, Set<number>>();
  pages.forEach((page, i) => {
    const lines = perPage[i] as PdfLine[];
    for (const line of lines) {
      if (!inZone(line, page, lines)) continue;
      const k = key(line);
      if (!pagesWith.has(k)) pagesWith.set(k, new Set());
      pagesWith.get(k)?.add(page.number);
    }
  });
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const removed = new Map<string, number>();
  pages.forEach((page, i) => {
    const lines = perPage[i] as PdfLine[];
    perPage[i] = lines.filter((line) => {
      if (!inZone(line, page, lines)) return true;
      const k = key(line);
      const repeated = (pagesWith.get(k)?.size ?? 0) >= threshold;
      const pageNumber = /^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$/.test(k) || /^-\s*#\s*-$/.test(k);
      if (!repeated && !pageNumber) return true;
      removed.set(line.text, (removed.get(line.text) ?? 0) + 1);
      return false;
    });
  });
  if (removed.size > 0) {
    const total = [...removed.values()].reduce((a, b) => a + b, 0);
    const examples = [...new Set([...removed.keys()].map((t) => t.replace(/\d+/g, 'N')))].slice(0, 4).map((t) => `"${t}"`);
    notes.push({ where: 'page margins', message: `${total} running header and footer lines removed (${examples.join(', ')})` });
  }
}

/** The table of contents: from a "Contents" line to the first heading that repeats one of its entries. */
function removeContents(blocks: Block[], bodySize: number, notes: ImportNote[]): void {
  const normal = (text: string) =>
    text
      .toLowerCase()
      .replace(/[\s.·…_]*\d+\s*$/, '')
      .replace(/^\d+[.)]\s+(?=\S)/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const start = blocks.findIndex((b) => b.kind === 'line' && /^(?:table of )?contents$/i.test(b.line.text.trim()));
  if (start >= 0) {
    const entries = new Set<string>();
    for (let i = start + 1; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (block.kind !== 'line') break;
      const line = block.line;
      const headingLike = line.size >= bodySize * HEADING_SCALE || line.bold;
      if (headingLike && entries.has(normal(line.text))) {
        const page = (blocks[start] as { line: PdfLine }).line.page;
        notes.push({ where: `page ${page}`, message: `table of contents removed (${i - start} lines, up to the first heading it lists)` });
        blocks.splice(start, i - start);
        return;
      }
      for (const segment of line.segments) entries.add(normal(segment.text));
      entries.add(normal(line.text));
    }
  }
  // Without a "Contents" title: lines ending in dot leaders and a page number.
  let removed = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as Block;
    if (block.kind === 'line' && /(?:\.\s?){4,}\s*\d+$/.test(block.line.text)) {
      blocks.splice(i, 1);
      removed++;
    }
  }
  if (removed > 0) notes.push({ where: 'contents', message: `${removed} table-of-contents lines (dot leaders and page numbers) removed` });
}

interface HeadingDraft {
  kind: 'heading';
  size: number;
  text: string;
  page: number;
  numbered: boolean;
  bold: boolean;
  lastY: number;
}

interface ParagraphDraft {
  kind: 'paragraph';
  page: number;
  lines: PdfLine[];
}

function assemble(blocks: Block[], bodySize: number, leading: number, notes: ImportNote[]): Root {
  const drafts = draftBlocks(blocks, bodySize, leading);
  const depths = headingDepths(drafts, bodySize);
  const vocabulary = wordsOf(blocks);
  const children: RootContent[] = [];
  let cover = 0;
  drafts.forEach((draft, index) => {
    if (draft.kind === 'heading') {
      if (draft.size > depths.sectionSize && (depths.firstSection < 0 || index < depths.firstSection)) {
        notes.push({ where: `page ${draft.page}`, message: `the title "${draft.text}" was left out: a document's title belongs in its index.md` });
        return;
      }
      children.push({ type: 'heading', depth: depths.depthOf(draft) as Heading['depth'], children: [{ type: 'text', value: draft.text }] });
      return;
    }
    if (draft.kind === 'table') {
      children.push(tableNode(draft.table));
      return;
    }
    if (depths.firstSection >= 0 && index < depths.firstSection) cover++;
    children.push(paragraphNode(draft, vocabulary, notes));
  });
  if (cover > 0)
    notes.push({ where: 'page 1', message: `${cover} paragraph${cover === 1 ? '' : 's'} before the first section (a cover page?) kept: delete what is not part of the text` });
  return { type: 'root', children };
}

type Draft = HeadingDraft | ParagraphDraft | { kind: 'table'; table: PdfTable };

/** Groups the lines into headings and paragraphs, in reading order; tables stay as they are. */
function draftBlocks(blocks: Block[], bodySize: number, leading: number): Draft[] {
  const drafts: Draft[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      drafts.push({ kind: 'table', table: block.table });
      continue;
    }
    const line = block.line;
    const previous = drafts.at(-1);
    if (isHeadingLine(line, bodySize)) {
      if (previous?.kind === 'heading' && continuesHeading(previous, line)) {
        previous.text += ` ${line.text}`;
        previous.lastY = line.y;
        continue;
      }
      drafts.push({ kind: 'heading', size: round(line.size), text: line.text, page: line.page, numbered: Boolean(readHeadingNumber(line.text)), bold: line.bold, lastY: line.y });
      continue;
    }
    if (previous?.kind === 'paragraph' && !startsParagraph(previous.lines.at(-1) as PdfLine, line, leading)) {
      previous.lines.push(line);
      continue;
    }
    drafts.push({ kind: 'paragraph', page: line.page, lines: [line] });
  }
  return drafts;
}

/** Larger than the body text, or a short bold line starting with a heading number and not ending like a sentence. */
function isHeadingLine(line: PdfLine, bodySize: number): boolean {
  if (line.size >= bodySize * HEADING_SCALE) return true;
  const number = readHeadingNumber(line.text);
  const title = number ? line.text.slice(number.length) : '';
  return line.bold && number !== undefined && /\p{L}/u.test(title) && line.text.split(/\s+/).length <= 12 && !/[.;:,]$/.test(line.text);
}

/** An unnumbered heading line set like the heading just above it, on the same page and close below, is that heading wrapped. */
function continuesHeading(previous: HeadingDraft, line: PdfLine): boolean {
  return (
    !previous.numbered === !readHeadingNumber(line.text) &&
    Math.abs(previous.size - line.size) < 0.5 &&
    previous.page === line.page &&
    previous.lastY - line.y <= line.size * 1.6 &&
    !readHeadingNumber(line.text)
  );
}

/**
 * Whether `line` starts a new paragraph after `last`: across a page, when it starts with a clause
 * label or the last line ended a sentence; on a page, at a wider gap, or at a clause label that is
 * outdented or follows a sentence's end.
 */
function startsParagraph(last: PdfLine, line: PdfLine, leading: number): boolean {
  if (last.page !== line.page) return startsLabelled(line.text) || endsSentence(last.text);
  const gap = last.y - line.y;
  return gap > leading * HEADING_SCALE + 0.5 || gap < 0 || (startsLabelled(line.text) && (line.x0 < last.x0 - 3 || endsSentence(last.text)));
}

function startsLabelled(text: string): boolean {
  return Boolean(readClauseNumber(text) ?? readSubLabel(text));
}

function endsSentence(text: string): boolean {
  return /[.;:]$|;\s*(?:and|or)$/.test(text.trim());
}

/** How headings map to Markdown depths, and where the first section starts. */
interface HeadingDepths {
  sectionSize: number;
  firstSection: number;
  depthOf: (h: HeadingDraft) => number;
}

/** Heading depths: the largest size used by numbered headings is `##`; larger text before it is the title. */
function headingDepths(drafts: readonly Draft[], bodySize: number): HeadingDepths {
  const headings = drafts.filter((d): d is HeadingDraft => d.kind === 'heading');
  const numberedSizes = headings.filter((h) => h.numbered && h.size >= bodySize * HEADING_SCALE).map((h) => h.size);
  const sizes = headings.map((h) => h.size).sort((a, b) => b - a);
  const firstHeading = headings[0];
  // Without numbered headings, a larger first heading used once on the first page is the title.
  const titleOnly = firstHeading !== undefined && firstHeading.page === 1 && sizes[0] === firstHeading.size && sizes[1] !== undefined && sizes[1] < firstHeading.size;
  const sectionSize = numberedSizes.length > 0 ? Math.max(...numberedSizes) : ((titleOnly ? sizes[1] : sizes[0]) ?? 0);
  const smaller = [...new Set(headings.map((h) => h.size).filter((s) => s < sectionSize && s >= bodySize * HEADING_SCALE))].sort((a, b) => b - a);
  const depthOf = (h: HeadingDraft): number => {
    if (h.size >= sectionSize) return 2;
    if (h.size >= bodySize * HEADING_SCALE) return Math.min(6, 3 + smaller.indexOf(h.size));
    return Math.min(6, 3 + smaller.length);
  };
  const firstSection = drafts.findIndex((d) => d.kind === 'heading' && d.size <= sectionSize);
  return { sectionSize, firstSection, depthOf };
}

function paragraphNode(draft: ParagraphDraft, vocabulary: Map<string, number>, notes: ImportNote[]): Paragraph {
  const pieces: TextSegment[] = [];
  draft.lines.forEach((line, i) => {
    const linePieces = line.segments.flatMap((segment, s) => (s === 0 ? segment.pieces : [{ text: ' ' }, ...segment.pieces]));
    if (i > 0) {
      const last = pieces.at(-1);
      const hyphen = last ? /(\p{L}+)[-\u00ad]$/u.exec(last.text) : null;
      const next = /^\p{Ll}[\p{L}]*/u.exec(line.text)?.[0];
      if (last && hyphen && next) {
        const soft = last.text.endsWith('\u00ad');
        const joined = `${hyphen[1]}${next}`.toLowerCase();
        const kept = `${hyphen[1]}-${next}`.toLowerCase();
        const remove = soft || ((vocabulary.get(joined) ?? 0) > 0 && (vocabulary.get(kept) ?? 0) === 0);
        if (remove) last.text = last.text.slice(0, -1);
        else if ((vocabulary.get(kept) ?? 0) === 0) {
          notes.push({ where: `page ${line.page}`, message: `"${hyphen[1]}-${next}" is hyphenated at a line end and appears nowhere else: the hyphen was kept` });
        }
      } else {
        pieces.push({ text: ' ' });
      }
    }
    pieces.push(...linePieces.map((p) => ({ ...p })));
  });
  // The clause number is plain text, whatever its font: the parser reads it as the label.
  const text = pieces
    .map((p) => p.text)
    .join('')
    .trimStart();
  const label = readClauseNumber(text) ?? (readSubLabel(text) ? { length: readSubLabel(text)?.length ?? 0 } : undefined);
  if (label) plainPrefix(pieces, label.length);
  return { type: 'paragraph', children: segmentsToPhrasing(pieces) };
}

function tableNode(table: PdfTable): Table {
  const width = table.columns.length - 1;
  const rows: TableRow[] = table.rows.map((row, r) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, c): TableCell => {
      const cell = (row[c] ?? []).map((s) => (r === 0 ? { ...s, bold: false } : s));
      return { type: 'tableCell', children: segmentsToPhrasing(cell) as PhrasingContent[] };
    }),
  }));
  return { type: 'table', align: new Array(width).fill(null), children: rows };
}

/** Removes bold and italic from the first `length` characters. */
function plainPrefix(pieces: TextSegment[], length: number): void {
  let rest = length;
  for (let i = 0; i < pieces.length && rest > 0; i++) {
    const piece = pieces[i] as TextSegment;
    const leading = piece.text.length - piece.text.trimStart().length;
    if (i === 0 && leading > 0) rest += leading;
    if (piece.text.length <= rest) {
      piece.bold = false;
      piece.italic = false;
      rest -= piece.text.length;
    } else {
      pieces.splice(i + 1, 0, { ...piece, text: piece.text.slice(rest) });
      piece.text = piece.text.slice(0, rest);
      piece.bold = false;
      piece.italic = false;
      rest = 0;
    }
  }
}

/** How often each word occurs away from line ends, to tell a broken word from a hyphenated one. */
function wordsOf(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== 'line') continue;
    const words = block.line.text.toLowerCase().split(/\s+/);
    words.forEach((word, i) => {
      if (i === words.length - 1 && /-$/.test(word)) return;
      const clean = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (clean) counts.set(clean, (counts.get(clean) ?? 0) + 1);
    });
  }
  return counts;
}

function typicalLeading(perPage: readonly PdfLine[][], bodySize: number): number {
  const deltas: number[] = [];
  for (const lines of perPage) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as PdfLine;
      const b = lines[i] as PdfLine;
      const delta = a.y - b.y;
      if (round(a.size) === bodySize && round(b.size) === bodySize && delta >= bodySize && delta <= bodySize * 2) deltas.push(delta);
    }
  }
  return deltas.length > 0 ? modeBy(deltas, round, () => 1) : bodySize * 1.2;
}

function round(value: number): number {
  return Math.round(value * 2) / 2;
}

function modeBy<T>(values: readonly T[], key: (value: T) => number, weight: (value: T) => number): number {
  const totals = new Map<number, number>();
  for (const value of values) totals.set(key(value), (totals.get(key(value)) ?? 0) + weight(value));
  let best = 0;
  let bestWeight = -1;
  for (const [k, w] of totals) {
    if (w > bestWeight || (w === bestWeight && k < best)) {
      best = k;
      bestWeight = w;
    }
  }
  return best;
}
