import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import { wordDiff, type WordDiffOptions } from './word-diff.ts';

/** One column of a compared table: its index in the old table, in the new one, or both. */
export interface AlignedColumn {
  old: number | null;
  new: number | null;
}

/**
 * Aligns the columns of two versions of a table by their header text (case and spacing
 * aside), so an inserted or deleted column is one change rather than a change in every row.
 * Columns left over between two aligned ones are paired by position when as many were
 * removed as added there (a renamed header); the rest are inserted or deleted. Columns come
 * in the new order, a deleted column after the old column it followed.
 */
export function alignColumns(oldHeaders: readonly string[], newHeaders: readonly string[]): AlignedColumn[] {
  const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const oldKeys = oldHeaders.map(key);
  const newKeys = newHeaders.map(key);
  const newToOld = new Array<number | null>(newHeaders.length).fill(null);
  const used = new Set<number>();
  newKeys.forEach((k, j) => {
    const i = oldKeys.findIndex((o, index) => o === k && !used.has(index));
    if (i !== -1) {
      newToOld[j] = i;
      used.add(i);
    }
  });
  // Keep only pairs in order, so a column moved across others reads as deleted and inserted.
  let last = -1;
  newToOld.forEach((i, j) => {
    if (i === null) return;
    if (i < last) {
      used.delete(i);
      newToOld[j] = null;
    } else last = i;
  });
  // Between two aligned columns, as many removed as added: renamed headers.
  let prevOld = -1;
  let prevNew = -1;
  for (let j = 0; j <= newHeaders.length; j++) {
    const i = j < newHeaders.length ? newToOld[j] : oldHeaders.length;
    if (i === null || i === undefined) continue;
    const olds = range(prevOld + 1, i).filter((x) => !used.has(x));
    const news = range(prevNew + 1, j).filter((y) => newToOld[y] === null);
    if (olds.length === news.length) {
      news.forEach((y, k) => {
        newToOld[y] = olds[k] as number;
        used.add(olds[k] as number);
      });
    }
    prevOld = i;
    prevNew = j;
  }
  const deletedAfter = new Map<number, number[]>();
  let anchor = -1;
  const oldToNew = new Map<number, number>();
  newToOld.forEach((i, j) => {
    if (i !== null) oldToNew.set(i, j);
  });
  oldHeaders.forEach((_, i) => {
    const j = oldToNew.get(i);
    if (j !== undefined) anchor = j;
    else deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), i]);
  });
  const columns: AlignedColumn[] = (deletedAfter.get(-1) ?? []).map((i) => ({ old: i, new: null }));
  newToOld.forEach((i, j) => {
    columns.push({ old: i, new: j });
    for (const d of deletedAfter.get(j) ?? []) columns.push({ old: d, new: null });
  });
  return columns;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/** The cells of a table row or header (`td`/`th` elements). */
export function cellsOf(content: readonly ElementContent[]): Element[] {
  return content.filter((c): c is Element => c.type === 'element');
}

/** The text of each header cell, for {@link alignColumns}. */
export function headerTexts(content: readonly ElementContent[]): string[] {
  return cellsOf(content).map((cell) => toText(cell));
}

/** Both sides of a compared table row (or header), each as a one-row table. */
export interface TableRowDiff {
  old: ElementContent[];
  new: ElementContent[];
  changed: boolean;
}

/**
 * Diffs a table row cell by cell along aligned columns, under both tables' headers: changed
 * words in a cell are marked, a deleted column's cells struck through (shown in the new column
 * only in the inline red-line), an inserted column's cells marked inserted. With no row (only
 * headers) the header itself is compared.
 */
export function diffTableRow(
  columns: readonly AlignedColumn[],
  headers: { old: readonly ElementContent[]; new: readonly ElementContent[] },
  row: { old: readonly ElementContent[]; new: readonly ElementContent[] } | undefined,
  options: WordDiffOptions = {},
): TableRowDiff {
  const oldHeads = cellsOf(headers.old);
  const newHeads = cellsOf(headers.new);
  const oldCells = row ? cellsOf(row.old) : [];
  const newCells = row ? cellsOf(row.new) : [];
  let changed = false;
  const oldHead: Element[] = [];
  const newHead: Element[] = [];
  const oldRow: Element[] = [];
  const newRow: Element[] = [];
  const th = (cell: Element | undefined, children: ElementContent[], className?: string[]) =>
    h('th', { scope: 'col', className }, children.length > 0 ? children : (cell?.children ?? []));
  const td = (children: ElementContent[], className?: string[]) => h('td', { className }, children);
  for (const column of columns) {
    const oh = column.old === null ? undefined : oldHeads[column.old];
    const nh = column.new === null ? undefined : newHeads[column.new];
    const oc = column.old === null ? undefined : oldCells[column.old];
    const nc = column.new === null ? undefined : newCells[column.new];
    if (column.old !== null && column.new !== null) {
      const head = wordDiff(oh?.children ?? [], nh?.children ?? [], options);
      oldHead.push(th(oh, head.old));
      newHead.push(th(nh, head.new));
      changed ||= head.changed;
      if (row) {
        const cell = wordDiff(oc?.children ?? [], nc?.children ?? [], options);
        oldRow.push(td(cell.old));
        newRow.push(td(cell.new));
        changed ||= cell.changed;
      }
    } else if (column.old !== null) {
      changed = true;
      const gone = (children: ElementContent[], inline: boolean) => [h('del', { className: inline ? ['diff-inline', 'whole'] : ['whole'] }, children)];
      oldHead.push(th(oh, gone(oh?.children ?? [], false), ['col-deleted']));
      newHead.push(th(oh, gone(oh?.children ?? [], true), ['diff-inline', 'col-deleted']));
      if (row) {
        oldRow.push(td(gone(oc?.children ?? [], false), ['col-deleted']));
        newRow.push(td(gone(oc?.children ?? [], true), ['diff-inline', 'col-deleted']));
      }
    } else {
      changed = true;
      newHead.push(th(nh, [h('ins', { className: ['whole'] }, nh?.children ?? [])], ['col-inserted']));
      if (row) newRow.push(td([h('ins', { className: ['whole'] }, nc?.children ?? [])], ['col-inserted']));
    }
  }
  const table = (head: Element[], body: Element[]): ElementContent[] => [
    h('table', { className: ['cmp-table'] }, [h('thead', [h('tr', head)]), ...(row ? [h('tbody', [h('tr', body)])] : [])]),
  ];
  return { old: table(oldHead, oldRow), new: table(newHead, newRow), changed };
}
