import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getSite } from '#data/site.ts';
import { pageSiteUrl } from '#data/responses.ts';
import { versionAkn } from '#publish/generated-files.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) =>
    document.versions.map((version) => ({
      params: { doc: document.id, version: version.slug },
      props: { document, version, direction: site.directions.find((d) => d.id === version.direction) },
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  document: DocumentRecord;
  version: VersionRecord;
  direction: DirectionRecord | undefined;
}

/** `/api/<doc>/v<version>.akn.xml`: a version as an Akoma Ntoso 3.0 document. */
export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(versionAkn(props.document, props.version, props.direction, pageSiteUrl({ site })), { headers: { 'Content-Type': 'application/akn+xml; charset=utf-8' } });
