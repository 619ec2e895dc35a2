import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** `{#id}` (with optional classes or key=value pairs) at the end of a heading or paragraph, as kramdown and Pandoc write it. */
const ATTRIBUTES = /[ \t]*\{#([^\s}#]+)(?:\s[^}]*)?\}[ \t]*$/;

/**
 * Turns each `{#id}` attribute at the end of a heading or paragraph into an empty element with
 * that id, so the attribute is not shown as text and the id is found like any explicit `id`
 * in the HTML (see anchor-aliases.ts).
 */
export function markAttributeIds(tree: Root): void {
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph') return;
    const block = node as Heading | Paragraph;
    const last = block.children.at(-1);
    if (last?.type !== 'text') return;
    const match = ATTRIBUTES.exec(last.value);
    if (!match) return;
    last.value = last.value.slice(0, match.index);
    if (last.value === '') block.children.pop();
    block.children.push(idElement(match[1] as string));
  });
}

/** An empty mdast node rendered as `<span id="…">`. */
function idElement(id: string): PhrasingContent {
  return { type: 'emphasis', children: [], data: { hName: 'span', hProperties: { id } } };
}
