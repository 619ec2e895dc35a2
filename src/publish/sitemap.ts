import type { Root } from 'xast';
import { x } from 'xastscript';
import { comparePairs } from '#model/compare-pairs.ts';
import type { Site } from '#model/site-model.ts';
import type { DocumentRecord } from '#model/site-model.ts';
import { absoluteUrl, compareUrl, directionsUrl, directionUrl, documentUrl, historyUrl, inEffectUrl, sitemapUrl, versionUrl } from './urls.ts';

/** One page for search engines, with the content date it last changed on when there is one. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/**
 * Every page meant for search engines, in site order. Pages that only redirect (`latest`) and
 * search results are left out: they carry `noindex`. `historySlugs` gives each document's clause
 * history pages (computed by the caller, which caches the alignments they need).
 */
export function sitemapEntries(site: Site, historySlugs: (document: DocumentRecord) => string[] = () => []): SitemapEntry[] {
  const latest = (dates: Array<string | undefined>) =>
    dates
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
  const entries: SitemapEntry[] = [{ path: '/', lastmod: latest(site.directions.map((d) => d.date)) }];
  for (const document of site.documents) {
    const dates = document.versions.map((v) => v.designated ?? v.published);
    entries.push({ path: documentUrl(document.id), lastmod: latest(dates) });
    entries.push({ path: inEffectUrl(document.id), lastmod: latest(document.versions.map((v) => v.effective)) });
    for (const version of document.versions) entries.push({ path: versionUrl(document.id, version.version), lastmod: version.designated ?? version.published });
    for (const [from, to] of comparePairs(document)) {
      entries.push({ path: compareUrl(document.id, from.version, to.version), lastmod: latest([from.designated ?? from.published, to.designated ?? to.published]) });
    }
    for (const slug of historySlugs(document)) entries.push({ path: historyUrl(document.id, slug), lastmod: latest(dates) });
  }
  entries.push({ path: directionsUrl, lastmod: latest(site.directions.map((d) => d.date)) });
  for (const direction of site.directions) entries.push({ path: directionUrl(direction.id), lastmod: direction.date });
  return entries;
}

/** The sitemap (sitemaps.org protocol 0.9) as an XML tree, with absolute URLs on the site's address. */
export function sitemapTree(entries: readonly SitemapEntry[], site: URL | string): Root {
  return x(
    null,
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x(
      'urlset',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      entries.map((entry) => x('url', [x('loc', absoluteUrl(entry.path, site)), entry.lastmod ? x('lastmod', entry.lastmod) : undefined])),
    ),
  );
}

/** The most URLs one sitemap file may list (sitemaps.org protocol); past it the site publishes a sitemap index. */
export const SITEMAP_URL_LIMIT = 50_000;

/** The address of the `n`th part of a split sitemap (from 1): `/sitemap-1.xml`. */
function sitemapPartUrl(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** How many part files a sitemap of `urls` URLs is split into: none when one sitemap holds them all. */
export function sitemapPartCount(urls: number, limit: number = SITEMAP_URL_LIMIT): number {
  return urls <= limit ? 0 : Math.ceil(urls / limit);
}

/** One sitemap file to publish: its address and its XML tree. */
export interface SitemapFile {
  path: string;
  tree: Root;
}

/**
 * The sitemap files of a site. Up to `limit` URLs: one sitemap at `/sitemap.xml`. Past it: the
 * entries split, in order, into `/sitemap-1.xml`, `/sitemap-2.xml`… of at most `limit` URLs
 * each, and a sitemap index at `/sitemap.xml` (where robots.txt points) listing them, each with
 * the latest `lastmod` of its entries.
 */
export function sitemapFiles(entries: readonly SitemapEntry[], site: URL | string, limit: number = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a sitemap's URL limit must be a positive whole number, not ${limit}`);
  if (sitemapPartCount(entries.length, limit) === 0) return [{ path: sitemapUrl, tree: sitemapTree(entries, site) }];
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) parts.push(entries.slice(i, i + limit));
  const index = x(
    null,
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x(
      'sitemapindex',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      parts.map((part, i) => {
        const lastmod = part
          .map((entry) => entry.lastmod)
          .filter((date): date is string => date !== undefined)
          .sort()
          .at(-1);
        return x('sitemap', [x('loc', absoluteUrl(sitemapPartUrl(i + 1), site)), lastmod ? x('lastmod', lastmod) : undefined]);
      }),
    ),
  );
  return [{ path: sitemapUrl, tree: index }, ...parts.map((part, i) => ({ path: sitemapPartUrl(i + 1), tree: sitemapTree(part, site) }))];
}
