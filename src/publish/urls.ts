/**
 * The site's URLs: a public contract, cited in letters and emails. Change nothing here
 * without keeping the old URLs working.
 */

/** `/tmad/` */
export const documentUrl = (doc: string): string => `/${doc}/`;

/** `/tmad/v6.0/` */
export const versionUrl = (doc: string, version: string): string => `/${doc}/v${version}/`;

/** `/tmad/v6.0/#2.3` */
export const clauseUrl = (doc: string, version: string, slug: string): string => `${versionUrl(doc, version)}#${slug}`;

/** `/tmad/compare/v5.0...v6.0/` */
export const compareUrl = (doc: string, from: string, to: string): string => `/${doc}/compare/v${from}...v${to}/`;

/** `/tmad/clauses/5.5/`: the history of one clause through every version (slug as in its latest version). */
export const historyUrl = (doc: string, slug: string): string => `/${doc}/clauses/${slug}/`;

/** `/data/tmad/v6.0.json`: a version's clauses, for comparisons computed in the browser. */
export const versionDataUrl = (doc: string, version: string): string => `/data/${doc}/v${version}.json`;

/** `/directions/2020-07-24-smets1-tmad-s1sr/` */
export const directionUrl = (id: string): string => `/directions/${id}/`;

/** `/directions/` */
export const directionsUrl = '/directions/';

/** `/search/`: the versions in effect. */
export const searchUrl = '/search/';

/** `/search/all/`: every version, superseded versions and consultation drafts included. */
export const searchAllUrl = '/search/all/';

/** `/tmad/in-effect/`: which version was in legal effect on a date (`?on=2020-07-01`). */
export const inEffectUrl = (doc: string): string => `/${doc}/in-effect/`;

/** `/feeds/designations.xml`: the Atom feed of every designation. */
export const siteFeedUrl = '/feeds/designations.xml';

/** `/tmad/feed.xml`: the Atom feed of one document's designations. */
export const documentFeedUrl = (doc: string): string => `/${doc}/feed.xml`;

/** `/api/documents.json` */
export const apiDocumentsUrl = '/api/documents.json';

/** `/api/tmad/v6.0.json` */
export const apiVersionUrl = (doc: string, version: string): string => `/api/${doc}/v${version}.json`;

/** `/api/tmad/compare/v5.0...v6.0.json` */
export const apiCompareUrl = (doc: string, from: string, to: string): string => `/api/${doc}/compare/v${from}...v${to}.json`;

/** `/api/schemas/version.schema.json` */
export const apiSchemaUrl = (name: string): string => `/api/schemas/${name}.schema.json`;

/** `/sitemap.xml` */
export const sitemapUrl = '/sitemap.xml';

/**
 * The path the site is published under, from the URL it is published at (`SITE_URL`): `/` at
 * the root of a domain, `/sec-versions/` for `https://example.org/sec-versions/`. Always ends
 * in `/`. Astro's `base` is set from it, and every link a page writes starts with it.
 */
export function sitePath(site: URL | string): string {
  const path = new URL(site).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * A site path (`/tmad/v6.0/#8.6`, as the builders above return it, and as the URL ledger records
 * it) as a link on the site published under `base` ({@link sitePath}): `/sec-versions/tmad/v6.0/#8.6`.
 * Unchanged at the root, and for anything that is not a site path (`#8.6`, `https://…`, `//host/…`).
 */
export function withBase(path: string, base: string): string {
  if (base === '/' || !path.startsWith('/') || path.startsWith('//')) return path;
  return `${base}${path.slice(1)}`;
}

/** The site path of an address under `base` (Astro's `Astro.url.pathname` carries the base): the reverse of {@link withBase}. */
export function withoutBase(path: string, base: string): string {
  return base !== '/' && path.startsWith(base) ? `/${path.slice(base.length)}` : path;
}

/**
 * A site path made absolute on the URL the site is published at (`SITE_URL`), for citations,
 * feeds and the API, which are read away from the site. Under a path, the path is kept:
 * `/tmad/` on `https://example.org/sec-versions/` is `https://example.org/sec-versions/tmad/`.
 */
export function absoluteUrl(path: string, site: URL | string): string {
  const root = new URL(sitePath(site), site);
  return new URL(path.startsWith('/') && !path.startsWith('//') ? `.${path}` : path, root).href;
}

/** `/api/tmad/v6.0.akn.xml`: a version as Akoma Ntoso 3.0. */
export const apiAknUrl = (doc: string, version: string): string => `/api/${doc}/v${version}.akn.xml`;

/** `/tmad/v6.0.docx`: a version as a Word document. */
export const versionDocxUrl = (doc: string, version: string): string => `/${doc}/v${version}.docx`;

/** `/tmad/compare/v5.0...v6.0.docx`: a comparison as a Word document with tracked changes. */
export const compareDocxUrl = (doc: string, from: string, to: string): string => `/${doc}/compare/v${from}...v${to}.docx`;
