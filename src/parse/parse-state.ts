import type { ElementContent } from 'hast';
import type { Definition, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { ClauseKind, SourcePoint } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import { compareNumbers, type ClauseNumber } from './clause-number.ts';
import type { SubLevel } from './sub-labels.ts';

/** Where the Markdown comes from, so problems can point at the file and line. */
export interface ParseClausesOptions {
  /** Repository-relative path of the source file. */
  file: string;
  /** Lines in the file before the Markdown body (the front matter), added to every line number. */
  lineOffset?: number;
  /** The address the document's root-relative links (`/articles/…`) are relative to (its `linksBase`). */
  linksBase?: string | undefined;
}

/** What is known of a clause while the document is read: everything but its rendered text and content. */
export interface ClauseFields {
  slug: string;
  kind: ClauseKind;
  number: string | null;
  label: string | null;
  depth: number;
  rank?: number;
  parent: string | null;
  path: string[];
  table?: string;
  start: SourcePoint;
  end: SourcePoint;
}

/**
 * A clause being read: its fields and the Markdown blocks it is made of. The clause itself is
 * built once, when the whole document has been read ({@link finishClauses}). Tables and rows
 * have no blocks: their text and content come from the rendered table.
 */
export interface Draft {
  fields: ClauseFields;
  blocks: RootContent[];
  /** A heading's title as written (without its number), for the path of the clauses under it. */
  title?: string;
  /** A heading's whole text as written, number included: what publishing tools make its anchor from. */
  written?: string;
  /** The type of a GitHub alert block (`note`, `warning`…). */
  alert?: string;
  text?: string;
  content?: ElementContent[];
}

/** The fields every clause starts from; `fields` overrides them. */
type NewFields = Partial<ClauseFields> & Pick<ClauseFields, 'slug' | 'kind'>;

/**
 * The state of one parse, shared by the block handlers: the clauses read so far, the open
 * headings and sub-paragraph levels, the clause that following blocks continue, and the problems.
 */
export class ParseState {
  readonly file: string;
  readonly offset: number;
  readonly linksBase: string | undefined;
  readonly problems: ContentProblem[] = [];
  readonly drafts: Draft[] = [];
  /** Link reference definitions, rendered with every clause so `[text][ref]` resolves anywhere. */
  readonly definitions: Definition[];
  readonly bySlug = new Map<string, ClauseFields>();
  readonly byNumber = new Map<string, ClauseFields>();
  /** The open headings, outermost first. */
  readonly headings: Draft[] = [];
  /** Open sub-paragraph levels, outermost first (see sub-labels.ts). */
  subs: SubLevel[] = [];
  /** The clause that an unlabelled block (a bullet list, a quote) continues, if any. */
  current: Draft | undefined;
  private lastNumber: { number: ClauseNumber; line: number } | undefined;
  private readonly unnumberedCount = new Map<string, number>();
  private readonly tableCount = new Map<string, number>();

  constructor(tree: Root, options: ParseClausesOptions) {
    this.file = options.file;
    this.offset = options.lineOffset ?? 0;
    this.linksBase = options.linksBase;
    this.definitions = tree.children.filter((node): node is Definition => node.type === 'definition');
  }

  /** A position in the body as a position in the file. */
  point = (p: { line: number; column: number } | undefined): SourcePoint => (p ? { line: p.line + this.offset, column: p.column } : { line: this.offset + 1, column: 1 });

  problem(at: SourcePoint, severity: ContentProblem['severity'], message: string, hint?: string): void {
    this.problems.push({ file: this.file, line: at.line, column: at.column, severity, message, ...(hint ? { hint } : {}) });
  }

  /** The innermost open heading. */
  heading(): ClauseFields | undefined {
    return this.headings.at(-1)?.fields;
  }

  private headingPath(): string[] {
    return this.headings.map(({ fields, title = '' }) => (fields.label ? `${fields.label} ${title}`.trim() : title));
  }

  /** The fields of a new clause starting at `node`, under the innermost heading unless `fields` say otherwise. */
  fields(node: Node, fields: NewFields): ClauseFields {
    return {
      number: null,
      label: null,
      depth: 0,
      parent: this.heading()?.slug ?? null,
      path: this.headingPath(),
      start: this.point(node.position?.start),
      end: this.point(node.position?.end),
      ...fields,
    };
  }

  /**
   * Records a clause under its number and a unique slug: a second clause with the same slug is
   * anchored `<slug>~2`, a third `<slug>~3`. A number the source repeats is kept as written,
   * with a warning naming both lines: the text is published as it is.
   */
  register(fields: ClauseFields, normalized: string | null): void {
    let slug = fields.slug;
    for (let n = 2; this.bySlug.has(slug); n++) slug = `${fields.slug}~${n}`;
    fields.slug = slug;
    this.bySlug.set(slug, fields);
    if (!normalized) return;
    const first = this.byNumber.get(normalized);
    if (!first) {
      this.byNumber.set(normalized, fields);
      return;
    }
    this.problem(
      fields.start,
      'warning',
      `duplicate clause ${normalized} (lines ${first.start.line} and ${fields.start.line}): this one is anchored #${slug}`,
      `if the source numbers two clauses alike by mistake, renumber one of them, or give a clause inserted later a letter suffix (${normalized}A)`,
    );
  }

  /** Warns when a number comes before the previous one in document order. */
  checkOrder(number: ClauseNumber, at: SourcePoint): void {
    // A duplicate is already an error; saying it also goes backwards adds nothing.
    const duplicate = this.byNumber.get(number.normalized)?.start.line !== at.line;
    const last = this.lastNumber;
    if (last && !duplicate && compareNumbers(number, last.number) < 0) {
      this.problem(
        at,
        'warning',
        `clause numbers go backwards: ${number.normalized} comes after ${last.number.normalized} (line ${last.line})`,
        'check the number: clauses are expected in increasing order',
      );
    }
    this.lastNumber = { number, line: at.line };
  }

  /** The fallback anchor of an unnumbered paragraph: `<heading>-p<n>`. */
  unnumberedSlug(): string {
    const context = this.heading()?.slug ?? '';
    const n = (this.unnumberedCount.get(context) ?? 0) + 1;
    this.unnumberedCount.set(context, n);
    return context ? `${context}-p${n}` : `p${n}`;
  }

  /** The anchor of a table: `<heading>-table`, then `-table-2`… */
  tableSlug(): string {
    const key = this.heading()?.slug ?? '';
    const n = (this.tableCount.get(key) ?? 0) + 1;
    this.tableCount.set(key, n);
    return `${key ? `${key}-` : ''}table${n > 1 ? `-${n}` : ''}`;
  }

  /** Adds a clause to the document, in order. */
  push(draft: Draft): Draft {
    this.drafts.push(draft);
    return draft;
  }

  /** A new unnumbered paragraph made of `blocks`. */
  paragraph(node: Node, blocks: RootContent[], label?: string): Draft {
    const fields = this.fields(node, { slug: this.unnumberedSlug(), kind: 'paragraph', ...(label ? { label } : {}) });
    this.register(fields, null);
    return this.push({ fields, blocks });
  }

  /**
   * A block with no label of its own (a bullet list, a quote, raw HTML) belongs to the clause
   * before it; after a heading, or at the start, it is a paragraph of its own.
   */
  continueOrStart(node: RootContent): void {
    const current = this.current;
    if (current && current.fields.kind !== 'heading') {
      current.blocks.push(node);
      current.fields.end = this.point(node.position?.end);
      return;
    }
    this.current = this.paragraph(node, [node]);
  }
}

/** Nesting depth of a clause under `parent`: 0 under a heading or at top level. */
export function depthUnder(parent: ClauseFields | undefined): number {
  return !parent || parent.kind === 'heading' ? 0 : parent.depth + 1;
}
