import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { AlignedRow, ChangeKind } from './align-clauses.ts';
import type { Clause } from './clause.ts';
import { clauseName } from './render-version.ts';
import { wordDiff } from './word-diff.ts';

/** The kinds of change in the order the summary lists them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['modified', 'inserted', 'deleted', 'renumbered', 'moved', 'unchanged'];

/** How many rows of each kind a comparison has. */
export function countChanges(rows: readonly AlignedRow[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const row of rows) counts[row.kind]++;
  return counts;
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
  /** Runs of at least this many unchanged rows are folded. */
  foldAfter?: number;
}

const LABELS: Record<ChangeKind, string> = {
  unchanged: 'unchanged',
  modified: 'modified',
  inserted: 'inserted',
  deleted: 'deleted',
  renumbered: 'renumbered',
  moved: 'moved',
};

/** The summary of a comparison: counts by kind, each change linked to its row. */
export function renderSummary(rows: readonly AlignedRow[]): Element {
  const counts = countChanges(rows);
  const items = CHANGE_KINDS.filter((kind) => kind !== 'unchanged').map((kind) => {
    const changed = rows.filter((row) => row.kind === kind);
    return h('li', { dataKind: kind }, [
      h('span', { className: ['count'], dataCount: kind }, String(counts[kind])),
      ` ${LABELS[kind]}`,
      ...(changed.length > 0
        ? [': ', ...changed.flatMap((row, index) => [...(index > 0 ? [', '] : []), h('a', { href: `#${rowId(row)}` }, shortLabel(row))])]
        : []),
    ]);
  });
  return h('nav', { className: ['cmp-summary'], ariaLabel: 'Summary of changes' }, [
    h('ul', items),
    h('p', { className: ['cmp-unchanged'] }, `${counts.unchanged} unchanged`),
  ]);
}

/** How a clause is named in short lists: its number, else its label, else its first words. */
export function displayNumber(clause: Clause): string {
  return clause.number ?? clause.label ?? clause.text.slice(0, 24);
}

function shortLabel(row: AlignedRow): string {
  const name = displayNumber((row.new ?? row.old) as Clause);
  if ((row.kind === 'renumbered' || row.kind === 'moved') && row.old) return `${displayNumber(row.old)} → ${name}`;
  return name;
}

/**
 * Renders the side-by-side comparison: one row per aligned pair, the old clause beside the new,
 * changed words marked in both. The new column also carries the removed words (hidden unless
 * the inline red-line view is chosen), so both views share one document.
 */
export function renderCompare(rows: readonly AlignedRow[], sides: CompareSides): Element {
  const foldAfter = sides.foldAfter ?? 4;
  const children: ElementContent[] = [
    h('div', { className: ['cmp-columns'], ariaHidden: 'true' }, [
      h('div', { className: ['cmp-old'] }, sides.from),
      h('div', { className: ['cmp-new'] }, sides.to),
    ]),
  ];
  let run: Array<{ row: AlignedRow; element: Element }> = [];
  const flush = () => {
    if (run.length >= foldAfter) {
      const first = run[0]?.row.new as Clause;
      const last = run.at(-1)?.row.new as Clause;
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
  for (const row of rows) {
    const element = renderRow(row, sides);
    if (row.kind === 'unchanged') {
      run.push({ row, element });
    } else {
      flush();
      children.push(element);
    }
  }
  flush();
  return h('div', { className: ['compare'] }, children);
}

function renderRow(row: AlignedRow, sides: CompareSides): Element {
  const name = clauseName((row.new ?? row.old) as Clause);
  let oldContent: ElementContent[] = [];
  let newContent: ElementContent[] = [];
  if (row.old && row.new) {
    if (row.reworded) {
      const diff = wordDiff(body(row.old, 'old', sides), body(row.new, 'new', sides));
      oldContent = diff.old;
      newContent = diff.new;
    } else {
      oldContent = body(row.old, 'old', sides);
      newContent = body(row.new, 'new', sides);
    }
  } else if (row.old) {
    oldContent = [h('del', { className: ['whole'] }, body(row.old, 'old', sides))];
  } else if (row.new) {
    newContent = [h('ins', { className: ['whole'] }, body(row.new, 'new', sides))];
  }
  const note = changeNote(row);
  return h(
    'div',
    {
      className: ['cmp-row', row.kind === 'unchanged' ? '' : 'cmp-change'].filter(Boolean),
      id: rowId(row),
      dataChange: row.kind,
      dataFrom: row.old?.slug,
      dataTo: row.new?.slug,
      dataReworded: row.old && row.new && row.reworded && row.kind !== 'modified' ? 'true' : undefined,
      role: 'group',
      ariaLabel: `${capitalise(name)}: ${note ?? LABELS[row.kind]}`,
    },
    [
      cell('old', row.old, oldContent, sides.from),
      cell('new', row.new, newContent, sides.to),
      ...(note ? [h('p', { className: ['cmp-note'] }, note)] : []),
    ],
  );
}

function changeNote(row: AlignedRow): string | undefined {
  if (!row.old || !row.new) return undefined;
  const from = row.old.number ?? row.old.label ?? row.old.slug;
  const parts: string[] = [];
  if (row.kind === 'renumbered') parts.push(`renumbered from ${from}`);
  if (row.kind === 'moved') {
    const section = row.old.path[0];
    parts.push(`moved from ${from}${section ? ` (${section})` : ''}`);
  }
  if (parts.length > 0 && row.reworded) parts.push('and reworded');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function cell(side: 'old' | 'new', clause: Clause | undefined, content: ElementContent[], version: string): Element {
  const sideLabel = h('span', { className: ['visually-hidden'] }, `${version}: `);
  if (!clause) {
    return h('div', { className: [`cmp-${side}`, 'cmp-cell', 'cmp-empty'] }, [
      sideLabel,
      h('span', { className: ['cmp-absent'] }, `not in ${version}`),
    ]);
  }
  const label = clause.kind === 'row' ? undefined : clause.label;
  const wrapper = clause.kind === 'heading' ? 'strong' : 'div';
  return h('div', { className: [`cmp-${side}`, 'cmp-cell', `depth-${Math.min(clause.depth, 5)}`, `kind-${clause.kind}`] }, [
    sideLabel,
    ...(label ? [h('span', { className: ['cmp-label'] }, label), ' '] : []),
    h(wrapper, { className: ['cmp-body'] }, content),
  ]);
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
