import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Blockquote, Definition, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blocksToHast } from './blocks-to-hast.ts';
import type { Clause, SourcePoint } from '#model/clause.ts';
import { cellsText, contentText } from './clause-text.ts';
import { clauseWarnings } from './clause-warnings.ts';
import { collapse } from './whitespace.ts';
import {
  compareNumbers,
  labelStyle,
  looksLikeUnreadableNumber,
  nextLabel,
  parentNumber,
  readClauseNumber,
  readHeadingNumber,
  readSubLabel,
  slugForNumber,
  slugForText,
  type ClauseNumber,
  type LabelStyle,
} from './clause-number.ts';
import type { ContentProblem } from '#model/content-problem.ts';

/** Where the Markdown comes from, so problems can point at the file and line. */
export interface ParseClausesOptions {
  /** Repository-relative path of the source file. */
  file: string;
  /** Lines in the file before the Markdown body (the front matter), added to every line number. */
  lineOffset?: number;
}

/** A version's Markdown split into clauses, with any problems found on the way. */
export interface ParsedClauses {
  clauses: Clause[];
  problems: ContentProblem[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

interface SubLevel {
  clause: Clause;
  /** Style of the label at this level; the root (a numbered clause or paragraph) has none. */
  style: LabelStyle | null;
  label: string;
}

interface Draft {
  clause: Clause;
  blocks: RootContent[];
}

/**
 * Splits a version's Markdown body into clauses carrying the numbers the document itself uses.
 * Pure: the same Markdown always gives the same clauses and slugs.
 */
export function parseClauses(markdown: string, options: ParseClausesOptions): ParsedClauses {
  const tree = parser.parse(blankFrontMatter(markdown)) as Root;
  const offset = options.lineOffset ?? 0;
  const problems: ContentProblem[] = [];
  const drafts: Draft[] = [];
  const definitions = tree.children.filter((node): node is Definition => node.type === 'definition');
  const bySlug = new Map<string, Clause>();
  const byNumber = new Map<string, Clause>();
  const headings: Clause[] = [];
  const unnumberedCount = new Map<string, number>();
  const tableCount = new Map<string, number>();
  let subs: SubLevel[] = [];
  let current: Draft | undefined;
  let lastNumber: { number: ClauseNumber; line: number } | undefined;
  const alerts = new Map<Clause, string>();

  const point = (p: { line: number; column: number } | undefined): SourcePoint =>
    p ? { line: p.line + offset, column: p.column } : { line: offset + 1, column: 1 };

  const problem = (at: SourcePoint, severity: ContentProblem['severity'], message: string, hint?: string) => {
    problems.push({ file: options.file, line: at.line, column: at.column, severity, message, ...(hint ? { hint } : {}) });
  };

  const headingContext = (): Clause | undefined => headings.at(-1);
  const headingPath = (): string[] =>
    headings.map((h) => (h.label ? `${h.label} ${h.text}`.trim() : h.text));

  const register = (clause: Clause, normalized: string | null) => {
    if (normalized) {
      const first = byNumber.get(normalized);
      if (first) {
        problem(
          clause.start,
          'error',
          `duplicate clause ${normalized} (first at line ${first.start.line})`,
          `each number may appear once in a version: renumber one of them, or give a clause inserted later a letter suffix (${normalized}A)`,
        );
      } else {
        byNumber.set(normalized, clause);
      }
    }
    let slug = clause.slug;
    for (let n = 2; bySlug.has(slug); n++) slug = `${clause.slug}~${n}`;
    clause.slug = slug;
    bySlug.set(slug, clause);
  };

  const checkOrder = (number: ClauseNumber, at: SourcePoint) => {
    // A duplicate is already an error; saying it also goes backwards adds nothing.
    const duplicate = byNumber.get(number.normalized)?.start.line !== at.line;
    if (lastNumber && !duplicate && compareNumbers(number, lastNumber.number) < 0) {
      problem(
        at,
        'warning',
        `clause numbers go backwards: ${number.normalized} comes after ${lastNumber.number.normalized} (line ${lastNumber.line})`,
        'check the number: clauses are expected in increasing order',
      );
    }
    lastNumber = { number, line: at.line };
  };

  const unnumberedSlug = (): string => {
    const context = headingContext()?.slug ?? '';
    const n = (unnumberedCount.get(context) ?? 0) + 1;
    unnumberedCount.set(context, n);
    return context ? `${context}-p${n}` : `p${n}`;
  };

  const base = (node: RootContent | ListItem, fields: Partial<Clause> & Pick<Clause, 'slug' | 'kind'>): Clause => ({
    number: null,
    label: null,
    depth: 0,
    parent: headingContext()?.slug ?? null,
    path: headingPath(),
    text: '',
    content: [],
    start: point(node.position?.start),
    end: point(node.position?.end),
    ...fields,
  });

  const depthUnder = (parent: Clause | undefined): number =>
    !parent || parent.kind === 'heading' ? 0 : parent.depth + 1;

  const push = (clause: Clause, blocks: RootContent[]): Draft => {
    const draft = { clause, blocks };
    drafts.push(draft);
    return draft;
  };

  /** A paragraph (or list item) that may start with a number or a sub-paragraph label. */
  const labelled = (node: RootContent | ListItem, first: Paragraph, blocks: RootContent[]): Draft => {
    const text = toString(first);
    const at = point(node.position?.start);
    const numbered = readClauseNumber(text);
    if (numbered) {
      stripLabel(first, numbered.length);
      const { number } = numbered;
      const parentKey = parentNumber(number);
      const parent = (parentKey ? byNumber.get(parentKey) : undefined) ?? headingContext();
      const clause = base(node, {
        slug: slugForNumber(number.normalized),
        kind: 'clause',
        number: number.normalized,
        label: number.raw,
        parent: parent?.slug ?? null,
        depth: depthUnder(parent),
      });
      register(clause, number.normalized);
      checkOrder(number, at);
      // A number written in full ("X2.4(b)") opens the same levels as "X2.4" then "(b)" would.
      subs = [{ clause: byNumber.get(number.base) ?? clause, style: null, label: '' }];
      number.subs.forEach((sub, i) => {
        const upTo = number.base + number.subs.slice(0, i + 1).map((s) => `(${s})`).join('');
        subs.push({ clause: byNumber.get(upTo) ?? clause, style: labelStyle(sub), label: sub });
      });
      return push(clause, blocks);
    }
    const sub = readSubLabel(text);
    if (sub) {
      stripLabel(first, sub.length);
      const { level, style } = placeSub(subs, sub.label);
      const parent = level?.clause ?? current?.clause ?? headingContext();
      const number = parent?.number ? `${parent.number}(${sub.label})` : null;
      const clause = base(node, {
        slug: `${parent ? `${parent.slug}-` : ''}${sub.label.toLowerCase()}`,
        kind: 'clause',
        number,
        label: `(${sub.label})`,
        parent: parent?.slug ?? null,
        depth: depthUnder(parent),
      });
      register(clause, number);
      const keep = level ? subs.indexOf(level) + 1 : subs.length;
      subs = [...subs.slice(0, keep), { clause, style, label: sub.label }];
      if (subs.length === 1) subs.unshift({ clause: parent ?? clause, style: null, label: '' });
      return push(clause, blocks);
    }
    const unreadable = looksLikeUnreadableNumber(text);
    if (unreadable) {
      problem(
        at,
        'error',
        `cannot read clause number "${unreadable}"`,
        'write numbers as 2.3, 2.3A, 2.3(a) or H14.36A; if this paragraph is not a clause, reword its start',
      );
    }
    const clause = base(node, { slug: unnumberedSlug(), kind: 'paragraph' });
    register(clause, null);
    subs = [{ clause, style: null, label: '' }];
    return push(clause, blocks);
  };

  for (const node of tree.children) {
    switch (node.type) {
      case 'heading': {
        current = undefined;
        subs = [];
        while (headings.length > 0 && (headings.at(-1)?.rank ?? 0) >= node.depth) headings.pop();
        const parent = headingContext();
        const text = toString(node);
        const numbered = readHeadingNumber(text);
        if (numbered) stripLabel(node, numbered.length);
        const clause = base(node, {
          slug: numbered ? slugForNumber(numbered.number.normalized) : slugForText(text),
          kind: 'heading',
          rank: node.depth,
          number: numbered ? numbered.number.normalized : null,
          label: numbered ? numbered.number.raw : null,
          parent: parent?.slug ?? null,
          depth: headings.length,
          // Set now (not after rendering) so clauses under the heading get its title in their path.
          text: collapse(toString(node)),
        });
        register(clause, clause.number);
        if (numbered) checkOrder(numbered.number, clause.start);
        push(clause, [{ type: 'paragraph', children: (node as Heading).children }]);
        headings.push(clause);
        break;
      }
      case 'paragraph': {
        current = labelled(node, node, [node]);
        break;
      }
      case 'list': {
        const items = (node as List).children;
        const allLabelled =
          items.length > 0 &&
          items.every((item) => {
            const first = item.children[0];
            if (first?.type !== 'paragraph') return false;
            const text = toString(first);
            return Boolean(readClauseNumber(text) ?? readSubLabel(text));
          });
        if (allLabelled) {
          for (const item of items) {
            current = labelled(item, item.children[0] as Paragraph, item.children as RootContent[]);
          }
        } else if ((node as List).ordered) {
          const under = current && current.clause.kind !== 'heading' && current.clause.number ? current.clause : headingContext();
          current = listItems(node as List, under) ?? current;
        } else {
          current = continueOrStart(node);
        }
        break;
      }
      case 'blockquote': {
        const alert = alertOf(node as Blockquote);
        if (!alert) {
          current = continueOrStart(node);
          break;
        }
        const clause = base(node, { slug: unnumberedSlug(), kind: 'paragraph', label: alert.label });
        register(clause, null);
        subs = [];
        push(clause, alert.blocks);
        alerts.set(clause, alert.type);
        // A note stands alone: what follows it does not belong to it.
        current = undefined;
        break;
      }
      case 'table': {
        current = undefined;
        parseTable(node as Table);
        break;
      }
      case 'definition':
        break;
      case 'html': {
        if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) break;
        current = continueOrStart(node);
        break;
      }
      default:
        current = continueOrStart(node);
    }
  }

  /**
   * An ordered list (`1.`) whose items carry no number of their own: each item is a clause
   * numbered by its place under the numbered clause or heading before it (the second item is
   * `3.2` under `3`, `A.2` under `A.`, `2.3(a)(2)` under `2.3(a)`; with nothing numbered above
   * it, it is unnumbered and anchored `<parent>-2`). Nested ordered lists nest further; other
   * blocks in an item (paragraphs, bullet lists) belong to it.
   */
  function listItems(list: List, under: Clause | undefined): Draft | undefined {
    let last: Draft | undefined;
    list.children.forEach((item, index) => {
      const n = (list.start ?? 1) + index;
      const number = under?.number ? (under.number.endsWith(')') ? `${under.number}(${n})` : `${under.number}.${n}`) : null;
      const clause = base(item, {
        slug: number ? slugForNumber(number) : `${under ? `${under.slug}-` : ''}${n}`,
        kind: 'clause',
        number,
        label: `${n}.`,
        parent: under?.slug ?? null,
        depth: depthUnder(under),
      });
      register(clause, number);
      const blocks = item.children.filter((child) => !(child.type === 'list' && child.ordered)) as RootContent[];
      last = push(clause, blocks);
      subs = [{ clause, style: null, label: '' }];
      for (const child of item.children) if (child.type === 'list' && child.ordered) listItems(child, clause);
    });
    return last;
  }

  function continueOrStart(node: RootContent): Draft {
    if (current && current.clause.kind !== 'heading') {
      current.blocks.push(node);
      current.clause.end = point(node.position?.end);
      return current;
    }
    const clause = base(node, { slug: unnumberedSlug(), kind: 'paragraph' });
    register(clause, null);
    return push(clause, [node]);
  }

  function parseTable(node: Table) {
    const context = headingContext();
    const key = context?.slug ?? '';
    const n = (tableCount.get(key) ?? 0) + 1;
    tableCount.set(key, n);
    const slug = `${key ? `${key}-` : ''}table${n > 1 ? `-${n}` : ''}`;
    const rendered = blocksToHast([...definitions, node]).find(
      (child): child is Element => child.type === 'element' && child.tagName === 'table',
    );
    const rows = rendered ? tableRows(rendered) : [];
    const header = rows[0];
    const table = base(node, {
      slug,
      kind: 'table',
      parent: context?.slug ?? null,
      text: header ? cellsText(header.children) : '',
    });
    register(table, null);
    table.content = header ? header.children.filter((c) => c.type === 'element') : [];
    table.end = point(node.children[0]?.position?.end);
    drafts.push({ clause: table, blocks: [] });
    node.children.slice(1).forEach((row, index) => {
      const tr = rows[index + 1];
      const cells = tr ? tr.children.filter((c): c is Element => c.type === 'element') : [];
      const keyText = cells[0] ? collapse(toText(cells[0])) : '';
      const clause = base(row, {
        slug: `${slug}-${slugForText(keyText || `row-${index + 1}`)}`,
        kind: 'row',
        label: keyText || null,
        parent: slug,
        depth: 0,
        table: slug,
        text: tr ? cellsText(tr.children) : '',
      });
      if (!keyText) {
        problem(clause.start, 'warning', 'table row has an empty first cell', 'the first column keys each row: give it a unique value');
      } else if (bySlug.has(clause.slug)) {
        problem(
          clause.start,
          'error',
          `duplicate table row "${keyText}" (first at line ${bySlug.get(clause.slug)?.start.line})`,
          'the first column keys each row and must be unique within the table',
        );
      }
      register(clause, null);
      clause.content = cells;
      drafts.push({ clause, blocks: [] });
    });
  }

  const clauses = drafts.map(({ clause, blocks }) => {
    if (blocks.length > 0) {
      const content = blocksToHast([...definitions, ...blocks]);
      if (clause.kind === 'heading') {
        const paragraph = content.find((c): c is Element => c.type === 'element');
        clause.content = paragraph ? paragraph.children : [];
      } else {
        clause.content = content;
      }
      clause.text = contentText(clause.content);
      const alert = alerts.get(clause);
      if (alert) clause.content = [h('div', { className: ['alert', `alert-${alert}`] }, clause.content)];
    }
    problems.push(...clauseWarnings(clause, blocks, options.file, point));
    return clause;
  });
  return { clauses, problems };
}

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/;

/** A GitHub alert block (`> [!NOTE]`): its type, the label to show and its blocks without the marker. */
function alertOf(quote: Blockquote): { type: string; label: string; blocks: RootContent[] } | undefined {
  const first = quote.children[0];
  const head = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (head?.type !== 'text') return undefined;
  const match = ALERT.exec(head.value);
  if (!match) return undefined;
  const type = (match[1] as string).toLowerCase();
  const rest = head.value.slice(match[0].length);
  const paragraph = first as Paragraph;
  const children = [...(rest ? [{ ...head, value: rest }] : []), ...paragraph.children.slice(1)];
  // A soft break right after the marker leaves nothing worth keeping in the first paragraph.
  const blocks = [...(children.length > 0 ? [{ ...paragraph, children }] : []), ...quote.children.slice(1)] as RootContent[];
  return { type, label: type.charAt(0).toUpperCase() + type.slice(1), blocks };
}

/**
 * YAML front matter at the start of a body (a document pasted with its own metadata) is not
 * text: its lines are blanked, so it is ignored and every later line keeps its number.
 */
export function blankFrontMatter(markdown: string): string {
  const match = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return markdown;
  const lines = (match[1] as string).split(/\r?\n/);
  // Only metadata: `key: value` lines, their indented continuations, list entries and comments.
  if (!lines.every((line) => line.trim() === '' || /^[\w-]+\s*:|^\s+\S|^\s*-\s|^\s*#/.test(line))) return markdown;
  if (!lines.some((line) => /^[\w-]+\s*:/.test(line))) return markdown;
  return match[0].replace(/[^\r\n]/g, '') + markdown.slice(match[0].length);
}

/** Finds where a sub-paragraph label sits among the open levels: a sibling of the level it continues, or a child of the innermost. */
function placeSub(levels: SubLevel[], label: string): { level: SubLevel | undefined; style: LabelStyle } {
  const styles = candidateStyles(label);
  // The exact successor of an open level wins: "(i)" after "(h)" is a letter, after "(a)" a numeral.
  for (let k = levels.length - 1; k >= 1; k--) {
    const level = levels[k] as SubLevel;
    if (level.style && styles.includes(level.style) && nextLabel(level.label, level.style) === label) {
      return { level: levels[k - 1], style: level.style };
    }
  }
  const top = levels.at(-1);
  const topStyle = top?.style;
  const firsts: Array<[string, LabelStyle]> = [['a', 'alpha'], ['i', 'roman'], ['1', 'digit'], ['A', 'upper']];
  for (const [first, style] of firsts) {
    if (label === first && style !== topStyle && levels.every((l) => l.style !== style)) {
      return { level: top, style };
    }
  }
  for (let k = levels.length - 1; k >= 1; k--) {
    const level = levels[k] as SubLevel;
    if (level.style && styles.includes(level.style)) return { level: levels[k - 1], style: level.style };
  }
  return { level: top, style: labelStyle(label) };
}

function candidateStyles(label: string): LabelStyle[] {
  const style = labelStyle(label);
  return style === 'roman' && label.length === 1 ? ['roman', 'alpha'] : style === 'roman' ? ['roman'] : [style];
}

/** Removes the label (and the space after it) from the start of a paragraph or heading. */
function stripLabel(node: { children: PhrasingContent[] }, length: number): void {
  let rest = length;
  while (rest > 0 && node.children.length > 0) {
    const first = node.children[0] as PhrasingContent;
    if (first.type !== 'text') {
      // A label split across formatting (e.g. "**2.3** text"): strip within it.
      if ('children' in first) {
        const inner = toString(first).length;
        if (inner <= rest) {
          node.children.shift();
          rest -= inner;
          continue;
        }
        stripLabel(first as { children: PhrasingContent[] }, rest);
      }
      return;
    }
    if (first.value.length <= rest) {
      rest -= first.value.length;
      node.children.shift();
    } else {
      first.value = first.value.slice(rest).replace(/^\s+/, '');
      rest = 0;
    }
  }
  const head = node.children[0];
  if (head?.type === 'text') head.value = head.value.replace(/^\s+/, '');
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

export { collapse };

export type { ElementContent };
