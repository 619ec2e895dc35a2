/**
 * The site's sitemap files (`/sitemap.xml`, and `/sitemap-<n>.xml` when it is split), computed
 * once per build for the address the site is published at.
 */
import { type SitemapEntry, type SitemapFile, sitemapEntries, sitemapFiles } from '#publish/sitemap.ts';
import { getHistories, getSite } from './site.ts';

let entries: Promise<SitemapEntry[]> | undefined;
const files = new Map<string, Promise<SitemapFile[]>>();

/** Every page meant for search engines. */
export function getSitemapEntries(): Promise<SitemapEntry[]> {
  entries ??= (async () => sitemapEntries(await getSite(), (document) => getHistories(document).histories.map((h) => h.slug)))();
  return entries;
}

/** The sitemap files with absolute URLs on `site`: the sitemap or sitemap index first, then its parts. */
export function getSitemapFiles(site: URL): Promise<SitemapFile[]> {
  let found = files.get(site.href);
  if (!found) {
    found = getSitemapEntries().then((list) => sitemapFiles(list, site));
    files.set(site.href, found);
  }
  return found;
}
