/** `/data/<doc>/v<version>.json`: a version's clauses for comparing any two versions in the browser. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { encodeVersion } from '#publish/version-data.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version }, cacheKey: keys.version(document, version) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { document, version } = props as { document: DocumentRecord; version: VersionRecord };
  return new Response(JSON.stringify(encodeVersion(document.id, version.version, version.clauses)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
