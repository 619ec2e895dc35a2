import { sitePath, withBase } from '#publish/urls.ts';
import type { BuiltPage, PageLink } from './read-page-links.ts';

/**
 * A built site as the link checker sees it. Its paths are site paths, the same wherever the site
 * is published: under a path (`SITE_URL=https://example.org/sec-versions/`) the page at
 * `/tmad/v6.0/` is served at `/sec-versions/tmad/v6.0/`, which is where its links must lead.
 */
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

/** A link that is not written in a page but shown on it (a search result, as a site path), to check the same way. */
export interface ExtraLink {
  page: string;
  href: string;
}

const BASE = 'http://site.invalid';

/**
 * Checks every internal link of every page, and every `#fragment`: the target page or file must
 * exist, and the fragment must be an id on the target page. External links are not followed.
 * `siteUrl` is where the site is published: absolute links to it count as internal, and under a
 * path every internal link must stay under it. Extra links are site paths: the search page
 * puts them under the path itself.
 */
export function checkLinks(site: BuiltSite, siteUrl: string, extra: readonly ExtraLink[] = []): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const base = sitePath(siteUrl);
  // Link by link, not gathered first: at the scale of the SEC a page's links number millions.
  for (const page of site.pages.values())
    for (const link of page.links) {
      const reason = whyBroken(site, page.url, link.href, siteUrl);
      if (reason) broken.push({ page: page.url, link, reason });
    }
  for (const { page, href } of extra) {
    const link = { href, element: 'search result', line: 0, column: 0 };
    const reason = whyBroken(site, page, withBase(href, base), siteUrl);
    if (reason) broken.push({ page, link, reason });
  }
  return broken.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0) || a.link.line - b.link.line || a.link.column - b.link.column);
}

/** Where an internal link leads: a site path and its fragment (`#…` or ''); or why it cannot lead anywhere. */
export type LinkTarget = { path: string; hash: string } | { reason: string };

/**
 * An absolute path (`/tmad/v6.0/#8.6`) the URL parser would leave as written: no dot segments,
 * no escapes or characters it would escape in the path, no query, and a fragment of characters
 * it keeps. Most links of a built page are such; parsing each as a URL took most of the link
 * check's time after reading the pages.
 */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*(?:#[A-Za-z0-9\-._~%:!$&'()*+,;=/?@]*)?$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|#|$)/;

/** What {@link linkTarget} needs of where the site is published, worked out once per address. */
interface Published {
  siteUrl: string;
  base: string;
  origin: string;
}
let published: Published | undefined;

/**
 * The site path an internal link leads to, or undefined when it is external. `from` is the site
 * path of the page it is on; `siteUrl` where the site is published (its path included).
 */
export function linkTarget(from: string, href: string, siteUrl: string): LinkTarget | undefined {
  if (published?.siteUrl !== siteUrl) published = { siteUrl, base: sitePath(siteUrl), origin: new URL(siteUrl).origin };
  const { base, origin } = published;
  if (PLAIN_PATH.test(href) && !DOT_SEGMENT.test(href)) {
    const at = href.indexOf('#');
    const pathname = at === -1 ? href : href.slice(0, at);
    // The URL parser gives an empty fragment (`/a/#`) as no fragment.
    const hash = at === -1 || at === href.length - 1 ? '' : href.slice(at);
    if (!pathname.startsWith(base)) return { reason: `${pathname} is outside ${base}, the path the site is published under (SITE_URL): links must stay under it` };
    return { path: `/${pathname.slice(base.length)}`, hash };
  }
  let target: URL;
  try {
    target = new URL(href, `${BASE}${withBase(from, base)}`);
  } catch {
    return { reason: `"${href}" is not a valid URL` };
  }
  if (target.origin === origin) target = new URL(`${target.pathname}${target.search}${target.hash}`, BASE);
  if (target.origin !== BASE) return undefined;
  if (!target.pathname.startsWith(base)) return { reason: `${target.pathname} is outside ${base}, the path the site is published under (SITE_URL): links must stay under it` };
  try {
    return { path: decodeURI(`/${target.pathname.slice(base.length)}`), hash: target.hash };
  } catch {
    return { reason: `"${href}" has a malformed %-escape` };
  }
}

/**
 * Why an internal link leads nowhere, or undefined when it resolves (or is external). `from` is
 * the site path of the page it is on; `siteUrl` where the site is published (its path included).
 */
export function whyBroken(site: BuiltSite, from: string, href: string, siteUrl: string): string | undefined {
  const target = linkTarget(from, href, siteUrl);
  if (!target || 'reason' in target) return target?.reason;
  const { path } = target;
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
