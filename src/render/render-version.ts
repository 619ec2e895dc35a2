import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Clause } from '#model/clause.ts';
import { clauseName } from '#model/clause-name.ts';
import { element as el } from './element.ts';

/** The permalink control beside a clause: a plain link without JavaScript, "copy link" with it. */
function permalink(clause: Clause): Element {
  const name = `Link to ${clauseName(clause)}`;
  return el('a', { className: ['permalink'], href: `#${clause.slug}`, dataCopyLink: '', title: name, ariaLabel: name }, ['¶']);
}

/** The clause label as a link to itself, so the number can be clicked and copied. */
function labelLink(clause: Clause): Element | undefined {
  return clause.label ? el('a', { className: ['clause-label'], href: `#${clause.slug}` }, [clause.label]) : undefined;
}

/** Empty elements carrying the clause's other anchors (its source's own ids), so old links land on it. */
function aliasTargets(clause: Clause): Element[] {
  return (clause.aliases ?? []).map((alias) => el('span', { id: alias, className: ['clause-alias'] }));
}

/** Extra controls a page adds to each clause (e.g. a link to its history). */
export type ClauseTools = (clause: Clause) => ElementContent[];

/**
 * Renders a version's clauses as hast: headings as headings, clauses as blocks with their
 * number, tables as tables whose rows carry their own anchors. Each top-level section is
 * wrapped in a `<section>` so the browser can skip laying out those off screen. `after` adds
 * blocks at the end of a clause or row (e.g. a notice shown when a link lands on it).
 */
export function renderVersion(clauses: readonly Clause[], tools: ClauseTools = () => [], after: ClauseTools = () => []): Element {
  const children: ElementContent[] = [];
  let section: Element | undefined;
  let table: { element: Element; body: Element } | undefined;
  const target = (): ElementContent[] => (section ? section.children : children);

  for (const clause of clauses) {
    if (clause.kind !== 'row') table = undefined;
    if (clause.kind === 'heading' && clause.depth === 0) {
      section = h('section', { className: ['doc-section'], ariaLabelledby: clause.slug }, []);
      children.push(section);
    }
    if (clause.kind === 'heading') {
      target().push(
        el(`h${Math.min(6, Math.max(2, clause.rank ?? 2))}`, { id: clause.slug, className: ['clause', 'clause-heading'] }, [
          ...aliasTargets(clause),
          ...(clause.label ? [labelLink(clause) as Element, ' '] : []),
          ...clause.content,
          ' ',
          ...spaced([permalink(clause), ...tools(clause)]),
        ]),
      );
    } else if (clause.kind === 'table') {
      const body = h('tbody', []);
      const element = h('table', { id: clause.slug, className: ['clause-table'] }, [
        h('thead', [
          h(
            'tr',
            clause.content.map((cell) => asHeaderCell(cell)),
          ),
        ]),
        body,
      ]);
      table = { element, body };
      // Wider than a phone: it scrolls in its own named, focusable box (see TableWrap.astro).
      target().push(h('div', { className: ['table-wrap'], role: 'region', ariaLabel: clauseName(clause), tabIndex: 0 }, [element]));
    } else if (clause.kind === 'row') {
      const cells = clause.content.filter((c): c is Element => c.type === 'element');
      const [first, ...rest] = cells;
      const row = el('tr', { id: clause.slug, className: ['clause-row'] }, [
        ...(first ? [el('th', { scope: 'row' }, [...aliasTargets(clause), ...first.children, ' ', ...spaced([permalink(clause), ...tools(clause)]), ...after(clause)])] : []),
        ...rest,
      ]);
      if (table) table.body.children.push(row);
      else target().push(h('table', { className: ['clause-table'] }, [h('tbody', [row])]));
    } else {
      target().push(
        el('div', { id: clause.slug, className: ['clause', `depth-${Math.min(clause.depth, 5)}`] }, [
          ...aliasTargets(clause),
          ...(clause.label ? [labelLink(clause) as Element] : []),
          el('div', { className: ['clause-body'] }, clause.content),
          el('span', { className: ['clause-tools'] }, spaced([permalink(clause), ...tools(clause)])),
          ...after(clause),
        ]),
      );
    }
  }
  return h('div', { className: ['doc-text'] }, children);
}

function asHeaderCell(cell: ElementContent): ElementContent {
  if (cell.type !== 'element') return cell;
  return { ...cell, tagName: 'th', properties: { ...cell.properties, scope: 'col' } };
}

/** Links side by side with a space between, so their text never runs together ("cite history"). */
function spaced(links: readonly ElementContent[]): ElementContent[] {
  return links.flatMap((link, index): ElementContent[] => (index === 0 ? [link] : [{ type: 'text', value: ' ' }, link]));
}
