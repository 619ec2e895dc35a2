import type { BuiltPage } from './read-page-links.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import type { Tombstone } from '#content/tombstones.ts';

/**
 * The ledger of published URLs: every page and clause anchor the site has ever published, one
 * per line, sorted. URLs cited in letters must keep working, so a build may add URLs but never
 * drop one, unless a tombstone explains where it went.
 */

/** One URL of the ledger and the line it is on. */
export interface LedgerEntry {
  url: string;
  line: number;
}

/** The ledger file's first lines: what it is and how to change it. */
export const LEDGER_HEADER = [
  '# Every URL this site has published: pages, and pages#clause-anchors. Cited URLs must keep working,',
  '# so a build that drops one of these fails unless tombstones.yaml explains where it went.',
  '# Add new URLs with `npm run ledger:update`; never delete a line.',
];

/** Reads a ledger: one URL per line; blank lines and `#` comments are skipped. */
export function parseLedger(text: string): LedgerEntry[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ url: line.trim(), line: index + 1 }))
    .filter((entry) => entry.url !== '' && !entry.url.startsWith('#'));
}

/** Sorts by UTF-16 code units, the same on every machine and locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes a ledger: the header, then every URL once, sorted. */
export function formatLedger(urls: Iterable<string>): string {
  return `${[...LEDGER_HEADER, ...[...new Set(urls)].sort(byCodeUnit)].join('\n')}\n`;
}

/**
 * The URLs a build publishes: every page (not the 404 page, not tombstones) and every clause
 * anchor on it, as `/tmad/v6.0/#8.6` (the anchor written as the address bar shows it).
 */
export function publishedUrls(pages: Iterable<BuiltPage>): string[] {
  const urls: string[] = [];
  for (const page of pages) {
    if (page.tombstone || page.url === '/404.html') continue;
    urls.push(page.url);
    for (const anchor of page.anchors) urls.push(`${page.url}#${encodeURI(anchor)}`);
  }
  return urls.sort(byCodeUnit);
}

/** What checking a build against the ledger found. */
export interface LedgerCheck {
  /** Published URLs the build drops without a tombstone, and tombstones that do not hold: each stops the build. */
  problems: ContentProblem[];
  /** URLs the build publishes that the ledger does not list yet. */
  added: string[];
}

/**
 * Checks a build against the ledger: every URL in it must still be published, or have a
 * tombstone that the build serves (a tombstone page, or the anchor's note on its page). A
 * tombstone for a URL that is still published is an error too: one of the two is wrong.
 */
export function checkLedger(
  ledger: { file: string; entries: readonly LedgerEntry[] },
  pages: ReadonlyMap<string, BuiltPage>,
  tombstones: { file: string; entries: readonly Tombstone[] },
): LedgerCheck {
  const problems: ContentProblem[] = [];
  const published = new Set(publishedUrls(pages.values()));
  const byUrl = new Map(tombstones.entries.map((t) => [t.anchor === undefined ? t.page : `${t.page}#${encodeURI(t.anchor)}`, t]));
  const tombstoneFile = tombstones.file;

  for (const tombstone of tombstones.entries) {
    const page = pages.get(tombstone.page);
    const at = { file: tombstoneFile, line: tombstone.line, column: 1, severity: 'error' as const };
    if (tombstone.anchor === undefined) {
      if (page && !page.tombstone) {
        problems.push({ ...at, message: `tombstone for ${tombstone.url}, but the site still has that page`, hint: 'remove the tombstone, or the page' });
      }
    } else if (page?.anchors.includes(tombstone.anchor)) {
      problems.push({ ...at, message: `tombstone for ${tombstone.url}, but the page still has that clause`, hint: 'remove the tombstone: the clause is back' });
    } else if (page && !page.ids.has(tombstone.anchor)) {
      problems.push({
        ...at,
        message: `tombstone for ${tombstone.url} is not shown on ${tombstone.page}`,
        hint: 'the page must show its removed anchors (src/components/RemovedAnchors.astro)',
      });
    }
  }

  for (const entry of ledger.entries) {
    if (published.has(entry.url)) continue;
    const hash = entry.url.indexOf('#');
    const pageUrl = hash >= 0 ? entry.url.slice(0, hash) : entry.url;
    const tombstone = byUrl.get(entry.url) ?? byUrl.get(pageUrl);
    const served = tombstone?.anchor === undefined ? pages.get(pageUrl)?.tombstone : pages.has(pageUrl);
    if (tombstone && served) continue;
    problems.push({
      file: ledger.file,
      line: entry.line,
      column: 1,
      severity: 'error',
      message: `${entry.url} was published, and this build no longer has it`,
      hint: `restore it, or add a tombstone for it to ${tombstoneFile} (url, reason, goTo): published URLs are cited and must keep working`,
    });
  }
  const listed = new Set(ledger.entries.map((e) => e.url));
  return { problems, added: [...published].filter((url) => !listed.has(url)) };
}
