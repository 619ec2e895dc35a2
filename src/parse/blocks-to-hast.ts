import type { ElementContent, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/**
 * Elements GitHub allows that content here may not have: images and inputs (regulatory text has
 * no use for them, and an image could load from anywhere), and ruby annotations, which some
 * browsers show and others hide. Their text is kept, unwrapped.
 */
const REMOVED_TAGS = new Set(['img', 'picture', 'source', 'input', 'ruby', 'rt', 'rp']);

/**
 * Attributes GitHub allows that content here may not have: `accesskey` and `tabindex` would take
 * over keyboard shortcuts and focus order, and `aria-label` would make a screen reader say
 * something other than the text on the page.
 */
const REMOVED_ATTRIBUTES = new Set(['accessKey', 'tabIndex', 'ariaLabel', 'dir']);

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a
 * legal text in English they have no use, and they can make a clause display in an order other
 * than the one it is stored, searched and compared in. They are removed, as is `dir` (above).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Headings written as raw HTML sit inside a clause: never a second `<h1>`, never above the page's sections (`h2`). */
const DEMOTED: Record<string, string> = { h1: 'h3', h2: 'h3' };

/** Elements dropped with everything inside them: their content is code, styling or a form, never text to show. */
const STRIPPED = ['script', 'style', 'template', 'textarea', 'select', 'title', 'iframe', 'frame', 'frameset', 'object', 'noscript', 'noembed', 'noframes', 'xmp', 'svg', 'math'];

const attributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((entry) => !REMOVED_ATTRIBUTES.has(Array.isArray(entry) ? String(entry[0]) : entry))]),
);

/**
 * What content may contain once rendered: GitHub's allow-list (no scripts, event handlers,
 * `javascript:`, `data:` or `vbscript:` URLs, iframes, forms, `style` elements or attributes,
 * `class` beyond a few fixed values, and every `id` prefixed so it cannot clash with the
 * page's), narrowed further by {@link REMOVED_TAGS} and {@link REMOVED_ATTRIBUTES}. Without
 * styles, classes or `hidden`, and with every `<details>` open, content cannot hide text.
 */
const contentSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !REMOVED_TAGS.has(name)),
  attributes,
  strip: STRIPPED,
  // A `<details>` in content is always open: the reader may fold it, content may not hide text.
  required: { ...defaultSchema.required, details: { open: true } },
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
    if (node.type === 'element' && node.tagName in DEMOTED) node.tagName = DEMOTED[node.tagName] as string;
    if (node.type === 'text') node.value = node.value.replace(BIDI_CONTROLS, '');
  });
  return clean.children.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text');
}
