/**
 * The step of `npm run build` after Astro, in a process of its own: writes every clause history
 * page (most of the site's pages: 28,411 of 33,294 at the scale of the whole SEC) outside Astro,
 * which spends several times longer on a page than rendering it takes. Each page is the history
 * rendered by the core (`renderHistoryPage`) put into the shell page Astro rendered with the
 * site's layout (`fillPageShell`); the shell is then removed from the site.
 *
 * A page whose inputs are unchanged since an earlier build is copied from the cache folder: each
 * page is kept there under a hash of its cache key (`#publish/page-cache-keys.ts`), the shell's
 * bytes and the project's code. What was rendered and copied is added to the Astro step's record
 * (`sec-last-run.json`), which the link check and the tests read.
 *
 * Usage: histories-step.ts <siteDir> <cacheDir>
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { buildHistories } from '#compare/clause-history.ts';
import { renumberedBy } from '#compare/renumbered-by.ts';
import { contentRoot, siteUrlFromEnv } from '#content/environment.ts';
import type { VersionRecord } from '#model/site-model.ts';
import { cachedAligner } from '#node/align-cache.ts';
import { deferredParser } from '#node/deferred-parser.ts';
import { cachedParser } from '#node/parse-cache.ts';
import { siteFolders } from '#node/site-folders.ts';
import { pageCacheKeys } from '#publish/page-cache-keys.ts';
import { PAGE_SHELL, fillPageShell } from '#render/fill-page-shell.ts';
import { hastToHtml } from '#render/hast-to-html.ts';
import { renderHistoryPage } from '#render/render-history-page.ts';
import { addToRun } from './astro-cache.ts';
import { CachedFiles } from './cached-files.ts';
import { loadFrame } from './load-frame.ts';
import { readTombstones } from './read-tombstones.ts';
import { writeStepStats } from './step-stats.ts';
import { projectKey } from './unchanged-build.ts';

const [siteDir, cacheDir] = process.argv.slice(2);
if (!siteDir || !cacheDir) throw new Error('usage: histories-step.ts <siteDir> <cacheDir>');

const shellFile = join(siteDir, PAGE_SHELL.path, 'index.html');
const shellHtml = await readFile(shellFile, 'utf8').catch((error: unknown) => {
  throw new Error(`the shell page ${PAGE_SHELL.path} is missing from the site Astro built (src/pages${PAGE_SHELL.path}index.astro)`, { cause: error });
});
const shell = fromHtml(shellHtml);
await rm(join(siteDir, PAGE_SHELL.path), { recursive: true, force: true });

const texts = deferredParser(cachedParser().later);
const site = await loadFrame(texts);
const { tombstones } = await readTombstones(contentRoot(), siteFolders());
const siteUrl = siteUrlFromEnv();

const align = cachedAligner();
const rowsOf = new Map<VersionRecord, Map<VersionRecord, AlignedRow[]>>();
const compare = (from: VersionRecord, to: VersionRecord): AlignedRow[] => {
  const byTo = rowsOf.get(from) ?? new Map<VersionRecord, AlignedRow[]>();
  rowsOf.set(from, byTo);
  let rows = byTo.get(to);
  if (!rows) {
    rows = align(from.clauses, to.clauses);
    byTo.set(to, rows);
  }
  return rows;
};
const renumbered = renumberedBy(compare);
const keys = pageCacheKeys({ site, siteUrl, layoutFacts: tombstones, renumbered });
// Any change to the code or to the layout's bytes (its stylesheets' and scripts' names) renders every page again.
const codeKey = createHash('sha256')
  .update(await projectKey())
  .update(shellHtml)
  .digest('hex');

const files = new CachedFiles(siteDir, join(cacheDir, 'histories'), codeKey);
for (const loaded of site.documents) {
  // One document's texts at a time, let go with its alignments before the next.
  const document = texts.withTexts(loaded);
  const { histories } = buildHistories(document, compare);
  const context = { document, directionOf: (id: string) => site.directions.find((d) => d.id === id), renumbered };
  for (const history of histories)
    await files.write(`${document.id}/clauses/${history.slug}/index.html`, keys.history(document, history), () =>
      hastToHtml(fillPageShell(shell, renderHistoryPage(history, context, tombstones), siteUrl)),
    );
  for (const version of document.versions) rowsOf.delete(version);
}
const { rendered, reused, state } = await files.finish();

const run = await addToRun(cacheDir, 'histories', { rendered, reused, removed: `${PAGE_SHELL.path.slice(1)}index.html`, state });
console.log(`pages: ${run.rendered.length} files rendered, ${run.reused} copied from the previous build (clause histories: ${rendered.length} rendered, ${reused} copied)`);
await writeStepStats('histories');
