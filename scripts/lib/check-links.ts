import type { BuiltPage, PageLink } from './read-page-links.ts';

/** A built site as the link checker sees it. */
export interface BuiltSite {
  /** Pages by URL path (`/tmad/v6.0/`). */
  pages: Map<string, BuiltPage>;
  /** Every file served, as a URL path (`/pagefind/pagefind.js`, `/tmad/index.html`). */
  files: Set<string>;
}

/** A link that leads nowhere, and why. */
export interface BrokenLink {
  /** The page it is on. */
  page: string;
  link: PageLink;
  reason: string;
}

/** A link that is not written in a page but shown on it (a search result), to check the same way. */
export interface ExtraLink {
  page: string;
  href: string;
}

const BASE = 'http://site.invalid';

/**
 * Checks every internal link of every page, and every `#fragment`: the target page or file must
 * exist, and the fragment must be an id on the target page. External links are not followed.
 * `siteUrl` is where the site is published: absolute links to it count as internal.
 */
export function checkLinks(site: BuiltSite, siteUrl: string, extra: readonly ExtraLink[] = []): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const origin = new URL(siteUrl).origin;
  const all = [
    ...[...site.pages.values()].flatMap((page) => page.links.map((link) => ({ page: page.url, link }))),
    ...extra.map(({ page, href }) => ({ page, link: { href, element: 'search result', line: 0, column: 0 } })),
  ];
  for (const { page, link } of all) {
    const reason = whyBroken(site, page, link.href, origin);
    if (reason) broken.push({ page, link, reason });
  }
  return broken.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0) || a.link.line - b.link.line || a.link.column - b.link.column);
}

/** Why an internal link leads nowhere, or undefined when it resolves (or is external). */
export function whyBroken(site: BuiltSite, from: string, href: string, siteOrigin: string): string | undefined {
  let target: URL;
  try {
    target = new URL(href, `${BASE}${from}`);
  } catch {
    return `"${href}" is not a valid URL`;
  }
  if (target.origin === siteOrigin) target = new URL(`${target.pathname}${target.search}${target.hash}`, BASE);
  if (target.origin !== BASE) return undefined;
  let path: string;
  try {
    path = decodeURI(target.pathname);
  } catch {
    return `"${href}" has a malformed %-escape`;
  }
  const page = site.pages.get(path);
  if (!page) {
    if (site.files.has(path)) return undefined;
    if (site.pages.has(`${path}/`)) return `no page at ${path}: the address needs its trailing slash (${path}/)`;
    return `no page or file at ${path}`;
  }
  if (target.hash.length > 1) {
    let fragment: string;
    try {
      fragment = decodeURIComponent(target.hash.slice(1));
    } catch {
      return `"${target.hash}" has a malformed %-escape`;
    }
    if (!page.ids.has(fragment)) return `${path} has no #${fragment}`;
  }
  return undefined;
}

/** One line per broken link: where it is, where it points, why it fails. */
export function formatBrokenLink(broken: BrokenLink): string {
  const where = broken.link.line > 0 ? `${broken.page} line ${broken.link.line}` : broken.page;
  return `${where}: ${broken.link.element} link to ${broken.link.href}: ${broken.reason}`;
}
