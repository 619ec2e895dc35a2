import type { APIRoute, GetStaticPaths } from 'astro';
import { getComparison, getSite, prerenderedPairs } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { docxResponse } from '#data/responses.ts';
import { compareDocx } from '#publish/compare-docx.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.flatMap((document) =>
    prerenderedPairs(document, site.asOf).map(([from, to]) => ({
      params: { doc: document.id, pair: `${from.slug}...${to.slug}` },
      props: { document, from, to },
      cacheKey: keys.compare(document, from, to),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  document: DocumentRecord;
  from: VersionRecord;
  to: VersionRecord;
}

/** `/<doc>/compare/v<a>...v<b>.docx`: a pre-built comparison as Word tracked changes. */
export const GET: APIRoute<Props> = async ({ props: { document, from, to } }) => docxResponse(await compareDocx({ document, from, to, rows: getComparison(from, to) }));
