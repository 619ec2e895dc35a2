import type { Root } from 'xast';
import { x } from 'xastscript';
import { comparePairs } from '#model/compare-pairs.ts';
import type { Site } from '#model/site-model.ts';
import type { DocumentRecord } from '#model/site-model.ts';
import { absoluteUrl, compareUrl, directionsUrl, directionUrl, documentUrl, historyUrl, inEffectUrl, versionUrl } from './urls.ts';

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
