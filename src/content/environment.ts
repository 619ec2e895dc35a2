/**
 * What a build takes from its environment, read in one place: the content folder, the date
 * statuses are computed for, and the address the site is published at.
 */

/**
 * The content folder the site is built from: `content/` in the repository, or the folder named
 * by `SEC_CONTENT_DIR` (the benchmark builds a generated corpus this way).
 */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return (env.SEC_CONTENT_DIR ?? 'content').replace(/\/+$/, '');
}

/**
 * The date statuses are computed for (`YYYY-MM-DD`): `SEC_AS_OF` when set, else
 * `SOURCE_DATE_EPOCH` (seconds) so builds are reproducible, else today (UTC).
 */
export function asOfDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  if (env.SEC_AS_OF && /^\d{4}-\d{2}-\d{2}$/.test(env.SEC_AS_OF)) return env.SEC_AS_OF;
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().slice(0, 10);
}

/** Where the site is published unless `SITE_URL` says otherwise. */
export const DEFAULT_SITE_URL = 'https://sec-versions.example.org';

/** The absolute URL the site is published at (`SITE_URL`): permalinks and citations are built on it. */
export function siteUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL ?? DEFAULT_SITE_URL;
}

/**
 * The warning a build gives when `SITE_URL` is not set: its citations, feeds and sitemap would
 * name {@link DEFAULT_SITE_URL}, an address that serves nothing. Undefined when it is set.
 */
export function siteUrlWarning(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.SITE_URL) return undefined;
  return `warning: SITE_URL is not set, so citations, feeds and the sitemap name ${DEFAULT_SITE_URL}, which serves nothing. Set SITE_URL to the address the site is published at (npm start sets it to its own local address).`;
}
