import type { APIRoute } from 'astro';
import { getHistories, getSite } from '#data/site.ts';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { sitemapEntries, sitemapTree } from '#publish/sitemap.ts';

/** `/sitemap.xml`: every page meant for search engines. */
export const GET: APIRoute = async (context) =>
  xmlResponse(
    sitemapTree(
      sitemapEntries(await getSite(), (document) => getHistories(document).histories.map((h) => h.slug)),
      pageSiteUrl(context),
    ),
  );
