import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { renumberedNumbers, type AlignedRow, type ChangeKind } from '#compare/align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import { clauseName, displayNumber } from '#model/clause-name.ts';
import { changeNote, CHANGE_KINDS, countChanges, isChange, news, olds, rowId } from '#compare/change-kinds.ts';
import { changeSteps } from '#compare/change-steps.ts';
import { definitionNotes } from '#compare/definition-notes.ts';
import { alignColumns, cellsOf, diffTableRow, headerTexts, type AlignedColumn } from '#compare/table-diff.ts';
import { toText } from 'hast-util-to-text';
import { wordDiff, type WordDiffOptions } from '#compare/word-diff.ts';
import { element } from './element.ts';
import { linkFragmentsToVersion } from './version-fragment-links.ts';

/** Unchanged rows kept beside each change at most (the "changes only" views show 0, 1 or 3). */
const MAX_CONTEXT = 3;

/** Labels for the two sides, e.g. `v5.0` and `v6.0`. */
export interface CompareSides {
  from: string;
  to: string;
  /** The clauses of the two versions, in which a row's table (and so its column headings) is looked up. */
  clauses?: { old: readonly Clause[]; new: readonly Clause[] };
  /** Runs of at least this many unchanged rows beyond the context of a change are folded. */
  foldAfter?: number;
  /** The pages of the two versions (`/tmad/v5.0/`): a `#1.1` link in either side's text leads to its own version there. */
  pages?: { old: string; new: string };
}

const LABELS: Record<ChangeKind, string> = {
  unchanged: 'unchanged',
  modified: 'modified',
  inserted: 'inserted',
  deleted: 'deleted',
  renumbered: 'renumbered',
  moved: 'moved',
  split: 'split',
  merged: 'merged',
};

/**
 * The summary of a comparison: counts by kind, each change linked to its row, then the clauses
 * whose only change is consequential and the count of unchanged ones.
 */
export function renderSummary(rows: readonly AlignedRow[]): Element {
  const counts = countChanges(rows);
  const links = (list: readonly AlignedRow[]): Array<string | Element> =>
    list.length > 0 ? [': ', ...list.flatMap((row, index) => [...(index > 0 ? [', '] : []), h('a', { href: `#${rowId(row)}` }, shortLabel(row))])] : [];
  // Kinds with no change are left out: "0 split" is a line a phone reader scrolls past for nothing.
  const items = CHANGE_KINDS.filter((kind) => kind !== 'unchanged' && counts[kind] > 0).map((kind) =>
    h('li', { dataKind: kind }, [
      h('span', { className: ['count'], dataCount: kind }, String(counts[kind])),
      ` ${LABELS[kind]}`,
      ...links(rows.filter((row) => row.kind === kind)),
    ]),
  );
  const consequentialOnly = rows.filter((row) => row.kind === 'unchanged' && row.consequential);
  return h('nav', { className: ['cmp-summary'], ariaLabel: 'Summary of changes' }, [
    h('ul', items),
    h('p', { className: ['cmp-unchanged'] }, [
      h('span', { className: ['count'], dataCount: 'unchanged' }, String(counts.unchanged - consequentialOnly.length)),
      ' unchanged',
      ...(consequentialOnly.length > 0
        ? ['; ', h('span', { className: ['count'], dataCount: 'consequential' }, String(consequentialOnly.length)), ' with consequential changes only', ...links(consequentialOnly)]
        : []),
    ]),
  ]);
}

function shortLabel(row: AlignedRow): string {
  const name = displayNumber((row.new ?? row.old) as Clause);
  if (row.kind === 'split') return `${displayNumber(row.old as Clause)} → ${news(row).map(displayNumber).join(', ')}`;
  if (row.kind === 'merged') return `${olds(row).map(displayNumber).join(', ')} → ${name}`;
  if ((row.kind === 'renumbered' || row.kind === 'moved') && row.old) return `${displayNumber(row.old)} → ${name}`;
  return name;
}

/**
 * The change navigation bar: previous and next change, the position, and the keys. Without
 * JavaScript "Next change" leads to the first change and "Previous change" to the summary; the
 * compare-nav script makes both follow the reader and adds the keys `n`/`j` and `p`/`k`, with
 * a checkbox to turn them off (single-key shortcuts must be able to be turned off).
 */
export function renderChangeNav(rows: readonly AlignedRow[]): Element {
  const changes = changeSteps(rows).steps;
  const first = changes[0];
  return h('nav', { className: ['cmp-nav'], ariaLabel: 'Change navigation', dataChangeNav: '' }, [
    h('a', { href: '#summary', dataStep: 'previous', rel: 'prev' }, 'Previous change'),
    ' ',
    h('a', { href: first ? `#${rowId(first)}` : '#summary', dataStep: 'next', rel: 'next' }, 'Next change'),
    ' ',
    h('span', { className: ['cmp-position'], role: 'status', dataPosition: '' }, `${changes.length} change${changes.length === 1 ? '' : 's'}`),
    ' ',
    h('span', { className: ['cmp-keys'], hidden: true, dataKeys: '' }, [
      h('label', [
        h('input', { type: 'checkbox', checked: true, dataKeysToggle: '' }),
        ' Keys: ',
        h('kbd', 'n'),
        ' or ',
        h('kbd', 'j'),
        ' next, ',
        h('kbd', 'p'),
        ' or ',
        h('kbd', 'k'),
        ' previous',
      ]),
    ]),
  ]);
}

/**
 * Renders the side-by-side comparison: one row per aligned pair, the old clause beside the new,
 * changed words marked in both. The new column also carries the removed words (hidden unless
 * the inline red-line view is chosen), so both views share one document.
 *
 * Each change links to the previous and next change. Each unchanged row records how far it
 * is from the nearest change (`data-distance`: 1 to {@link MAX_CONTEXT}, else `far`), so the
 * "changes only" views can keep some context with CSS alone; unchanged rows farther than that
 * are folded when there are at least `foldAfter` of them in a row.
 */
export function renderCompare(rows: readonly AlignedRow[], sides: CompareSides): Element {
  return h('div', { className: ['compare'] }, [...renderCompareChildren(rows, sides)]);
}

/**
 * The children of {@link renderCompare}'s `<div class="compare">` (the column headings, then
 * rows, tables and folds), one at a time as each is complete: a comparison computed in the
 * browser shows its first screen while the rest is still being diffed.
 */
export function* renderCompareChildren(rows: readonly AlignedRow[], sides: CompareSides): Generator<ElementContent, void, undefined> {
  const foldAfter = sides.foldAfter ?? 4;
  const context: RenderContext = {
    sides,
    tableOf: tableIndex(sides.clauses),
    renumbered: renumberedNumbers(rows),
    columns: new Map(),
    definitions: sides.clauses ? definitionNotes(sides.clauses.old, sides.clauses.new, sides.to) : new Map(),
  };
  const distances = distanceToChange(rows);
  // A section inserted or deleted whole is one step: its clauses are changes the steps pass over.
  const { steps: changes, sections } = changeSteps(rows);
  const changeIndex = new Map<AlignedRow, number>();
  changes.forEach((row, index) => {
    changeIndex.set(row, index);
  });
  yield h('div', { className: ['cmp-columns'], ariaHidden: 'true' }, [h('div', { className: ['cmp-old'] }, sides.from), h('div', { className: ['cmp-new'] }, sides.to)]);
  let run: Array<{ row: AlignedRow; element: Element }> = [];
  // What a run of unchanged rows becomes once it ends: one fold, or the rows as they are.
  const flush = (): ElementContent[] => {
    const done = run;
    run = [];
    if (done.length < foldAfter) return done.map((r) => r.element);
    const first = (done[0]?.row.new ?? done[0]?.row.old) as Clause;
    const last = (done.at(-1)?.row.new ?? done.at(-1)?.row.old) as Clause;
    return [
      element('details', { className: ['cmp-fold'] }, [
        element('summary', {}, [`${done.length} unchanged: ${displayNumber(first)} to ${displayNumber(last)}`]),
        ...done.map((r) => r.element),
      ]),
    ];
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as AlignedRow;
    if (tableKey(row) !== undefined) {
      // A table is compared as one table: its rows stay together, unfolded.
      let end = index + 1;
      while (end < rows.length && tableKey(rows[end] as AlignedRow) === tableKey(row) && rows[end]?.new?.kind !== 'table' && rows[end]?.old?.kind !== 'table') end++;
      yield* flush();
      yield renderMatrix(rows.slice(index, end), index, distances, changeIndex, context);
      index = end - 1;
      continue;
    }
    const at = changeIndex.get(row);
    const step = at === undefined ? undefined : { previous: changes[at - 1], next: changes[at + 1], index: at, total: changes.length };
    const distance = distances[index] as number;
    const element = renderRow(row, context, step, distance, sections.get(row)?.length);
    if (at === undefined && distance > MAX_CONTEXT) {
      run.push({ row, element });
    } else {
      yield* flush();
      yield element;
    }
  }
  yield* flush();
}

/**
 * The table a row of a comparison belongs to (its own slug for the table's header, the table's
 * for a data row), or undefined when the row is not part of a table or is a split or merge.
 */
function tableKey(row: AlignedRow): string | undefined {
  if (olds(row).length > 1 || news(row).length > 1) return undefined;
  const clause = (row.new ?? row.old) as Clause;
  if (clause.kind === 'table') return clause.slug;
  if (clause.kind === 'row') return clause.table ?? '';
  return undefined;
}

/** Attributes shared by a comparison row, whether a grid row or a table row. */
function rowProperties(row: AlignedRow, change: boolean, distance: number, step = change) {
  const before = olds(row);
  const after = news(row);
  return {
    id: rowId(row),
    dataChange: row.kind,
    dataFrom: before.length > 0 ? before.map((c) => c.slug).join(' ') : undefined,
    dataTo: after.length > 0 ? after.map((c) => c.slug).join(' ') : undefined,
    dataReworded: row.old && row.new && row.reworded && row.kind !== 'modified' ? 'true' : undefined,
    dataConsequential: row.consequential ? 'true' : undefined,
    dataDistance: change ? undefined : distance > MAX_CONTEXT ? 'far' : String(distance),
    // Only steps are stepped to: the clauses of a section inserted whole are passed over.
    dataNav: step ? '' : undefined,
    tabIndex: change ? -1 : undefined,
  };
}

/**
 * A table compared as one table: its header once (sticky), then one row per aligned row, each
 * changed cell marked inside the cell (deleted words struck through, inserted ones underlined),
 * added and removed rows marked as a whole and labelled. On a narrow screen compare.css turns
 * each row into a card of "column: old → new". Inserted and deleted columns are marked on
 * every row.
 */
function renderMatrix(group: readonly AlignedRow[], start: number, distances: readonly number[], changeIndex: ReadonlyMap<AlignedRow, number>, context: RenderContext): Element {
  const head = group[0] as AlignedRow;
  const headIsTable = (head.new ?? head.old)?.kind === 'table';
  const slug = tableKey(head) ?? '';
  const oldTable = headIsTable && head.old ? head.old : context.tableOf('old', slug);
  const newTable = headIsTable && head.new ? head.new : context.tableOf('new', slug);
  const oldHeads = cellsOf(oldTable?.content ?? []);
  const newHeads = cellsOf(newTable?.content ?? []);
  const key = `${oldTable?.slug ?? ''}\u0000${newTable?.slug ?? ''}`;
  let columns = context.columns.get(key);
  if (!columns) {
    columns =
      oldTable && newTable
        ? alignColumns(headerTexts(oldHeads), headerTexts(newHeads))
        : Array.from({ length: Math.max(oldHeads.length, newHeads.length) }, (_, k) => ({ old: k, new: k }));
    context.columns.set(key, columns);
  }
  const options: WordDiffOptions = { renumbered: context.renumbered };
  const labels = columns.map((column) => {
    const cell = column.new !== null ? newHeads[column.new] : column.old !== null ? oldHeads[column.old] : undefined;
    return cell ? toText(cell).trim() : '';
  });
  const headCells = columns.map((column, k) => {
    const oh = column.old === null ? undefined : oldHeads[column.old];
    const nh = column.new === null ? undefined : newHeads[column.new];
    if (oh && nh) {
      const diff = wordDiff(oh.children, nh.children, options);
      return h('th', { scope: 'col', className: diff.changed ? ['cell-changed'] : undefined }, diff.new);
    }
    if (oh) return h('th', { scope: 'col', className: ['col-deleted'] }, [h('del', { className: ['whole'] }, oh.children)]);
    return h('th', { scope: 'col', className: ['col-inserted'] }, [h('ins', { className: ['whole'] }, nh?.children ?? [h('span', labels[k] ?? '')])]);
  });
  const properties = (row: AlignedRow, offset: number) => {
    const change = isChange(row);
    return {
      ...rowProperties(row, change, distances[start + offset] as number, changeIndex.has(row)),
      className: ['cmp-row', change ? 'cmp-change' : '', `row-${row.kind}`].filter(Boolean),
      ariaLabel: `${capitalise(clauseName((row.new ?? row.old) as Clause))}: ${changeNote(row) ?? LABELS[row.kind]}`,
    };
  };
  const headRow = h('tr', headIsTable ? properties(head, 0) : {}, headCells);
  const body = group.slice(headIsTable ? 1 : 0).map((row, k) => {
    const offset = k + (headIsTable ? 1 : 0);
    const oldCells = row.old ? cellsOf(row.old.content) : [];
    const newCells = row.new ? cellsOf(row.new.content) : [];
    const defined = row.old && row.new ? context.definitions.get(row.new.slug) : undefined;
    const note = [changeNote(row) ?? (row.kind === 'inserted' ? 'added' : row.kind === 'deleted' ? 'removed' : undefined), defined].filter(Boolean).join('; ') || undefined;
    const cells = columns.map((column, c) => {
      const oc = column.old === null ? undefined : oldCells[column.old];
      const nc = column.new === null ? undefined : newCells[column.new];
      const label = labels[c] ?? '';
      let content: ElementContent[];
      let className: string[] = [];
      if (row.old && row.new && column.old !== null && column.new !== null) {
        const diff = wordDiff(oc?.children ?? [], nc?.children ?? [], options);
        content = diff.new;
        if (diff.changed) className = ['cell-changed'];
      } else if (!row.new || column.new === null) {
        content = oc ? [h('del', { className: ['whole'] }, oc.children)] : [];
        className = column.new === null ? ['col-deleted'] : [];
      } else {
        content = nc ? [h('ins', { className: ['whole'] }, nc.children)] : [];
        className = column.old === null ? ['col-inserted'] : [];
      }
      if (c === 0 && note) content = [h('span', { className: ['cmp-badge'] }, note), { type: 'text', value: ' ' }, ...content];
      return h('td', { dataLabel: label, className: className.length > 0 ? className : undefined }, content);
    });
    return h('tr', properties(row, offset), cells);
  });
  const name = newTable ?? oldTable;
  const caption = `${name ? capitalise(clauseName(name)) : 'Table'}, ${context.sides.from} compared with ${context.sides.to}`;
  return h('div', { className: ['cmp-matrix-wrap'] }, [
    h('table', { className: ['cmp-matrix'] }, [h('caption', { className: ['visually-hidden'] }, caption), h('thead', [headRow]), h('tbody', body)]),
  ]);
}

/** For each row, how many rows away the nearest change is (0 for a change). */
function distanceToChange(rows: readonly AlignedRow[]): number[] {
  const distances = rows.map((row) => (isChange(row) ? 0 : Number.POSITIVE_INFINITY));
  for (let k = 1; k < distances.length; k++) distances[k] = Math.min(distances[k] as number, (distances[k - 1] as number) + 1);
  for (let k = distances.length - 2; k >= 0; k--) distances[k] = Math.min(distances[k] as number, (distances[k + 1] as number) + 1);
  return distances;
}

interface RenderContext {
  sides: CompareSides;
  tableOf: (side: 'old' | 'new', slug: string) => Clause | undefined;
  renumbered: ReadonlyMap<string, string>;
  /** Column alignment per pair of tables, computed once. */
  columns: Map<string, AlignedColumn[]>;
  /** Notes for defining clauses whose definitions changed, by new slug. */
  definitions: ReadonlyMap<string, string>;
}

interface Step {
  previous: AlignedRow | undefined;
  next: AlignedRow | undefined;
  index: number;
  total: number;
}

/** `sectionSize`: for the heading of a section inserted or deleted whole, the number of clauses in it. */
function renderRow(row: AlignedRow, context: RenderContext, step: Step | undefined, distance: number, sectionSize?: number): Element {
  const name = clauseName((row.new ?? row.old) as Clause);
  const { sides } = context;
  const before = olds(row);
  const after = news(row);
  let oldContent: ElementContent[] = [];
  let newContent: ElementContent[] = [];
  if (row.old && row.new && (row.old.kind === 'row' || row.old.kind === 'table') && before.length === 1 && after.length === 1) {
    const diff = tableDiff(row.old, row.new, context);
    oldContent = diff.old;
    newContent = diff.new;
  } else if (before.length > 0 && after.length > 0) {
    const oldBody = pieces(before, 'old', context);
    const newBody = pieces(after, 'new', context);
    if (row.reworded || row.consequential || before.length > 1 || after.length > 1) {
      const options: WordDiffOptions = { renumbered: context.renumbered };
      const diff = wordDiff(oldBody, newBody, options);
      oldContent = labelPieces(diff.old, before);
      newContent = labelPieces(diff.new, after);
    } else {
      oldContent = labelPieces(oldBody, before);
      newContent = labelPieces(newBody, after);
    }
  } else if (row.old) {
    oldContent = [element('del', { className: ['whole'] }, body(row.old, 'old', context))];
  } else if (row.new) {
    newContent = [element('ins', { className: ['whole'] }, body(row.new, 'new', context))];
  }
  const whole = sectionSize === undefined ? undefined : `whole section ${row.kind}, ${sectionSize} clause${sectionSize === 1 ? '' : 's'}`;
  const note = [changeNote(row), whole].filter(Boolean).join('; ') || undefined;
  const defined = row.old && row.new ? context.definitions.get(row.new.slug) : undefined;
  const shown = [note, defined].filter(Boolean).join('; ') || undefined;
  const change = isChange(row);
  return element(
    'div',
    {
      className: ['cmp-row', change ? 'cmp-change' : ''].filter(Boolean),
      ...rowProperties(row, change, distance, step !== undefined),
      role: 'group',
      ariaLabel: `${capitalise(name)}: ${note ?? LABELS[row.kind]}`,
    },
    [
      cell('old', before, sides.pages ? linkFragmentsToVersion(oldContent, sides.pages.old) : oldContent, sides.from),
      cell('new', after, sides.pages ? linkFragmentsToVersion(newContent, sides.pages.new) : newContent, sides.to),
      ...(shown ? [element('p', { className: ['cmp-note'] }, [shown])] : []),
      ...(step ? [stepLinks(step)] : []),
    ],
  );
}

/** Plain links to the neighbouring changes, so change navigation works without JavaScript. */
function stepLinks(step: Step): Element {
  return element('p', { className: ['cmp-step'] }, [
    element('span', { className: ['cmp-step-count'] }, [`Change ${step.index + 1} of ${step.total}`]),
    ...(step.previous ? [' ', element('a', { href: `#${rowId(step.previous)}`, rel: ['prev'] }, ['Previous change'])] : []),
    ...(step.next ? [' ', element('a', { href: `#${rowId(step.next)}`, rel: ['next'] }, ['Next change'])] : []),
  ]);
}

/**
 * The bodies of one or more clauses for diffing: a single clause as is; several (the parts of
 * a split or merge) each in a `div.cmp-piece`, so the diff runs over their joined text and
 * each part gets its label back afterwards.
 */
function pieces(clauses: readonly Clause[], side: 'old' | 'new', context: RenderContext): ElementContent[] {
  if (clauses.length === 1) return body(clauses[0] as Clause, side, context);
  return clauses.map((clause, index) => element('div', { className: ['cmp-piece'], dataPiece: String(index) }, body(clause, side, context)));
}

function labelPieces(content: ElementContent[], clauses: readonly Clause[]): ElementContent[] {
  if (clauses.length === 1) return content;
  return content.map((node) => {
    if (node.type !== 'element' || node.properties.dataPiece === undefined) return node;
    const clause = clauses[Number(node.properties.dataPiece)];
    const { dataPiece: _, ...properties } = node.properties;
    const label: ElementContent[] = clause?.label ? [element('span', { className: ['cmp-label'] }, [clause.label]), { type: 'text', value: ' ' }] : [];
    return { ...node, properties, children: [...label, ...node.children] };
  });
}

function cell(side: 'old' | 'new', clauses: readonly Clause[], content: ElementContent[], version: string): Element {
  const sideLabel = element('span', { className: ['visually-hidden', 'cmp-side'] }, [`${version}: `]);
  const clause = clauses[0];
  if (!clause) {
    return element('div', { className: [`cmp-${side}`, 'cmp-cell', 'cmp-empty'] }, [sideLabel, element('span', { className: ['cmp-absent'] }, [`not in ${version}`])]);
  }
  if (clauses.length > 1) {
    return element('div', { className: [`cmp-${side}`, 'cmp-cell', `depth-${Math.min(clause.depth, 5)}`, `kind-${clause.kind}`, 'cmp-pieces'] }, [sideLabel, ...content]);
  }
  const label = clause.kind === 'row' ? undefined : clause.label;
  const wrapper = clause.kind === 'heading' ? 'strong' : 'div';
  return element('div', { className: [`cmp-${side}`, 'cmp-cell', `depth-${Math.min(clause.depth, 5)}`, `kind-${clause.kind}`] }, [
    sideLabel,
    ...(label ? [element('span', { className: ['cmp-label'] }, [label]), ' '] : []),
    element(wrapper, { className: ['cmp-body'] }, content),
  ]);
}

/** A table or table row compared cell by cell, along columns aligned by their headers. */
function tableDiff(before: Clause, after: Clause, context: RenderContext): { old: ElementContent[]; new: ElementContent[] } {
  const oldTable = before.kind === 'table' ? before : before.table ? context.tableOf('old', before.table) : undefined;
  const newTable = after.kind === 'table' ? after : after.table ? context.tableOf('new', after.table) : undefined;
  const oldHeaders = oldTable?.content ?? [];
  const newHeaders = newTable?.content ?? [];
  const key = `${oldTable?.slug ?? ''}\u0000${newTable?.slug ?? ''}`;
  let columns = context.columns.get(key);
  if (!columns) {
    const width = Math.max(headerTexts(before.content).length, headerTexts(after.content).length);
    columns = oldTable && newTable ? alignColumns(headerTexts(oldHeaders), headerTexts(newHeaders)) : Array.from({ length: width }, (_, k) => ({ old: k, new: k }));
    context.columns.set(key, columns);
  }
  const row = before.kind === 'row' ? { old: before.content, new: after.content } : undefined;
  const headers = before.kind === 'row' ? { old: oldHeaders, new: newHeaders } : { old: before.content, new: after.content };
  return diffTableRow(columns, headers, row, { renumbered: context.renumbered });
}

/** A clause's content as shown in a comparison; a table row becomes a one-row table under its headings. */
function body(clause: Clause, side: 'old' | 'new', context: RenderContext): ElementContent[] {
  if (clause.kind === 'table') {
    return [h('table', { className: ['cmp-table'] }, [h('thead', [h('tr', clause.content.map(toHeader))])])];
  }
  if (clause.kind !== 'row') return clause.content;
  const table = clause.table ? context.tableOf(side, clause.table) : undefined;
  return [h('table', { className: ['cmp-table'] }, [...(table ? [h('thead', [h('tr', table.content.map(toHeader))])] : []), h('tbody', [h('tr', clause.content)])])];
}

function toHeader(cell: ElementContent): ElementContent {
  return cell.type === 'element' ? { ...cell, tagName: 'th', properties: { ...cell.properties, scope: 'col' } } : cell;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Looks up the tables of either version by slug, so that each row can show its column headings. */
function tableIndex(clauses: CompareSides['clauses']): RenderContext['tableOf'] {
  const index = { old: new Map<string, Clause>(), new: new Map<string, Clause>() };
  for (const side of ['old', 'new'] as const) {
    for (const clause of clauses?.[side] ?? []) if (clause.kind === 'table') index[side].set(clause.slug, clause);
  }
  return (side, slug) => index[side].get(slug);
}
