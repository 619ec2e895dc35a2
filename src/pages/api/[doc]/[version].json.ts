import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getSite } from '#data/site.ts';
import { pageSiteUrl } from '#data/responses.ts';
import { versionJson } from '#publish/generated-files.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) => document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version } })));
}) satisfies GetStaticPaths;

/** `/api/<doc>/v<version>.json`: a version's clauses in order. */
export const GET: APIRoute<{ document: DocumentRecord; version: VersionRecord }> = (context) =>
  new Response(versionJson(context.props.document, context.props.version, pageSiteUrl(context)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
