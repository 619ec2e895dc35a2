import type { APIRoute, GetStaticPaths } from 'astro';
import { getComparison, getSite } from '#data/site.ts';
import { getCacheKeys } from '#data/page-cache-keys.ts';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { designationFeed } from '#publish/designation-feed.ts';
import { feedEntries } from '#publish/feed-entries.ts';
import type { DocumentRecord } from '#model/site-model.ts';
import { documentFeedUrl, documentUrl } from '#publish/urls.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const keys = await getCacheKeys();
  return site.documents.map((document) => ({ params: { doc: document.id }, props: { document }, cacheKey: keys.document(document) }));
}) satisfies GetStaticPaths;

/** `/<doc>/feed.xml`: one document's designations, newest first. */
export const GET: APIRoute<{ document: DocumentRecord }> = async (context) => {
  const { document } = context.props;
  const site = await getSite();
  const feed = designationFeed(
    {
      title: `SEC versions: ${document.shortName} designations`,
      subtitle: `Each designated version of SEC ${document.secReference}, ${document.title}, with what changed.`,
      path: documentFeedUrl(document.id),
      alternate: documentUrl(document.id),
    },
    feedEntries(site, getComparison, document.id),
    pageSiteUrl(context),
  );
  return xmlResponse(feed, 'application/atom+xml');
};
