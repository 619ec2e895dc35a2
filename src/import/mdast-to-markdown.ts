import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/**
 * Serialises an imported tree to the Markdown conventions of content/README.md: ATX headings,
 * `-` bullets, `*` emphasis, GFM pipe tables without padding. The serialiser escapes only what
 * would change the structure: `2.3 The DCC` and `(a) the` stay as written (the parser reads
 * them as clause numbers), while a paragraph that starts `1. ` is escaped to `1\. ` so it stays
 * a paragraph rather than becoming a list. Ends with exactly one newline.
 */
export function mdastToMarkdown(tree: Root): string {
  const text = toMarkdown(tree, {
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
  });
  return `${text.replace(/\n+$/, '')}\n`;
}
