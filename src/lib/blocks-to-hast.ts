import type { ElementContent, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/**
 * What content may contain once rendered: GitHub's allow-list (no scripts, event handlers,
 * `javascript:` or `data:` URLs, iframes, forms or style attributes), minus images, which
 * regulatory text has no use for and which could load from anywhere.
 */
export const contentSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !['img', 'picture', 'source', 'input'].includes(name)),
};

/**
 * Renders Markdown blocks to sanitised hast. Raw HTML in the Markdown is parsed (so an
 * unclosed tag cannot swallow the rest of the page: each call is a closed fragment) and then
 * reduced to {@link contentSchema}.
 */
export function blocksToHast(blocks: RootContent[]): ElementContent[] {
  const mdastRoot = { type: 'root' as const, children: blocks };
  const converted = toHast(mdastRoot, { allowDangerousHtml: true });
  const parsed = raw(converted as HastRoot) as HastRoot;
  const clean = sanitize(parsed, contentSchema) as HastRoot;
  // Clauses keep their own source positions; positions on every node would only cost memory
  // (a large part of it at the scale of the whole SEC) and cache space.
  visit(clean, (node) => {
    delete node.position;
  });
  return clean.children.filter(
    (node): node is ElementContent => node.type === 'element' || node.type === 'text',
  );
}
