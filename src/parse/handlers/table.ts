import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Table, TableRow } from 'mdast';
import { blocksToHast } from '../blocks-to-hast.ts';
import { slugForText } from '../clause-number.ts';
import { cellsText } from '../clause-text.ts';
import { collapse } from '../whitespace.ts';
import type { ParseState } from '../parse-state.ts';

/**
 * A table is a clause (its header row) followed by one clause per row, each keyed by its first
 * cell: `<heading>-table-<first cell>`.
 */
export function table(state: ParseState, node: Table): void {
  state.current = undefined;
  const parent = state.heading();
  const slug = state.tableSlug();
  const rendered = blocksToHast([...state.definitions, node]).find((child): child is Element => child.type === 'element' && child.tagName === 'table');
  const rows = rendered ? tableRows(rendered) : [];
  const header = rows[0];
  const fields = state.fields(node, { slug, kind: 'table', parent: parent?.slug ?? null });
  state.register(fields, null);
  fields.end = state.point(node.children[0]?.position?.end);
  state.push({
    fields,
    blocks: [],
    text: header ? cellsText(header.children) : '',
    content: header ? header.children.filter((c) => c.type === 'element') : [],
  });
  for (const [index, row] of node.children.slice(1).entries()) tableRow(state, slug, row, rows[index + 1], index);
}

/** One body row, keyed by its first cell, which must be unique within the table. */
function tableRow(state: ParseState, slug: string, row: TableRow, tr: Element | undefined, index: number): void {
  const cells = tr ? tr.children.filter((c): c is Element => c.type === 'element') : [];
  const keyText = cells[0] ? collapse(toText(cells[0])) : '';
  const fields = state.fields(row, {
    slug: `${slug}-${slugForText(keyText || `row-${index + 1}`)}`,
    kind: 'row',
    label: keyText || null,
    parent: slug,
    depth: 0,
    table: slug,
  });
  const first = state.bySlug.get(fields.slug);
  state.register(fields, null);
  if (!keyText) {
    state.problem(fields.start, 'warning', 'table row has an empty first cell', 'the first column keys each row: give it a unique value');
  } else if (first) {
    state.problem(
      fields.start,
      'warning',
      `duplicate table row "${keyText}" (lines ${first.start.line} and ${fields.start.line}): this one is anchored #${fields.slug}`,
      'the first column keys each row: make it unique within the table so each row keeps its own anchor',
    );
  }
  state.push({ fields, blocks: [], text: tr ? cellsText(tr.children) : '', content: cells });
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const section of table.children) {
    if (section.type !== 'element') continue;
    if (section.tagName === 'tr') rows.push(section);
    else for (const row of section.children) if (row.type === 'element' && row.tagName === 'tr') rows.push(row);
  }
  return rows;
}
