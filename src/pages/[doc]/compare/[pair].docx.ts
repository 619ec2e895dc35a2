import type { APIRoute, GetStaticPaths } from 'astro';
import { filesWrittenOutsideAstro } from '#data/outside-astro.ts';
import { getComparison, getSite, prerenderedPairs } from '#data/site.ts';
import { docxResponse } from '#data/responses.ts';
import { compareDocx } from '#publish/compare-docx.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

// The build writes these files outside Astro (src/publish/generated-files.ts): see #data/outside-astro.ts.
export const getStaticPaths = (async () => {
  if (filesWrittenOutsideAstro()) return [];
  const site = await getSite();
  return site.documents.flatMap((document) =>
    prerenderedPairs(document, site.asOf).map(([from, to]) => ({ params: { doc: document.id, pair: `${from.slug}...${to.slug}` }, props: { document, from, to } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  document: DocumentRecord;
  from: VersionRecord;
  to: VersionRecord;
}

/** `/<doc>/compare/v<a>...v<b>.docx`: a pre-built comparison as Word tracked changes. */
export const GET: APIRoute<Props> = async ({ props: { document, from, to } }) => docxResponse(await compareDocx({ document, from, to, rows: getComparison(from, to) }));
