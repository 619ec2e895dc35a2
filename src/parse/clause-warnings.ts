import type { Html, List, Nodes, RootContent } from 'mdast';
import { parseFragment } from 'parse5';
import type { Clause, SourcePoint } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';

/**
 * Above this many words a clause is almost certainly several clauses run together: the usual
 * cause is a conversion from Word that lost the paragraph breaks, so the numbers of the later
 * clauses sit inside the first and their anchors never exist. Real clauses are far shorter
 * (the shipped documents' longest is under 70 words; SEC clauses rarely pass 300). A clause
 * this long is also hard to cite and to compare: a reworded clause of over about 2,000 words
 * exceeds the word diff's edit budget and is shown as replaced whole. A warning, not an error:
 * a genuinely long clause still builds.
 */
const MAX_CLAUSE_WORDS = 1000;

/**
 * Levels of nesting the pages show apart: sub-paragraphs are indented three levels (see
 * `div.clause.depth-*` and `.cmp-cell.depth-*` in site.css); deeper levels look the same as the
 * third, so a reader can no longer tell which paragraph a deeper one belongs to. Nested
 * Markdown lists are held to the same limit.
 */
const MAX_NESTING = 3;

/** Elements whose end tag HTML lets you leave out, and void elements, which have none. */
const NO_END_TAG_NEEDED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
  'colgroup',
  'caption',
]);

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  childNodes?: Parse5Node[];
  content?: Parse5Node;
  sourceCodeLocation?: { startOffset: number; endTag?: unknown } | null;
}

/**
 * Warnings about one parsed clause: too long, nested too deep, or raw HTML left open. `blocks`
 * are the Markdown blocks the clause was made from; `point` turns a position in the body into
 * one in the file.
 */
export function clauseWarnings(
  clause: Clause,
  blocks: readonly RootContent[],
  file: string,
  point: (at: { line: number; column: number } | undefined) => SourcePoint,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const warn = (at: SourcePoint, message: string, hint: string) => problems.push({ file, ...at, severity: 'warning', message, hint });
  const name = clause.number ? `clause ${clause.number}` : clause.kind === 'row' ? `row "${clause.label ?? ''}"` : 'this paragraph';

  const words = clause.text.split(/\s+/).filter(Boolean).length;
  if (clause.kind !== 'table' && words > MAX_CLAUSE_WORDS) {
    warn(
      clause.start,
      `${name} is ${words.toLocaleString('en-GB')} words long (more than ${MAX_CLAUSE_WORDS.toLocaleString('en-GB')})`,
      'this is usually several clauses run together: start each numbered clause as a paragraph of its own; a clause this long is hard to cite and to compare',
    );
  }

  if (clause.kind === 'clause' && clause.depth > MAX_NESTING) {
    warn(
      clause.start,
      `${name} is nested ${clause.depth} levels deep (the pages show ${MAX_NESTING})`,
      'deeper levels are indented like the third, so readers cannot tell them apart: restructure, or make it a numbered clause of its own',
    );
  }
  const lists = (nodes: readonly Nodes[], depth: number) => {
    for (const node of nodes) {
      const inner = node.type === 'list' ? depth + 1 : depth;
      if (node.type === 'list' && inner > MAX_NESTING) {
        warn(
          point((node as List).position?.start),
          `list nested ${inner} levels deep in ${name} (the pages show ${MAX_NESTING})`,
          'deeply nested lists are hard to follow and to compare: flatten the list, or split it into clauses',
        );
        continue;
      }
      if ('children' in node) lists(node.children as Nodes[], inner);
    }
  };
  lists(blocks, 0);

  for (const open of unclosedHtml(blocks)) {
    warn(
      point(open.at),
      `<${open.tag}> is not closed: it runs to the end of ${name}`,
      `close it with </${open.tag}>, or write Markdown instead (**bold**, *italic*); raw HTML never reaches past its clause`,
    );
  }
  return problems;
}

/** Raw HTML elements opened in a clause's Markdown and never closed, with where each opens. */
function unclosedHtml(blocks: readonly RootContent[]): Array<{ tag: string; at: { line: number; column: number } }> {
  const pieces: Html[] = [];
  const collect = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'html') pieces.push(node);
      else if ('children' in node) collect(node.children as Nodes[]);
    }
  };
  collect(blocks);
  if (pieces.length === 0) return [];
  // The clause's HTML pieces are read as one fragment, as the renderer reads them, so a tag
  // closed in a later piece (`<b>` … `</b>` around Markdown) counts as closed.
  const starts: number[] = [];
  let html = '';
  for (const piece of pieces) {
    starts.push(html.length);
    html += piece.value;
  }
  const found: Array<{ tag: string; at: { line: number; column: number } }> = [];
  const walk = (node: Parse5Node) => {
    for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]) {
      const location = child.sourceCodeLocation;
      if (child.tagName && location && !location.endTag && !NO_END_TAG_NEEDED.has(child.tagName)) {
        found.push({ tag: child.tagName, at: locate(pieces, starts, location.startOffset) });
      }
      walk(child);
    }
  };
  walk(parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as Parse5Node);
  return found;
}

/** The Markdown position of an offset into the joined HTML pieces. */
function locate(pieces: Html[], starts: number[], offset: number): { line: number; column: number } {
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] as number) <= offset) index++;
  const piece = pieces[index] as Html;
  const before = piece.value.slice(0, offset - (starts[index] as number)).split('\n');
  const start = piece.position?.start ?? { line: 1, column: 1 };
  return before.length === 1
    ? { line: start.line, column: start.column + (before[0]?.length ?? 0) }
    : { line: start.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}
