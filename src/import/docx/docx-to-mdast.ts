import type { Element } from '@xmldom/xmldom';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import { readClauseNumber, readHeadingNumber, readSubLabel } from '#parse/clause-number.ts';
import { ImportError } from '../import-error.ts';
import type { ConvertedDocument, ImportNote } from '../import-result.ts';
import {
  attribute,
  child,
  children,
  descendants,
  isOn,
  mainPartPath,
  openPackage,
  type Package,
  readCoreProperties,
  readPart,
  readRelationships,
  type Relationship,
  textOf,
  val,
} from '../ooxml.ts';
import { phrasingText, segmentsToPhrasing, withLabel, type TextSegment } from '../phrasing.ts';
import { levelForStyle, readWordNumbering } from './read-word-numbering.ts';
import { readWordStyles, resolveStyle, type ResolvedStyle, type WordStyle } from './read-word-styles.ts';
import { NumberingCounter, type DisplayedNumber, type NumberingDefinitions } from './word-numbering.ts';

/** A heading-styled paragraph longer than this many words is a clause set in a heading style. */
const HEADING_MAX_WORDS = 20;

interface Context {
  styles: Map<string, WordStyle>;
  numbering: NumberingDefinitions;
  counter: NumberingCounter;
  relationships: Map<string, Relationship>;
  notes: ImportNote[];
  footnoteParts: Map<string, Map<string, Element>>;
  /** Notes referenced so far, in order: kind and id in the file, and the label shown. */
  footnotes: Array<{ kind: string; id: string; label: string }>;
  /** Open complex fields (`w:fldChar`), innermost last. */
  fields: Array<{ instruction: string; result: boolean }>;
  paragraphIndex: number;
  tableIndex: number;
  changes: { insertions: number; deletions: number; first?: string };
  images: number;
}

/** A body paragraph, classified. */
interface ConvertedParagraph {
  type: 'converted';
  kind: 'heading' | 'paragraph' | 'bullet' | 'ordered' | 'title' | 'toc' | 'empty';
  outlineLevel?: number;
  /** For an `ordered` paragraph: the number Word shows (`3` for "3."). */
  start?: number;
  phrasing: PhrasingContent[];
  where: string;
}

/**
 * Converts a Word document to mdast: headings with their numbers (`## 4 Migration`), one
 * paragraph per numbered clause starting with the number Word displays, `(a)` sub-paragraphs,
 * bulleted lists, tables as GFM tables, bold, italic, strike-through and external links, and
 * footnotes as `[n]` markers with their text in a closing "Footnotes" section.
 * Tracked changes are refused: a red-line is not a version's text.
 */
export function docxToMdast(bytes: Uint8Array): ConvertedDocument {
  const pkg = openPackage(bytes, 'Word (.docx)');
  const { body, context } = openDocument(pkg);
  const walk: BodyWalk = { context, blocks: [], skippedToc: 0, title: undefined };
  walkBody(body, walk);
  refuseTrackedChanges(context.changes);
  noteLeftOut(walk);
  const content: RootContent[] = assemble(walk.blocks, context);
  appendFootnotes(content, context);
  const metadata = readCoreProperties(pkg);
  return { format: 'docx', tree: { type: 'root', children: content }, metadata, notes: context.notes };
}

/** Finds the main part's body and reads the parts it refers to (styles, numbering, notes) into a fresh context. */
function openDocument(pkg: Package): { body: Element; context: Context } {
  const mainPath = mainPartPath(pkg) ?? (pkg.has('word/document.xml') ? 'word/document.xml' : undefined);
  if (!mainPath?.startsWith('word/')) {
    throw new ImportError('the file is a zip package but not a Word document (it has no word/document.xml): save it from Word as .docx');
  }
  const main = readPart(pkg, mainPath);
  const body = child(main, 'body');
  if (!main || !body) throw new ImportError(`the Word document has no body (${mainPath} is missing or empty): the file is damaged`);
  const relationships = readRelationships(pkg, mainPath);
  // Parts are found through the main part's relationships; the usual names are a fallback for packages without them.
  const partOf = (type: string) => {
    for (const rel of relationships.values()) if (rel.type.endsWith(`/${type}`) && !rel.external) return rel.target;
    return undefined;
  };
  const styles = readWordStyles(readPart(pkg, partOf('styles') ?? 'word/styles.xml'));
  const numbering = readWordNumbering(readPart(pkg, partOf('numbering') ?? 'word/numbering.xml'), styles);
  const footnoteParts = new Map<string, Map<string, Element>>();
  for (const kind of ['footnote', 'endnote']) {
    const part = readPart(pkg, partOf(`${kind}s`) ?? `word/${kind}s.xml`);
    const byId = new Map<string, Element>();
    if (part) for (const note of children(part, kind)) byId.set(attribute(note, 'id') ?? '', note);
    footnoteParts.set(kind, byId);
  }
  const context: Context = {
    styles,
    numbering,
    counter: new NumberingCounter(numbering),
    relationships,
    notes: [],
    footnoteParts,
    footnotes: [],
    fields: [],
    paragraphIndex: 0,
    tableIndex: 0,
    changes: { insertions: 0, deletions: 0 },
    images: 0,
  };
  return { body, context };
}

/** What walking the body collects besides the context: the blocks kept and what was left out. */
interface BodyWalk {
  context: Context;
  blocks: Array<ConvertedParagraph | Table>;
  skippedToc: number;
  title: string | undefined;
}

/** Converts the paragraphs and tables of a container in order, descending into content controls and insertions. */
function walkBody(container: Element, walk: BodyWalk): void {
  const { context } = walk;
  for (const element of children(container)) {
    switch (element.localName) {
      case 'p':
        keepParagraph(convertParagraph(element, context), walk);
        break;
      case 'tbl':
        walk.blocks.push(convertTable(element, context));
        break;
      case 'sdt':
        walkContentControl(element, walk);
        break;
      case 'customXml':
      case 'ins':
      case 'moveTo':
        if (element.localName !== 'customXml') countChange(context, 'insertions', `paragraph ${context.paragraphIndex + 1}`);
        walkBody(element, walk);
        break;
      case 'del':
      case 'moveFrom':
        countChange(context, 'deletions', `paragraph ${context.paragraphIndex + 1}`);
        break;
      default:
        break;
    }
  }
}

/** Keeps a body paragraph, or counts it as left out (table of contents, title, empty). */
function keepParagraph(paragraph: ConvertedParagraph, walk: BodyWalk): void {
  if (paragraph.kind === 'toc') walk.skippedToc++;
  else if (paragraph.kind === 'title') walk.title ??= phrasingText(paragraph.phrasing);
  else if (paragraph.kind !== 'empty') walk.blocks.push(paragraph);
}

/** A content control: a table-of-contents gallery is left out whole, any other is walked through. */
function walkContentControl(element: Element, walk: BodyWalk): void {
  const gallery = val(child(element, 'sdtPr'), 'docPartObj', 'docPartGallery');
  const content = child(element, 'sdtContent');
  if (gallery && /table of contents/i.test(gallery)) {
    if (content) walk.skippedToc += children(content, 'p').length;
  } else if (content) {
    walkBody(content, walk);
  }
}

function refuseTrackedChanges(changes: Context['changes']): void {
  if (changes.insertions + changes.deletions > 0) {
    const { insertions, deletions, first } = changes;
    throw new ImportError(
      `the document has tracked changes (${insertions} insertion${insertions === 1 ? '' : 's'}, ${deletions} deletion${deletions === 1 ? '' : 's'}; the first at ${first ?? 'the start'}): ` +
        "a red-lined document is not a version's text. In Word, accept or reject every change (Review › Accept › Accept All Changes), save, and import again",
    );
  }
}

/** Notes what the import left out, so a reviewer knows the Markdown is not the whole file. */
function noteLeftOut(walk: BodyWalk): void {
  const { context, skippedToc, title } = walk;
  if (skippedToc > 0) context.notes.push({ where: 'table of contents', message: `${skippedToc} table-of-contents line${skippedToc === 1 ? '' : 's'} left out` });
  if (title) context.notes.push({ where: 'title', message: `the title paragraph "${title}" was left out: a document's title belongs in its index.md` });
  if (context.images > 0)
    context.notes.push({
      where: 'images',
      message: `${context.images} image${context.images === 1 ? '' : 's'} or drawing${context.images === 1 ? '' : 's'} left out: the site shows text only`,
    });
}

/** The notes referenced in the text, under a closing "Footnotes" heading in the order of their markers. */
function appendFootnotes(content: RootContent[], context: Context): void {
  if (context.footnotes.length === 0) return;
  content.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Footnotes' }] });
  for (const note of context.footnotes) {
    const element = context.footnoteParts.get(note.kind)?.get(note.id);
    const phrasing = element ? footnoteText(element, context) : [];
    content.push({ type: 'paragraph', children: [{ type: 'text', value: `[${note.label}] ` }, ...phrasing] });
  }
  context.notes.push({
    where: 'footnotes',
    message: `${context.footnotes.length} footnote${context.footnotes.length === 1 ? '' : 's'} written as [n] markers with their text under a closing "Footnotes" heading`,
  });
}

/** Orders headings to Markdown depths (the shallowest used becomes `##`) and groups bullets into lists. */
function assemble(blocks: Array<ConvertedParagraph | Table>, context: Context): RootContent[] {
  const levels = blocks.flatMap((b) => (b.type === 'table' || b.kind !== 'heading' ? [] : [b.outlineLevel ?? 0]));
  const top = levels.length > 0 ? Math.min(...levels) : 0;
  const out: RootContent[] = [];
  let list: List | undefined;
  for (const block of blocks) {
    if (block.type === 'table') {
      list = undefined;
      out.push(block);
      continue;
    }
    if (block.kind === 'bullet' || block.kind === 'ordered') {
      const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: block.phrasing }] };
      const ordered = block.kind === 'ordered';
      // A list numbered by Word ("1.", "2.") stays one list only while its numbers follow on.
      if (!list || list.ordered !== ordered || (ordered && (list.start ?? 1) + list.children.length !== block.start)) {
        list = { type: 'list', ordered, ...(ordered ? { start: block.start ?? 1 } : {}), spread: false, children: [] };
        out.push(list);
      }
      list.children.push(item);
      continue;
    }
    list = undefined;
    if (block.kind === 'heading') {
      const depth = Math.min(6, 2 + (block.outlineLevel ?? 0) - top) as 2 | 3 | 4 | 5 | 6;
      const plain = phrasingText(block.phrasing);
      out.push({ type: 'heading', depth, children: [{ type: 'text', value: plain }] });
      if (!readHeadingNumber(plain) && /^\d/.test(plain)) {
        context.notes.push({ where: block.where, message: `heading "${plain}" starts with something the parser cannot read as a number` });
      }
    } else {
      out.push({ type: 'paragraph', children: block.phrasing } satisfies Paragraph);
    }
  }
  return out;
}

function convertParagraph(element: Element, context: Context): ConvertedParagraph {
  context.paragraphIndex++;
  const index = context.paragraphIndex;
  const pPr = child(element, 'pPr');
  const styleId = val(pPr, 'pStyle');
  const style = resolveStyle(context.styles, styleId) ?? resolveStyle(context.styles, defaultParagraphStyle(context.styles));
  const tocStyle = style ? /^toc\s*\d|^toc heading$/i.test(style.name) : false;
  const wasInToc = inTocField(context);
  const segments = runs(element, context, style, `paragraph ${index}`);
  const inToc = tocStyle || wasInToc || inTocField(context);
  const number = inToc ? undefined : displayedNumber(pPr, style, context);
  const phrasing = segmentsToPhrasing(segments);
  const text = phrasingText(phrasing);
  const where = `paragraph ${index} ("${snippet((number ? `${number.label} ` : '') + text)}")`;
  if (inToc) return { type: 'converted', kind: 'toc', phrasing: [], where };
  if (text === '') {
    if (number && number.format !== 'bullet' && number.label !== '') {
      context.notes.push({ where: `paragraph ${index}`, message: `empty numbered paragraph: its number ${number.label} was skipped` });
    }
    return { type: 'converted', kind: 'empty', phrasing: [], where };
  }
  if (style && /^title$/i.test(style.name)) return { type: 'converted', kind: 'title', phrasing, where };

  const directOutline = val(pPr, 'outlineLvl');
  const outline = directOutline !== undefined ? Number(directOutline) : style?.outlineLevel;
  const label = number && number.format !== 'bullet' ? number.label.trim() : '';
  if (outline !== undefined && outline < 9) {
    const words = text.split(/\s+/).length;
    if (words <= HEADING_MAX_WORDS) {
      return { type: 'converted', kind: 'heading', outlineLevel: outline, phrasing: withLabel(label, [{ type: 'text', value: text }]), where };
    }
    context.notes.push({ where, message: `set in heading style "${style?.name ?? 'outline level'}" but ${words} words long: imported as a clause, not a heading` });
  }
  if (number?.format === 'bullet') return { type: 'converted', kind: 'bullet', phrasing, where };
  // "1.", "2." numbering a list (real terms number clauses afresh in each section): an ordered list, numbered in its section by the parser.
  const listNumber = /^(\d+)\.$/.exec(label);
  if (listNumber) return { type: 'converted', kind: 'ordered', start: Number(listNumber[1]), phrasing, where };
  if (label !== '' && !readClauseNumber(`${label} x`) && !readSubLabel(`${label} x`)) {
    context.notes.push({ where, message: `Word number "${label}" is not a clause number form (2.3, (a)): kept as text` });
  }
  return { type: 'converted', kind: 'paragraph', phrasing: withLabel(label, phrasing), where };
}

/** The number Word shows for a paragraph, from its own numbering or its style's. */
function displayedNumber(pPr: Element | undefined, style: ResolvedStyle | undefined, context: Context): DisplayedNumber | undefined {
  const numPr = child(pPr, 'numPr');
  const directNumId = val(numPr, 'numId');
  const directLevel = val(numPr, 'ilvl');
  const numId = directNumId ?? style?.numId;
  if (numId === undefined || numId === '0') return undefined;
  const level = directLevel !== undefined ? Number(directLevel) : (style?.ilvl ?? (style ? levelForStyle(context.numbering, numId, style.id) : undefined) ?? 0);
  return context.counter.next(numId, level);
}

function inTocField(context: Context): boolean {
  return context.fields.some((f) => f.result && /^\s*TOC\b/i.test(f.instruction));
}

/** Collects the formatted text runs of a paragraph (or any run container), following fields, links and content controls. */
function runs(container: Element, context: Context, style: ResolvedStyle | undefined, where: string, url?: string): TextSegment[] {
  const out: TextSegment[] = [];
  for (const element of children(container)) {
    switch (element.localName) {
      case 'r':
        out.push(...run(element, context, style, url));
        break;
      case 'hyperlink': {
        const rel = context.relationships.get(attribute(element, 'id') ?? '');
        const bookmark = attribute(element, 'anchor');
        if (bookmark && !rel) context.notes.push({ where, message: `a link to the bookmark "${bookmark}" in the document was kept as text: link the clause (#2.3) after import` });
        out.push(...runs(element, context, style, where, rel?.external ? rel.target : url));
        break;
      }
      case 'fldSimple':
        if (!/^\s*TOC\b/i.test(attribute(element, 'instr') ?? '')) out.push(...runs(element, context, style, where, url));
        break;
      case 'smartTag':
      case 'customXml':
        out.push(...runs(element, context, style, where, url));
        break;
      case 'sdt': {
        const content = child(element, 'sdtContent');
        if (content) out.push(...runs(content, context, style, where, url));
        break;
      }
      case 'ins':
      case 'moveTo':
        countChange(context, 'insertions', where);
        out.push(...runs(element, context, style, where, url));
        break;
      case 'del':
      case 'moveFrom':
        countChange(context, 'deletions', where);
        break;
      case 'oMath':
      case 'oMathPara':
        out.push({ text: descendants(element, 't').map(textOf).join('') });
        context.notes.push({ where, message: 'an equation was imported as plain text' });
        break;
      default:
        break;
    }
  }
  return out;
}

function run(element: Element, context: Context, style: ResolvedStyle | undefined, url?: string): TextSegment[] {
  const rPr = child(element, 'rPr');
  if (isOn(rPr, 'vanish') || isOn(rPr, 'specVanish')) return [];
  const charStyle = resolveStyle(context.styles, val(rPr, 'rStyle'));
  const heading = style?.outlineLevel !== undefined;
  // Headings lose their formatting anyway; elsewhere direct formatting wins over the character style.
  const bold = !heading && (isOn(rPr, 'b') ?? charStyle?.bold ?? false);
  const italic = !heading && (isOn(rPr, 'i') ?? charStyle?.italic ?? false);
  const strike = Boolean(isOn(rPr, 'strike') || isOn(rPr, 'dstrike'));
  const caps = isOn(rPr, 'caps') ?? false;
  const out: TextSegment[] = [];
  const push = (text: string) => {
    const field = context.fields.at(-1);
    if (field && !field.result) return;
    if (inTocField(context)) return;
    out.push({ text: caps ? text.toUpperCase() : text, bold, italic, strike, ...(url ? { url } : {}) });
  };
  for (const part of children(element)) {
    switch (part.localName) {
      case 't':
        push(textOf(part));
        break;
      case 'tab':
      case 'br':
      case 'cr':
      case 'ptab':
        push(' ');
        break;
      case 'noBreakHyphen':
        push('-');
        break;
      case 'sym': {
        const code = Number.parseInt(attribute(part, 'char') ?? '', 16);
        if (Number.isFinite(code)) push(String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code));
        break;
      }
      case 'fldChar': {
        const type = attribute(part, 'fldCharType');
        if (type === 'begin') context.fields.push({ instruction: '', result: false });
        else if (type === 'separate') {
          const field = context.fields.at(-1);
          if (field) field.result = true;
        } else if (type === 'end') context.fields.pop();
        break;
      }
      case 'instrText': {
        const field = context.fields.at(-1);
        if (field && !field.result) field.instruction += textOf(part);
        break;
      }
      case 'footnoteReference':
      case 'endnoteReference': {
        const kind = part.localName === 'footnoteReference' ? 'footnote' : 'endnote';
        const label = `${kind === 'endnote' ? 'e' : ''}${context.footnotes.filter((f) => f.kind === kind).length + 1}`;
        context.footnotes.push({ kind, id: attribute(part, 'id') ?? '', label });
        push(`[${label}]`);
        break;
      }
      case 'drawing':
      case 'pict':
      case 'object':
        context.images++;
        break;
      default:
        break;
    }
  }
  return out;
}

function footnoteText(note: Element, context: Context): PhrasingContent[] {
  const segments: TextSegment[] = [];
  for (const paragraph of children(note, 'p')) {
    const filtered = runs(paragraph, context, undefined, 'footnote').filter((s) => s.text !== '');
    if (segments.length > 0) segments.push({ text: ' ' });
    segments.push(...filtered);
  }
  return segmentsToPhrasing(segments);
}

/** A table as a GFM table: the first row is the header, merged cells flattened (text kept in the first). */
function convertTable(element: Element, context: Context): Table {
  context.tableIndex++;
  const tableNumber = context.tableIndex;
  const flattened: Flattened = { merged: false, nested: false };
  const rows: PhrasingContent[][][] = [];
  for (const tr of children(element, 'tr')) {
    const cells: PhrasingContent[][] = [];
    for (const tc of children(tr, 'tc')) cells.push(...convertCell(tc, context, flattened));
    if (cells.length > 0) rows.push(cells);
  }
  const width = Math.max(1, ...rows.map((r) => r.length));
  const where = `table ${tableNumber}`;
  if (flattened.merged) context.notes.push({ where, message: 'merged cells flattened: the text is in the first cell of each merge, the others are empty' });
  if (flattened.nested) context.notes.push({ where, message: 'a table inside a cell was flattened to its text' });
  const tableRows: TableRow[] = rows.map((cells) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i): TableCell => ({ type: 'tableCell', children: cells[i] ?? [] })),
  }));
  return { type: 'table', align: new Array(width).fill(null), children: tableRows };
}

/** Whether a table lost structure, for its notes. */
interface Flattened {
  merged: boolean;
  nested: boolean;
}

/** A cell as the grid columns it covers: its text in the first, empty ones for its span; a vertical merge's continuation is empty. */
function convertCell(tc: Element, context: Context, flattened: Flattened): PhrasingContent[][] {
  const tcPr = child(tc, 'tcPr');
  const span = Number(val(tcPr, 'gridSpan') ?? '1');
  const vMerge = child(tcPr, 'vMerge');
  const continued = vMerge !== undefined && attribute(vMerge, 'val') !== 'restart';
  const segments = cellSegments(tc, context, flattened);
  const cells: PhrasingContent[][] = [continued ? [] : segmentsToPhrasing(segments)];
  if (continued) flattened.merged = true;
  for (let extra = 1; extra < span; extra++) {
    cells.push([]);
    flattened.merged = true;
  }
  return cells;
}

/** A cell's paragraphs joined by spaces (a GFM cell is one line); a table inside it becomes its bare text. */
function cellSegments(tc: Element, context: Context, flattened: Flattened): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const block of children(tc)) {
    if (block.localName === 'p') {
      const paragraph = convertParagraph(block, context);
      if (paragraph.phrasing.length === 0) continue;
      if (segments.length > 0) segments.push({ text: ' ' });
      segments.push(...phrasingToSegments(paragraph.phrasing));
    } else if (block.localName === 'tbl') {
      flattened.nested = true;
      segments.push({ text: ` ${descendants(block, 't').map(textOf).join(' ')} ` });
    }
  }
  return segments;
}

/** Back from phrasing to segments, to join a cell's paragraphs. */
function phrasingToSegments(nodes: readonly PhrasingContent[], format: Omit<TextSegment, 'text'> = {}): TextSegment[] {
  const out: TextSegment[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ ...format, text: node.value });
    else if (node.type === 'strong') out.push(...phrasingToSegments(node.children, { ...format, bold: true }));
    else if (node.type === 'emphasis') out.push(...phrasingToSegments(node.children, { ...format, italic: true }));
    else if (node.type === 'delete') out.push(...phrasingToSegments(node.children, { ...format, strike: true }));
    else if (node.type === 'link') out.push(...phrasingToSegments(node.children, { ...format, url: node.url }));
  }
  return out;
}

function countChange(context: Context, kind: 'insertions' | 'deletions', where: string): void {
  context.changes[kind]++;
  context.changes.first ??= where;
}

function defaultParagraphStyle(styles: ReadonlyMap<string, WordStyle>): string | undefined {
  for (const style of styles.values()) if (style.type === 'paragraph' && /^normal$/i.test(style.name)) return style.id;
  return undefined;
}

function snippet(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 6).join(' ');
  return words.length < text.trim().length ? `${words}…` : words;
}
