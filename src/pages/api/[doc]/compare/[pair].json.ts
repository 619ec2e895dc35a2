import type { APIRoute, GetStaticPaths } from 'astro';
import { getComparison, getSite, prerenderedPairs } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { jsonResponse, pageSiteUrl } from '#data/responses.ts';
import { apiCompare } from '#publish/api-compare.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    prerenderedPairs(document, site.asOf).map(([from, to]) => ({
      params: { doc: document.id, pair: `${from.slug}...${to.slug}` },
      props: { document, from, to },
      cacheKey: keys.compare(document, from, to),
    })),
  );
}) satisfies GetStaticPaths;

/** `/api/<doc>/compare/v<a>...v<b>.json`: the alignment behind a pre-built comparison page. */
export const GET: APIRoute<{ document: DocumentRecord; from: VersionRecord; to: VersionRecord }> = (context) => {
  const { document, from, to } = context.props;
  return jsonResponse(apiCompare(document, from, to, getComparison(from, to), pageSiteUrl(context)));
};
