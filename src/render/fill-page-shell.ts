import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import { absoluteUrl } from '#publish/urls.ts';
import { withBaseLinks } from './base-links.ts';

/**
 * The page the build renders with the site's layout and placeholders, for pages rendered outside
 * Astro: its site path, the title and description it is given, and the attribute marking where
 * each page's main content goes. The build removes it from the site once the pages are written.
 */
export const PAGE_SHELL = {
  path: '/history-shell/',
  title: 'SHELL-PAGE-TITLE',
  description: 'SHELL-PAGE-DESCRIPTION',
  /** The `data-shell-main` attribute of the empty element the main content replaces. */
  marker: 'dataShellMain',
} as const;

/** What one page puts into the shell. */
export interface ShellPage {
  /** Its site path, `/tmad/clauses/8-6/`. */
  path: string;
  title: string;
  description: string;
  /** Its main content; links are site paths. */
  main: ElementContent[];
}

type Node = Root | RootContent;

/**
 * A page made from the shell (parsed from the shell page Astro rendered): its title, description
 * and addresses (canonical, `cite-as`, `og:url`) put in place of the shell's, and its main
 * content in place of the marked element, with links put under the site's base. The shell is not
 * changed: the page shares every node of it that it does not change (tens of thousands of pages
 * are made from one shell, so copying it whole for each was a tenth of the time). Throws when the
 * shell has no marked element or never names its own title and address, so a layout change that
 * drops one fails the build instead of shipping pages without it.
 */
export function fillPageShell(shell: Root, page: ShellPage, siteUrl: string): Root {
  const base = new URL(siteUrl).pathname.replace(/\/?$/, '/');
  const replacements: Array<[string, string]> = [
    [absoluteUrl(PAGE_SHELL.path, siteUrl), absoluteUrl(page.path, siteUrl)],
    [PAGE_SHELL.title, page.title],
    [PAGE_SHELL.description, page.description],
  ];
  const found = new Set<string>();
  const replace = (value: string): string => {
    let result = value;
    for (const [from, to] of replacements)
      if (result.includes(from)) {
        found.add(from);
        result = result.split(from).join(to);
      }
    return result;
  };
  const main = withBaseLinks(page.main, base);
  let marked = 0;
  /** The node as the page has it: the node itself when nothing in it changes, else a copy. */
  const fill = (node: Node): Node | Node[] => {
    if (node.type === 'text') {
      const value = replace(node.value);
      return value === node.value ? node : { ...node, value };
    }
    if (node.type === 'element' && node.properties[PAGE_SHELL.marker] !== undefined) {
      marked += 1;
      return main;
    }
    let changed = false;
    let properties = node.type === 'element' ? node.properties : undefined;
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value !== 'string') continue;
        const next = replace(value);
        if (next === value) continue;
        if (properties === node.properties) properties = { ...node.properties };
        (properties as Element['properties'])[name] = next;
        changed = true;
      }
    }
    if (!('children' in node)) return node;
    const children: Node[] = [];
    for (const child of (node as Parents).children) {
      const filled = fill(child);
      if (Array.isArray(filled) || filled !== child) changed = true;
      if (Array.isArray(filled)) children.push(...filled);
      else children.push(filled);
    }
    return changed ? ({ ...node, ...(properties ? { properties } : {}), children } as Node) : node;
  };
  const tree = fill(shell) as Root;
  if (marked !== 1) throw new Error(`the page shell ${PAGE_SHELL.path} has ${marked} elements marked data-shell-main: it needs exactly one, where each page's content goes`);
  const missing = replacements.map(([from]) => from).filter((from) => !found.has(from));
  if (missing.length > 0) throw new Error(`the page shell ${PAGE_SHELL.path} does not name ${missing.join(', ')}: its layout no longer shows what each page replaces`);
  return tree;
}
