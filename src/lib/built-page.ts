import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

/** A link found in a built page: what it points at and where it is written. */
export interface PageLink {
  href: string;
  /** The element carrying it: `a`, `link`, `script`, `form`, `meta` (a refresh). */
  element: string;
  line: number;
  column: number;
  /** The id of the clause the link sits in, when it is in a version's text. */
  clause?: string;
}

/** What the link checker and the URL ledger need of a built page. */
export interface BuiltPage {
  /** Its URL path: `/tmad/v6.0/`, `/404.html`. */
  url: string;
  /** Every fragment target: element ids and `<a name>`. */
  ids: Set<string>;
  /** Clause anchors (the ids of clauses, table rows and tables), in page order: the ones the URL ledger records. */
  anchors: string[];
  links: PageLink[];
  /** Whether this page is a tombstone standing for a removed page. */
  tombstone: boolean;
}

/** Classes the version renderer gives the elements whose ids are clause anchors. */
const ANCHOR_CLASSES = new Set(['clause', 'clause-row', 'clause-table']);

/** The URL a built file is served at: `tmad/index.html` → `/tmad/`, `404.html` → `/404.html`. */
export function urlOfFile(relativePath: string): string {
  const path = `/${relativePath.split(/[\\/]/).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Reads the ids, clause anchors and links of a parsed built page. */
export function builtPage(url: string, tree: Root): BuiltPage {
  const ids = new Set<string>();
  const anchors: string[] = [];
  const links: PageLink[] = [];
  let tombstone = false;
  const isAnchor = (node: Element) => typeof node.properties.id === 'string' && classes(node).some((c) => ANCHOR_CLASSES.has(c));

  visitParents(tree, 'element', (element, ancestors) => {
    const id = element.properties.id;
    if (typeof id === 'string' && id !== '') {
      ids.add(id);
      if (isAnchor(element)) anchors.push(id);
    }
    if (element.tagName === 'a' && typeof element.properties.name === 'string') ids.add(element.properties.name);
    if (classes(element).includes('tombstone')) tombstone = true;
    const at = element.position?.start ?? { line: 0, column: 0 };
    const add = (href: unknown) => {
      if (typeof href !== 'string') return;
      const holder = [element, ...[...ancestors].reverse()].find((node): node is Element => node.type === 'element' && isAnchor(node));
      const clause = holder?.properties.id as string | undefined;
      links.push({ href, element: element.tagName, line: at.line, column: at.column, ...(clause ? { clause } : {}) });
    };
    if (element.tagName === 'a' || element.tagName === 'link' || element.tagName === 'area') add(element.properties.href);
    if (element.tagName === 'script' || element.tagName === 'img' || element.tagName === 'iframe') add(element.properties.src);
    if (element.tagName === 'form') add(element.properties.action);
    if (element.tagName === 'meta' && String(element.properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
      const target = /url\s*=\s*(.+)$/i.exec(String(element.properties.content ?? ''))?.[1];
      add(target?.trim().replace(/^['"]|['"]$/g, ''));
    }
  });
  return { url, ids, anchors, links, tombstone };
}
