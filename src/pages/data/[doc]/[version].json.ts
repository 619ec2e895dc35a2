/** `/data/<doc>/v<version>.json`: a version's clauses for comparing any two versions in the browser. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getSite } from '#data/site.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionData } from '#publish/generated-files.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) => document.versions.map((version) => ({ params: { doc: document.id, version: version.slug }, props: { document, version } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: DocumentRecord; version: VersionRecord }> = ({ props }) =>
  new Response(versionData(props.document, props.version), { headers: { 'Content-Type': 'application/json' } });
