import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Clause } from './clause.ts';

/**
 * A clause and the sub-paragraphs under it, in document order: what a citation of the clause
 * quotes. A heading stands alone (its section is the rest of the version); a table row comes
 * with nothing else.
 */
export function clauseWithParts(clauses: readonly Clause[], slug: string): Clause[] {
  const index = clauses.findIndex((c) => c.slug === slug);
  if (index === -1) return [];
  const clause = clauses[index] as Clause;
  if (clause.kind === 'heading' || clause.kind === 'row' || clause.kind === 'table') return [clause];
  const within = new Set([clause.slug]);
  const parts = [clause];
  for (const next of clauses.slice(index + 1)) {
    if (next.kind === 'heading' || next.parent === null || !within.has(next.parent)) break;
    within.add(next.slug);
    parts.push(next);
  }
  return parts;
}

/**
 * The quoted text of a clause for its citation page, without anchors or controls (the page is
 * about one clause; the full text has the anchors). A row is shown under its table's headings.
 */
export function renderClauseQuote(parts: readonly Clause[], table?: Clause): Element {
  const [first] = parts;
  const children: ElementContent[] = [];
  if (first?.kind === 'row') {
    children.push(
      h('table', { className: ['clause-table'] }, [
        ...(table ? [h('thead', [h('tr', table.content.map(toHeader))])] : []),
        h('tbody', [h('tr', first.content)]),
      ]),
    );
  } else if (first?.kind === 'heading') {
    children.push(h('p', { className: ['quote-heading'] }, [...(first.label ? [h('strong', first.label), ' '] : []), ...first.content]));
  } else {
    const depth = first?.depth ?? 0;
    for (const part of parts) {
      children.push(
        h('div', { className: ['quote-part', `depth-${Math.min(Math.max(part.depth - depth, 0), 3)}`] }, [
          ...(part.label ? [h('span', { className: ['quote-label'] }, part.label), ' '] : []),
          h('div', { className: ['quote-body'] }, part.content),
        ]),
      );
    }
  }
  return h('div', { className: ['clause-quote'] }, children);
}

function toHeader(cell: ElementContent): ElementContent {
  return cell.type === 'element' ? { ...cell, tagName: 'th', properties: { ...cell.properties, scope: 'col' } } : cell;
}
