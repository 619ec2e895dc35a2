import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getComparison, getSite, prerenderedPairs } from '#data/site.ts';
import { pageSiteUrl } from '#data/responses.ts';
import { compareJson } from '#publish/generated-files.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) =>
    prerenderedPairs(document, site.asOf).map(([from, to]) => ({ params: { doc: document.id, pair: `${from.slug}...${to.slug}` }, props: { document, from, to } })),
  );
}) satisfies GetStaticPaths;

/** `/api/<doc>/compare/v<a>...v<b>.json`: the alignment behind a pre-built comparison page. */
export const GET: APIRoute<{ document: DocumentRecord; from: VersionRecord; to: VersionRecord }> = (context) => {
  const { document, from, to } = context.props;
  return new Response(compareJson(document, from, to, getComparison(from, to), pageSiteUrl(context)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
