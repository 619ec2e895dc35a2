import { strFromU8, unzipSync } from 'fflate';
import type { Element, ElementContent, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/** A Word document's body as text, as Word shows it after accepting or rejecting every tracked change. */
export interface ReviewedText {
  /** Paragraphs outside tables, in order, empty ones left out. */
  paragraphs: string[];
  /** Each table's rows, each row's cell texts. */
  tables: string[][][];
}

/** The XML of a part of a Word package. */
export function docxPart(docx: Uint8Array, part: string): string {
  const data = unzipSync(docx)[part];
  if (!data) throw new Error(`the Word file has no ${part}`);
  return strFromU8(data);
}

function children(node: Root | Element, name?: string): Element[] {
  const all: ReadonlyArray<RootContent | ElementContent> = node.children;
  return all.filter((c): c is Element => c.type === 'element' && (name === undefined || c.name === name));
}

/** The text of a paragraph: `w:t` runs, and `w:delText` inside deletions when rejecting. */
function paragraphText(node: Element | ElementContent, mode: 'accept' | 'reject', inside: 'ins' | 'del' | null = null): string {
  if (node.type !== 'element') return '';
  if (node.name === 'w:ins' && mode === 'reject') return '';
  if (node.name === 'w:del' && mode === 'accept') return '';
  const within = node.name === 'w:ins' ? 'ins' : node.name === 'w:del' ? 'del' : inside;
  if (node.name === 'w:t' || (node.name === 'w:delText' && within === 'del')) {
    return node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  }
  return node.children.map((c) => paragraphText(c, mode, within)).join('');
}

/** Reads `word/document.xml` as Word would show it with all revisions accepted, or all rejected. */
export function reviewedText(docx: Uint8Array, mode: 'accept' | 'reject'): ReviewedText {
  const tree = fromXml(docxPart(docx, 'word/document.xml'));
  const document = children(tree, 'w:document')[0];
  const body = document ? children(document, 'w:body')[0] : undefined;
  if (!body) throw new Error('word/document.xml has no body');
  const result: ReviewedText = { paragraphs: [], tables: [] };
  for (const block of children(body)) {
    if (block.name === 'w:p') {
      const text = paragraphText(block, mode);
      if (text.length > 0) result.paragraphs.push(text);
    } else if (block.name === 'w:tbl') {
      result.tables.push(
        children(block, 'w:tr').map((row) =>
          children(row, 'w:tc').map((cell) =>
            children(cell, 'w:p')
              .map((p) => paragraphText(p, mode))
              .join(''),
          ),
        ),
      );
    }
  }
  return result;
}
