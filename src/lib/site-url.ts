/** Where the site is published unless `SITE_URL` says otherwise. */
export const DEFAULT_SITE_URL = 'https://sec-versions.example.org';

/** The absolute URL the site is published at: permalinks and citations are built on it. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL ?? DEFAULT_SITE_URL;
}
