import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { toText } from 'hast-util-to-text';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { changeNote, news, olds } from '#compare/change-kinds.ts';
import { alignColumns, cellsOf, headerTexts, type AlignedColumn } from '#compare/table-diff.ts';
import { diffTokens, tokenize, type TokenOp } from '#compare/word-diff.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { packStableDocx } from './stable-docx.ts';

/** The author Word shows for every revision and comment. */
export const REVISION_AUTHOR = 'SEC versions';

type Block = Paragraph | Table;

/** What the writer carries from row to row: revision ids must be unique in the document. */
interface RedlineState {
  author: string;
  date: string;
  nextId: number;
  comments: Array<{ id: number; text: string }>;
}

/** The facts of a version a red-line needs (the browser has no more than these). */
export type RedlineVersion = Pick<VersionRecord, 'version' | 'clauses'> & Partial<Pick<VersionRecord, 'designated' | 'published'>>;

/** The two versions compared, with their clauses (in which rows' tables are found), and the aligned rows. */
export interface RedlineInput {
  document: Pick<DocumentRecord, 'title' | 'shortName' | 'secReference'>;
  from: RedlineVersion;
  to: RedlineVersion;
  rows: readonly AlignedRow[];
}

/**
 * A comparison as a Word document with tracked changes: every inserted and deleted word is a
 * real Word revision (`w:ins`/`w:del`, author "SEC versions", dated by the newer version's
 * designation), so Word's Review pane steps through them; accepting all gives the new version's
 * text, rejecting all the old one's. A renumbered, moved, split or merged clause carries a
 * comment saying so (the words of the comparison page: "renumbered from 5.4"). Clause numbers
 * stay as written (a changed number is itself a revision); tables are compared cell by cell,
 * columns aligned by their headings. A clause moved elsewhere is deleted where it stood and
 * inserted where it now stands, so that rejecting gives the old order back.
 */
export async function compareDocx(input: RedlineInput): Promise<Uint8Array> {
  const { document, from, to } = input;
  const date = to.designated ?? to.published ?? from.designated ?? '1980-01-01';
  const state: RedlineState = { author: REVISION_AUTHOR, date: `${date}T00:00:00Z`, nextId: 1, comments: [] };
  const title = `${document.shortName}: v${from.version} compared with v${to.version}`;
  const body: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({
      children: [
        new TextRun(
          `${document.secReference}, ${document.title}. Changes from v${from.version} to v${to.version} are tracked: accept them all for the text of v${to.version}, reject them all for v${from.version}.`,
        ),
      ],
    }),
    ...redlineBlocks(input, state),
  ];
  const word = new Document({
    title,
    creator: REVISION_AUTHOR,
    description: `Comparison of ${document.shortName} v${from.version} and v${to.version}`,
    comments: {
      children: state.comments.map((c) => ({ id: c.id, author: REVISION_AUTHOR, initials: 'SV', date: new Date(state.date), children: [new Paragraph(c.text)] })),
    },
    sections: [{ children: body }],
  });
  return packStableDocx(word, date);
}

/** The rows as Word blocks: paragraphs for clauses and headings, one table per run of table rows. */
function redlineBlocks(input: RedlineInput, state: RedlineState): Block[] {
  const order = new Map(input.from.clauses.map((clause, index) => [clause, index]));
  const newOrder = new Map(input.to.clauses.map((clause, index) => [clause, index]));
  const displaced = displacedRows(input.rows, order);
  const elsewhere = oldsElsewhere(input.rows, displaced);
  const deletions = oldPlaces(input.rows, elsewhere, order);
  const later = newsElsewhere(input.rows);
  const pending = [...later].sort((a, b) => (newOrder.get(a) ?? 0) - (newOrder.get(b) ?? 0));
  const blocks: Block[] = [];
  let table: { rows: AlignedRow[] } | undefined;
  const flush = () => {
    if (table) blocks.push(redlineTable(table.rows, input, state));
    table = undefined;
  };
  const deleteAt = (index: number) => {
    const moved = deletions.get(index) ?? [];
    if (moved.length > 0) flush();
    for (const clause of moved) blocks.push(clauseParagraph(clause, [deleted(labelled(clause), state)]));
  };
  // The later parts of a split, inserted where they stand in the new version.
  const insertBefore = (position: number) => {
    while (pending.length > 0 && (newOrder.get(pending[0] as Clause) ?? 0) < position) {
      flush();
      const clause = pending.shift() as Clause;
      blocks.push(clauseParagraph(clause, [inserted(labelled(clause), state)]));
    }
  };
  deleteAt(-1);
  for (const [index, row] of input.rows.entries()) {
    const first = news(row)[0];
    if (first) insertBefore(newOrder.get(first) ?? 0);
    const clause = row.new ?? row.old;
    if (clause && isTablePart(clause)) {
      if (clause.kind === 'table') flush();
      table ??= { rows: [] };
      table.rows.push(row);
    } else {
      flush();
      blocks.push(...(displaced.has(index) ? displacedParagraphs(row, later, state) : rowParagraphs(row, elsewhere, later, state)));
    }
    deleteAt(index);
  }
  insertBefore(Number.POSITIVE_INFINITY);
  flush();
  return blocks;
}

/** Old clauses deleted where they stood rather than at their row: those of displaced rows, and the later parts of a merge. */
function oldsElsewhere(rows: readonly AlignedRow[], displaced: ReadonlySet<number>): Set<Clause> {
  const elsewhere = new Set<Clause>();
  for (const [index, row] of rows.entries()) {
    const all = olds(row);
    for (const clause of displaced.has(index) ? all : row.kind === 'merged' ? all.slice(1) : []) elsewhere.add(clause);
  }
  return elsewhere;
}

/** New clauses inserted where they stand rather than at their row: the later parts of a split. */
function newsElsewhere(rows: readonly AlignedRow[]): Set<Clause> {
  return new Set(rows.flatMap((row) => (row.kind === 'split' ? news(row).slice(1) : [])));
}

function isTablePart(clause: Clause): boolean {
  return clause.kind === 'table' || clause.kind === 'row';
}

/**
 * The rows whose old clauses are out of the old order (moved elsewhere, or swapped with a
 * neighbour): all but the longest run of rows that keeps the old order. Rejecting the changes
 * must give the old order back, so these are inserted where they now stand and deleted where
 * they stood. Table rows are left alone: their order is not a change.
 */
function displacedRows(rows: readonly AlignedRow[], order: ReadonlyMap<Clause, number>): Set<number> {
  const keyed = rows.flatMap((row, index) => {
    const first = olds(row)[0];
    return first && !isTablePart(first) ? [{ index, key: order.get(first) ?? -1 }] : [];
  });
  const kept = new Set(longestIncreasing(keyed.map((k) => k.key)).map((at) => keyed[at]?.index as number));
  return new Set(keyed.filter((k) => !kept.has(k.index)).map((k) => k.index));
}

/** Every old clause of the rows, in the order of the old version. */
function oldOrder(rows: readonly AlignedRow[], order: ReadonlyMap<Clause, number>): Clause[] {
  return rows.flatMap((row) => olds(row)).sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
}

/** Positions (in `keys`) of a longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(keys: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = [];
  keys.forEach((key, at) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((keys[tails[mid] as number] as number) < key) low = mid + 1;
      else high = mid;
    }
    previous[at] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = at;
  });
  const result: number[] = [];
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at] as number) result.unshift(at);
  return result;
}

/**
 * Where each old clause deleted away from its row stood: after the row holding the nearest
 * earlier old clause that stays at its row (-1: before every row).
 */
function oldPlaces(rows: readonly AlignedRow[], elsewhere: ReadonlySet<Clause>, clauseOrder: ReadonlyMap<Clause, number>): Map<number, Clause[]> {
  const rowOf = new Map<Clause, number>();
  for (const [index, row] of rows.entries()) for (const clause of olds(row)) rowOf.set(clause, index);
  const order = oldOrder(rows, clauseOrder);
  const places = new Map<number, Clause[]>();
  for (const [at, clause] of order.entries()) {
    if (!elsewhere.has(clause)) continue;
    let place = -1;
    for (let k = at - 1; k >= 0 && place < 0; k--) {
      const before = order[k] as Clause;
      if (!elsewhere.has(before)) place = rowOf.get(before) ?? -1;
    }
    places.set(place, [...(places.get(place) ?? []), clause]);
  }
  return places;
}

/** A displaced row where it now stands: its new clauses inserted, with the row's note. */
function displacedParagraphs(row: AlignedRow, later: ReadonlySet<Clause>, state: RedlineState): Paragraph[] {
  const note = changeNote(row) ?? (row.new && row.old ? `moved (was ${row.old.label ?? row.old.slug})` : undefined);
  return news(row)
    .filter((clause) => !later.has(clause))
    .map((clause, k) => clauseParagraph(clause, withComment(k === 0 ? note : undefined, [inserted(labelled(clause), state)], state)));
}

function rowParagraphs(row: AlignedRow, elsewhere: ReadonlySet<Clause>, later: ReadonlySet<Clause>, state: RedlineState): Paragraph[] {
  const before = olds(row).filter((clause) => !elsewhere.has(clause));
  const after = news(row).filter((clause) => !later.has(clause));
  const note = changeNote(row);
  if (row.kind === 'split' || row.kind === 'merged') {
    return [
      ...before.map((clause) => clauseParagraph(clause, [deleted(labelled(clause), state)])),
      ...after.map((clause, k) => clauseParagraph(clause, withComment(k === 0 ? note : undefined, [inserted(labelled(clause), state)], state))),
    ];
  }
  const [old] = before;
  const [now] = after;
  if (old && now) return [clauseParagraph(now, withComment(note, [...labelRevision(old, now, state), ...wordRevisions(old.text, now.text, state)], state))];
  if (now) return [clauseParagraph(now, [inserted(labelled(now), state)])];
  if (old) return [clauseParagraph(old, [deleted(labelled(old), state)])];
  return [];
}

/** A clause's number and text as one line, the way the page shows it. */
function labelled(clause: Clause): string {
  return clause.label ? `${clause.label} ${clause.text}` : clause.text;
}

function clauseParagraph(clause: Clause, children: ParagraphChild[]): Paragraph {
  if (clause.kind !== 'heading') return new Paragraph({ children });
  return new Paragraph({ heading: clause.rank === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children });
}

/** A changed number is a revision of its own; an unchanged one is plain text. */
function labelRevision(old: Clause, now: Clause, state: RedlineState): ParagraphChild[] {
  if (old.label === now.label) return now.label ? [new TextRun(`${now.label} `)] : [];
  return [...(old.label ? [deleted(`${old.label} `, state)] : []), ...(now.label ? [inserted(`${now.label} `, state)] : [])];
}

/**
 * The words of two texts as runs: unchanged words plain, the others Word insertions and
 * deletions. The word diff matches words regardless of case (a case-only change is marked
 * on the page letter by letter); here such a word is deleted and inserted, so that accepting
 * and rejecting give each version's exact text.
 */
function wordRevisions(oldText: string, newText: string, state: RedlineState): ParagraphChild[] {
  const oldTokens = tokenize([{ type: 'text', value: oldText }]);
  const newTokens = tokenize([{ type: 'text', value: newText }]);
  const segments: Array<{ op: TokenOp; text: string }> = [];
  const push = (op: TokenOp, text: string) => {
    const last = segments.at(-1);
    if (last?.op === op) last.text += text;
    else if (text.length > 0) segments.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const run of diffTokens(oldTokens, newTokens)) {
    const count = run.tokens.length;
    for (let k = 0; k < count; k++) {
      if (run.op === 'removed') push('removed', oldTokens[i++]?.text ?? '');
      else if (run.op === 'added') push('added', newTokens[j++]?.text ?? '');
      else {
        const before = oldTokens[i++]?.text ?? '';
        const after = newTokens[j++]?.text ?? '';
        if (before === after) push('equal', after);
        else {
          push('removed', before);
          push('added', after);
        }
      }
    }
  }
  return segments.map(({ op, text }) => (op === 'equal' ? new TextRun(text) : op === 'added' ? inserted(text, state) : deleted(text, state)));
}

function inserted(text: string, state: RedlineState): InsertedTextRun {
  return new InsertedTextRun({ text, id: state.nextId++, author: state.author, date: state.date });
}

function deleted(text: string, state: RedlineState): DeletedTextRun {
  return new DeletedTextRun({ text, id: state.nextId++, author: state.author, date: state.date });
}

/** Wraps a paragraph's runs in a Word comment ("renumbered from 5.4"), when there is something to say. */
function withComment(note: string | undefined, children: ParagraphChild[], state: RedlineState): ParagraphChild[] {
  if (!note) return children;
  const id = state.comments.length;
  state.comments.push({ id, text: note.charAt(0).toUpperCase() + note.slice(1) });
  return [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
}

/** A run of table rows as one Word table: each aligned column a cell, each cell's words compared. */
function redlineTable(rows: readonly AlignedRow[], input: RedlineInput, state: RedlineState): Table {
  const first = rows[0];
  const oldTable = first?.old?.kind === 'table' ? first.old : tableOf(input.from, first?.old);
  const newTable = first?.new?.kind === 'table' ? first.new : tableOf(input.to, first?.new);
  const columns = alignColumns(headerTexts(oldTable?.content ?? []), headerTexts(newTable?.content ?? []));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: (row.new ?? row.old)?.kind === 'table',
          children: columns.map((column) => new TableCell({ children: [new Paragraph({ children: cellRevisions(row, column, state) })] })),
        }),
    ),
  });
}

function tableOf(version: RedlineVersion, row: Clause | undefined): Clause | undefined {
  return row?.table ? version.clauses.find((c) => c.kind === 'table' && c.slug === row.table) : undefined;
}

function cellRevisions(row: AlignedRow, column: AlignedColumn, state: RedlineState): ParagraphChild[] {
  const cell = (clause: Clause | undefined, index: number | null) => {
    const element = clause && index !== null ? cellsOf(clause.content)[index] : undefined;
    return element ? toText(element).replace(/\s+/g, ' ').trim() : undefined;
  };
  const before = cell(row.old, column.old);
  const after = cell(row.new, column.new);
  if (before !== undefined && after !== undefined) return wordRevisions(before, after, state);
  if (after) return [inserted(after, state)];
  if (before) return [deleted(before, state)];
  return [];
}
