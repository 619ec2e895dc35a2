import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getSite } from '#data/site.ts';
import { docxResponse } from '#data/responses.ts';
import { publishedVersionDocx } from '#publish/version-docx.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) => document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version } })));
}) satisfies GetStaticPaths;

/** `/<doc>/v<version>.docx`: a version as a Word document with Word's own numbering. */
export const GET: APIRoute<{ document: DocumentRecord; version: VersionRecord }> = async (context) =>
  docxResponse(await publishedVersionDocx(context.props.document, context.props.version));
