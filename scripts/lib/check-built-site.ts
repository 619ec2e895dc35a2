import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkLinks, formatBrokenLink, type BrokenLink } from './check-links.ts';
import { formatProblem, type ContentProblem } from '#model/content-problem.ts';
import type { SourcePoint } from '#model/clause.ts';
import type { Site } from '#model/site-model.ts';
import { checkLedger, parseLedger, publishedUrls, type LedgerEntry } from './url-ledger.ts';
import { versionUrl } from '#publish/urls.ts';
import { linksInto, readSiteToCheck, recordCheckedSite } from './link-index.ts';
import { readBuiltSite } from './read-built-site.ts';
import { readTombstones } from './read-tombstones.ts';

/** What checking a built site found. */
export interface BuiltSiteReport {
  ok: boolean;
  /** What to print: the broken links and dropped URLs, or a line saying all is well. */
  lines: string[];
  pages: number;
  links: number;
  /** URLs published that the ledger does not list yet. */
  added: string[];
}

/** The ledger file of a content folder. */
export function ledgerFile(root: string): string {
  return join(root, 'published-urls.txt');
}

/**
 * What the link check needs of the site, as plain data (it is handed from the content check to
 * the link check, which run in different processes): the clause URLs search results lead to,
 * and where each clause of each version page is written.
 */
export interface LinkSources {
  searchUrls: string[];
  /** By version page URL: its source file, and each clause's `[line, column]` by slug. */
  pages: Record<string, { file: string; starts: Record<string, [number, number]> }>;
}

/** Takes from a loaded site what {@link checkBuiltSite} needs. */
export function linkSources(site: Site, searchRecordUrls: Iterable<string>): LinkSources {
  const pages: LinkSources['pages'] = {};
  for (const document of site.documents) {
    for (const version of document.versions) {
      pages[versionUrl(document.id, version.version)] = {
        file: version.file,
        starts: Object.fromEntries(version.clauses.map((c) => [c.slug, [c.start.line, c.start.column]])),
      };
    }
  }
  return { searchUrls: [...new Set(searchRecordUrls)], pages };
}

/** Where a clause of a version page is written, if the page is a version's. */
function clauseAt(sources: LinkSources, page: string, slug: string): { file: string; start: SourcePoint } | undefined {
  const found = sources.pages[page];
  const start = found?.starts[slug];
  return found && start ? { file: found.file, start: { line: start[0], column: start[1] } } : undefined;
}

/**
 * Checks a built site before it is published: every internal link and `#fragment` resolves
 * (including the clause URLs search results link to), and every URL in the content folder's
 * ledger is still published or has a tombstone. Without a ledger (a new content folder, or one
 * copied without it), the site built before (`previous`, the output folder about to be
 * replaced) stands in for it: a build never silently drops what the live site publishes.
 */
export async function checkBuiltSite(outDir: string, sources: LinkSources, root: string, siteUrl: string, previous?: string, cacheDir?: string): Promise<BuiltSiteReport> {
  const { built, checked, linkers = [], previousPages, carried } = await readSiteToCheck(outDir, cacheDir);
  const records = sources.searchUrls.map((href) => ({ page: '/search/', href }));
  const broken = checkLinks(built, siteUrl, records);
  const links = [...built.pages.values()].reduce((n, page) => n + page.links.length + (page.resolvedInPage ?? 0), 0) + records.length;
  const lines = broken.map((b) => describeBroken(b, sources));

  const tombstones = await readTombstones(root);
  const file = ledgerFile(root);
  const hasLedger = existsSync(file);
  let ledger: LedgerEntry[] = [];
  let fromPrevious = false;
  if (hasLedger) ledger = parseLedger(await readFile(file, 'utf8'));
  else if (previous && existsSync(previous)) {
    // The last check's record of that site, when it has one: reading every page of it again costs
    // as much as the check of a clean build.
    ledger = publishedUrls(previousPages ?? (await readBuiltSite(previous)).pages.values()).map((url) => ({ url, line: 0 }));
    fromPrevious = ledger.length > 0;
  }
  const { problems, added } = checkLedger({ file, entries: ledger }, built.pages, { file: tombstones.file, entries: tombstones.tombstones });
  lines.push(...tombstones.problems.map(formatProblem));
  for (const problem of problems) {
    if (!fromPrevious || problem.file !== file) lines.push(formatProblem(problem));
    else {
      const url = problem.message.replace(/ was published, and this build no longer has it$/, '');
      lines.push(
        `${previous}/ error: ${url} is published by the site built before, and this build no longer has it\n  hint: ${file} (the ledger of published URLs) is missing, so the site being replaced stands in for it: check SEC_CONTENT_DIR names the right folder; restore the page or add a tombstone for it to ${tombstones.file}; or restore the ledger`,
      );
    }
  }

  const ok = lines.length === 0;
  if (cacheDir) await recordCheckedSite(cacheDir, built, ok, ok ? linksInto(built, siteUrl, carried) : undefined);
  const relinked = linkers.length > 0 ? ` and ${linkers.length} linking to files gone` : '';
  const read = checked
    ? `${checked.size - linkers.length} re-rendered pages${relinked} (the other ${built.pages.size - checked.size} unchanged since the last check)`
    : `${built.pages.size} pages`;
  if (ok) lines.push(`links: ${links} links on ${read} resolve; ${ledger.length} published URLs in place${fromPrevious ? ` (of the site built before: ${file} is missing)` : ''}`);
  if (ok && added.length > 0 && hasLedger) {
    lines.push(`ledger: ${added.length} new URL${added.length === 1 ? '' : 's'} not yet in ${file}: run npm run ledger:update to record them`);
  }
  if (ok && !hasLedger) lines.push(`ledger: ${file} is missing: published URLs are guarded only against the site built before; run npm run ledger:update to record them`);
  return { ok, lines, pages: built.pages.size, links, added };
}

/** A broken link in a version's text is reported at its clause in the content file; others by page. */
function describeBroken(broken: BrokenLink, sources: LinkSources): string {
  const clause = broken.link.clause ? clauseAt(sources, broken.page, broken.link.clause) : undefined;
  if (!clause) return formatBrokenLink(broken);
  const problem: ContentProblem = {
    file: clause.file,
    ...clause.start,
    severity: 'error',
    message: `link to ${broken.link.href} leads nowhere: ${broken.reason}`,
    hint: broken.link.href.startsWith('/')
      ? `correct the link or remove it; if it is relative to the publisher's own site, give the document's index.md that address as linksBase (https://…) (it is on ${broken.page}#${broken.link.clause})`
      : `correct the link or remove it (it is on ${broken.page}#${broken.link.clause})`,
  };
  return formatProblem(problem);
}
