import type { APIRoute } from 'astro';
import { getComparison, getSite } from '#data/site.ts';
import { pageSiteUrl, xmlResponse } from '#data/responses.ts';
import { designationFeed } from '#publish/designation-feed.ts';
import { feedEntries } from '#publish/feed-entries.ts';
import { siteFeedUrl } from '#publish/urls.ts';

/** `/feeds/designations.xml`: every designation of every document, newest first. */
export const GET: APIRoute = async (context) => {
  const site = await getSite();
  const feed = designationFeed(
    {
      title: 'SEC versions: designations',
      subtitle: 'Each version of a Smart Energy Code subsidiary document the Secretary of State designates, with what changed.',
      path: siteFeedUrl,
      alternate: '/',
    },
    feedEntries(site, getComparison),
    pageSiteUrl(context),
  );
  return xmlResponse(feed, 'application/atom+xml');
};
