import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { akomaNtoso } from '#publish/akoma-ntoso.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    document.versions.map((version) => ({
      params: { doc: document.id, version: version.slug },
      props: { document, version, direction: site.directions.find((d) => d.id === version.direction) },
      cacheKey: keys.version(document, version),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  document: DocumentRecord;
  version: VersionRecord;
  direction: DirectionRecord | undefined;
}

/** `/api/<doc>/v<version>.akn.xml`: a version as an Akoma Ntoso 3.0 document. */
export const GET: APIRoute<Props> = (context) => xmlResponse(akomaNtoso({ ...context.props, site: pageSiteUrl(context) }), 'application/akn+xml');
