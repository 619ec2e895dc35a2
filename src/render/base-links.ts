import type { Element, Nodes } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '#publish/urls.ts';

/** The properties of an element that name a URL the browser loads or follows. */
const URL_PROPERTIES = ['href', 'src', 'action'] as const;

/**
 * A tree built by the core (whose links are site paths, `/tmad/v6.0/#8.6`) with every site path
 * in `href`, `src` and `action` put under `base`, the path the site is published under
 * ({@link withBase}). At the root (`/`) the tree itself is returned; otherwise a copy, because
 * the trees of a loaded site (clause text, descriptions) are shared by every page that shows them.
 */
export function withBaseLinks<T extends Nodes | Nodes[]>(tree: T, base: string): T {
  if (base === '/') return tree;
  const copy = structuredClone(tree);
  const roots: Nodes[] = Array.isArray(copy) ? copy : [copy];
  for (const root of roots) {
    visit(root, 'element', (element: Element) => {
      for (const name of URL_PROPERTIES) {
        const value = element.properties[name];
        if (typeof value === 'string') element.properties[name] = withBase(value, base);
      }
    });
  }
  return copy;
}
