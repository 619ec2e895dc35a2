import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { renumberedNumbers, type AlignedRow, type ChangeKind } from './align-clauses.ts';
import type { Clause } from './clause.ts';
import { clauseName } from './render-version.ts';
import { alignColumns, diffTableRow, headerTexts, type AlignedColumn } from './table-diff.ts';
import { wordDiff, type WordDiffOptions } from './word-diff.ts';

/** The kinds of change in the order the summary lists them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['modified', 'inserted', 'deleted', 'renumbered', 'moved', 'split', 'merged', 'unchanged'];

/** Unchanged rows kept beside each change at most (the "changes only" views show 0, 1 or 3). */
export const MAX_CONTEXT = 3;

/** How many rows of each kind a comparison has. */
export function countChanges(rows: readonly AlignedRow[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const row of rows) counts[row.kind]++;
  return counts;
}

/**
 * Whether a row is a change to navigate to: any kind but unchanged, and an unchanged clause
 * whose cross-references were updated (a consequential change, shown but not counted as a
 * rewording).
 */
export function isChange(row: AlignedRow): boolean {
  return row.kind !== 'unchanged' || row.consequential === true;
}

/** The anchor of a comparison row: `c-4.10`, or `c-del-3.9` for a deleted clause. */
export function rowId(row: AlignedRow): string {
  return row.new ? `c-${row.new.slug}` : `c-del-${row.old?.slug ?? ''}`;
}

/** Labels for the two sides, e.g. `v5.0` and `v6.0`. */
export interface CompareSides {
  from: string;
  to: string;
  /** Looks up a table clause by slug in the old or new version, to give rows their column headings. */
  tableOf?: (side: 'old' | 'new', slug: string) => Clause | undefined;
  /** Runs of at least this many unchanged rows beyond the context of a change are folded. */
  foldAfter?: number;
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
  const items = CHANGE_KINDS.filter((kind) => kind !== 'unchanged').map((kind) =>
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

/** How a clause is named in short lists: its number, else its label, else its first words ("table" for a table). */
export function displayNumber(clause: Clause): string {
  if (clause.kind === 'table') return clause.number ?? 'table';
  return clause.number ?? clause.label ?? clause.text.slice(0, 24);
}

function olds(row: AlignedRow): Clause[] {
  return row.olds ?? (row.old ? [row.old] : []);
}

function news(row: AlignedRow): Clause[] {
  return row.news ?? (row.new ? [row.new] : []);
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
  const changes = rows.filter(isChange);
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
  const foldAfter = sides.foldAfter ?? 4;
  const context: RenderContext = { sides, renumbered: renumberedNumbers(rows), columns: new Map() };
  const distances = distanceToChange(rows);
  const changeIndex = new Map<AlignedRow, number>();
  rows.filter(isChange).forEach((row, index) => changeIndex.set(row, index));
  const changes = rows.filter(isChange);
  const children: ElementContent[] = [
    h('div', { className: ['cmp-columns'], ariaHidden: 'true' }, [
      h('div', { className: ['cmp-old'] }, sides.from),
      h('div', { className: ['cmp-new'] }, sides.to),
    ]),
  ];
  let run: Array<{ row: AlignedRow; element: Element }> = [];
  const flush = () => {
    if (run.length >= foldAfter) {
      const first = (run[0]?.row.new ?? run[0]?.row.old) as Clause;
      const last = (run.at(-1)?.row.new ?? run.at(-1)?.row.old) as Clause;
      children.push(
        h('details', { className: ['cmp-fold'] }, [
          h('summary', `${run.length} unchanged: ${displayNumber(first)} to ${displayNumber(last)}`),
          ...run.map((r) => r.element),
        ]),
      );
    } else {
      children.push(...run.map((r) => r.element));
    }
    run = [];
  };
  rows.forEach((row, index) => {
    const at = changeIndex.get(row);
    const step = at === undefined ? undefined : { previous: changes[at - 1], next: changes[at + 1], index: at, total: changes.length };
    const distance = distances[index] as number;
    const element = renderRow(row, context, step, distance);
    if (at === undefined && distance > MAX_CONTEXT) {
      run.push({ row, element });
    } else {
      flush();
      children.push(element);
    }
  });
  flush();
  return h('div', { className: ['compare'] }, children);
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
  renumbered: ReadonlyMap<string, string>;
  /** Column alignment per pair of tables, computed once. */
  columns: Map<string, AlignedColumn[]>;
}

interface Step {
  previous: AlignedRow | undefined;
  next: AlignedRow | undefined;
  index: number;
  total: number;
}

function renderRow(row: AlignedRow, context: RenderContext, step: Step | undefined, distance: number): Element {
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
    oldContent = [h('del', { className: ['whole'] }, body(row.old, 'old', sides))];
  } else if (row.new) {
    newContent = [h('ins', { className: ['whole'] }, body(row.new, 'new', sides))];
  }
  const note = changeNote(row);
  const change = step !== undefined;
  return h(
    'div',
    {
      className: ['cmp-row', change ? 'cmp-change' : ''].filter(Boolean),
      id: rowId(row),
      dataChange: row.kind,
      dataFrom: before.length > 0 ? before.map((c) => c.slug).join(' ') : undefined,
      dataTo: after.length > 0 ? after.map((c) => c.slug).join(' ') : undefined,
      dataReworded: row.old && row.new && row.reworded && row.kind !== 'modified' ? 'true' : undefined,
      dataConsequential: row.consequential ? 'true' : undefined,
      dataDistance: change ? undefined : distance > MAX_CONTEXT ? 'far' : String(distance),
      dataNav: change ? '' : undefined,
      tabIndex: change ? -1 : undefined,
      role: 'group',
      ariaLabel: `${capitalise(name)}: ${note ?? LABELS[row.kind]}`,
    },
    [
      cell('old', before, oldContent, sides.from),
      cell('new', after, newContent, sides.to),
      ...(note ? [h('p', { className: ['cmp-note'] }, note)] : []),
      ...(step ? [stepLinks(step)] : []),
    ],
  );
}

/** Plain links to the neighbouring changes, so change navigation works without JavaScript. */
function stepLinks(step: Step): Element {
  return h('p', { className: ['cmp-step'] }, [
    h('span', { className: ['cmp-step-count'] }, `Change ${step.index + 1} of ${step.total}`),
    ...(step.previous ? [' ', h('a', { href: `#${rowId(step.previous)}`, rel: 'prev' }, 'Previous change')] : []),
    ...(step.next ? [' ', h('a', { href: `#${rowId(step.next)}`, rel: 'next' }, 'Next change')] : []),
  ]);
}

/**
 * What the row says besides the kind: where a clause came from ("renumbered from 4.41",
 * "moved from Section 3 (was 3.4)", "split from 2.3", "merged from 2.3 and 2.4"), whether it
 * was also reworded, and whether cross-references changed only to follow renumbering.
 */
export function changeNote(row: AlignedRow): string | undefined {
  if (!row.old || !row.new) return undefined;
  const from = numberOf(row.old);
  const parts: string[] = [];
  if (row.kind === 'renumbered') parts.push(`renumbered from ${from}`);
  if (row.kind === 'moved') {
    const section = row.old.path.at(-1);
    parts.push(section ? `moved from ${sectionName(section)} (was ${from})` : `moved from ${from}`);
  }
  if (row.kind === 'split') parts.push(`split from ${from}`);
  if (row.kind === 'merged') parts.push(`merged from ${joinAnd(olds(row).map(numberOf))}`);
  if (row.reworded && parts.length > 0) parts.push('and reworded');
  if (row.consequential) parts.push(parts.length > 0 ? 'with consequential changes' : 'consequential changes only');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function numberOf(clause: Clause): string {
  return clause.number ?? clause.label ?? clause.slug;
}

/** "3 Migration" → "Section 3"; an unnumbered heading by its title. */
function sectionName(path: string): string {
  const number = /^(\S+)\s/.exec(path)?.[1];
  return number && /\d|^[A-Z]\.?$/.test(number) ? `Section ${number.replace(/\.$/, '')}` : `“${path}”`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The bodies of one or more clauses for diffing: a single clause as is; several (the parts of
 * a split or merge) each in a `div.cmp-piece`, so the diff runs over their joined text and
 * each part gets its label back afterwards.
 */
function pieces(clauses: readonly Clause[], side: 'old' | 'new', context: RenderContext): ElementContent[] {
  if (clauses.length === 1) return body(clauses[0] as Clause, side, context.sides);
  return clauses.map((clause, index) => h('div', { className: ['cmp-piece'], dataPiece: String(index) }, body(clause, side, context.sides)));
}

function labelPieces(content: ElementContent[], clauses: readonly Clause[]): ElementContent[] {
  if (clauses.length === 1) return content;
  return content.map((node) => {
    if (node.type !== 'element' || node.properties.dataPiece === undefined) return node;
    const clause = clauses[Number(node.properties.dataPiece)];
    const { dataPiece: _, ...properties } = node.properties;
    const label: ElementContent[] = clause?.label ? [h('span', { className: ['cmp-label'] }, clause.label), { type: 'text', value: ' ' }] : [];
    return { ...node, properties, children: [...label, ...node.children] };
  });
}

function cell(side: 'old' | 'new', clauses: readonly Clause[], content: ElementContent[], version: string): Element {
  const sideLabel = h('span', { className: ['visually-hidden'] }, `${version}: `);
  const clause = clauses[0];
  if (!clause) {
    return h('div', { className: [`cmp-${side}`, 'cmp-cell', 'cmp-empty'] }, [
      sideLabel,
      h('span', { className: ['cmp-absent'] }, `not in ${version}`),
    ]);
  }
  if (clauses.length > 1) {
    return h('div', { className: [`cmp-${side}`, 'cmp-cell', `depth-${Math.min(clause.depth, 5)}`, `kind-${clause.kind}`, 'cmp-pieces'] }, [sideLabel, ...content]);
  }
  const label = clause.kind === 'row' ? undefined : clause.label;
  const wrapper = clause.kind === 'heading' ? 'strong' : 'div';
  return h('div', { className: [`cmp-${side}`, 'cmp-cell', `depth-${Math.min(clause.depth, 5)}`, `kind-${clause.kind}`] }, [
    sideLabel,
    ...(label ? [h('span', { className: ['cmp-label'] }, label), ' '] : []),
    h(wrapper, { className: ['cmp-body'] }, content),
  ]);
}

/** A table or table row compared cell by cell, along columns aligned by their headers. */
function tableDiff(before: Clause, after: Clause, context: RenderContext): { old: ElementContent[]; new: ElementContent[] } {
  const oldTable = before.kind === 'table' ? before : before.table ? context.sides.tableOf?.('old', before.table) : undefined;
  const newTable = after.kind === 'table' ? after : after.table ? context.sides.tableOf?.('new', after.table) : undefined;
  const oldHeaders = oldTable?.content ?? [];
  const newHeaders = newTable?.content ?? [];
  const key = `${oldTable?.slug ?? ''}\u0000${newTable?.slug ?? ''}`;
  let columns = context.columns.get(key);
  if (!columns) {
    const width = Math.max(headerTexts(before.content).length, headerTexts(after.content).length);
    columns =
      oldTable && newTable
        ? alignColumns(headerTexts(oldHeaders), headerTexts(newHeaders))
        : Array.from({ length: width }, (_, k) => ({ old: k, new: k }));
    context.columns.set(key, columns);
  }
  const row = before.kind === 'row' ? { old: before.content, new: after.content } : undefined;
  const headers = before.kind === 'row' ? { old: oldHeaders, new: newHeaders } : { old: before.content, new: after.content };
  return diffTableRow(columns, headers, row, { renumbered: context.renumbered });
}

/** A clause's content as shown in a comparison; a table row becomes a one-row table under its headings. */
function body(clause: Clause, side: 'old' | 'new', sides: CompareSides): ElementContent[] {
  if (clause.kind === 'table') {
    return [h('table', { className: ['cmp-table'] }, [h('thead', [h('tr', clause.content.map(toHeader))])])];
  }
  if (clause.kind !== 'row') return clause.content;
  const table = clause.table ? sides.tableOf?.(side, clause.table) : undefined;
  return [
    h('table', { className: ['cmp-table'] }, [
      ...(table ? [h('thead', [h('tr', table.content.map(toHeader))])] : []),
      h('tbody', [h('tr', clause.content)]),
    ]),
  ];
}

function toHeader(cell: ElementContent): ElementContent {
  return cell.type === 'element' ? { ...cell, tagName: 'th', properties: { ...cell.properties, scope: 'col' } } : cell;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
