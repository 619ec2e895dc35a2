/**
 * The cache keys of this build's generated pages (see `#publish/page-cache-keys.ts`), from the
 * site, its tombstones and the address it is published at. Computed once per build.
 */
import { siteUrlFromEnv } from '#content/environment.ts';
import { type PageCacheKeys, pageCacheKeys } from '#publish/page-cache-keys.ts';
import { getRenumbered, getSite } from './site.ts';
import { getTombstones } from './tombstones.ts';

let loading: Promise<PageCacheKeys> | undefined;

/** Cache keys for `getStaticPaths()` results: every page's key covers exactly what it renders. */
export function getCacheKeys(): Promise<PageCacheKeys> {
  loading ??= (async () => {
    const [site, tombstones] = await Promise.all([getSite(), getTombstones()]);
    return pageCacheKeys({ site, siteUrl: siteUrlFromEnv(), layoutFacts: tombstones, renumbered: getRenumbered });
  })();
  return loading;
}
