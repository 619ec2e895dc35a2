import type { APIRoute } from 'astro';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { getSitemapFiles } from '#data/sitemap.ts';

/** `/sitemap.xml`: every page meant for search engines, or past 50,000 of them the sitemap index of `/sitemap-<n>.xml`. */
export const GET: APIRoute = async (context) => {
  const [file] = await getSitemapFiles(pageSiteUrl(context));
  if (!file) throw new Error('the site has no sitemap');
  return xmlResponse(file.tree);
};
