import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { docxResponse } from '#data/responses.ts';
import { publishedVersionDocx } from '#publish/version-docx.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version }, cacheKey: keys.version(document, version) })),
  );
}) satisfies GetStaticPaths;

/** `/<doc>/v<version>.docx`: a version as a Word document with Word's own numbering. */
export const GET: APIRoute<{ document: DocumentRecord; version: VersionRecord }> = async (context) =>
  docxResponse(await publishedVersionDocx(context.props.document, context.props.version));
