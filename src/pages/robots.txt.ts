import type { APIRoute } from 'astro';
import { pageSiteUrl } from '#data/responses.ts';
import { absoluteUrl, sitemapUrl, sitePath } from '#publish/urls.ts';

/** `/robots.txt`: everything may be crawled (under the path the site is published at); the sitemap (a sitemap index when the site passes 50,000 pages) lists the pages worth indexing. */
export const GET: APIRoute = (context) =>
  new Response(['User-agent: *', `Allow: ${sitePath(pageSiteUrl(context))}`, '', `Sitemap: ${absoluteUrl(sitemapUrl, pageSiteUrl(context))}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
