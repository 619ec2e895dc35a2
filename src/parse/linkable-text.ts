import type { ElementContent } from 'hast';
import type { Clause } from '#model/clause.ts';

/** Elements whose text is never linked: links already, code, and embedded images or maths. */
export const UNLINKED_ELEMENTS: ReadonlySet<string> = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math']);

/** The content of a clause in which references and terms are linked: not a heading or a table's header, not a row's first cell (it names the row). */
export function linkableContent(clause: Clause): ElementContent[] {
  if (clause.kind === 'heading' || clause.kind === 'table') return [];
  if (clause.kind !== 'row') return clause.content;
  const first = clause.content.findIndex((cell) => cell.type === 'element');
  return clause.content.filter((_, index) => index !== first);
}

/** The text nodes' values of some content, outside the elements never linked, in order. */
export function linkableTexts(nodes: readonly ElementContent[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'text') return [node.value];
    if (node.type !== 'element' || UNLINKED_ELEMENTS.has(node.tagName)) return [];
    return linkableTexts(node.children);
  });
}
