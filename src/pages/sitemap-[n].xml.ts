import type { APIRoute, GetStaticPaths } from 'astro';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { getSitemapEntries, getSitemapFiles } from '#data/sitemap.ts';
import { sitemapPartCount } from '#publish/sitemap.ts';

export const getStaticPaths = (async () =>
  Array.from({ length: sitemapPartCount((await getSitemapEntries()).length) }, (_, i) => ({ params: { n: String(i + 1) } }))) satisfies GetStaticPaths;

/** `/sitemap-<n>.xml`: the `n`th part of a sitemap too long for one file, listed by the sitemap index at `/sitemap.xml`. */
export const GET: APIRoute = async (context) => {
  const file = (await getSitemapFiles(pageSiteUrl(context)))[Number(context.params.n)];
  if (!file) throw new Error(`no sitemap part ${context.params.n}`);
  return xmlResponse(file.tree);
};
