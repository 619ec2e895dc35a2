import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { jsonResponse, pageSiteUrl } from '#data/responses.ts';
import { apiVersion } from '#publish/api-version.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version }, cacheKey: keys.version(document, version) })),
  );
}) satisfies GetStaticPaths;

/** `/api/<doc>/v<version>.json`: a version's clauses in order. */
export const GET: APIRoute<{ document: DocumentRecord; version: VersionRecord }> = (context) =>
  jsonResponse(apiVersion(context.props.document, context.props.version, pageSiteUrl(context)));
