import { formatProblem, sortProblems } from '#model/content-problem.ts';
import { loadSite } from '#content/load-site.ts';
import type { Site } from '#model/site-model.ts';
import { cachedParser } from '#node/parse-cache.ts';
import { siteFolders } from '#node/site-folders.ts';
import { warmParseCache } from '#node/warm-parse-cache.ts';
import { readContent } from './read-content.ts';
import { readTombstones } from './read-tombstones.ts';

/** What checking a content folder found: the site (undefined when there are errors) and the report, line by line. */
export interface ContentReport {
  site: Site | undefined;
  /** Every problem (errors and warnings) formatted as `file:line:col severity: message` + hint, then a closing line when there are errors. */
  lines: string[];
}

/**
 * Loads and checks a content folder, collecting every problem found in one run. The report
 * is exactly what `npm run check:content` and `npm run build` print.
 */
export async function checkContent(root: string, asOf: string): Promise<ContentReport> {
  const { sources, problems: readProblems } = await readContent(root);
  await warmParseCache(sources.versions);
  const reserved = siteFolders();
  const { site, problems } = loadSite(sources, asOf, { parse: cachedParser().parse, reserved });
  const tombstones = await readTombstones(root, reserved);
  const all = sortProblems([...readProblems, ...problems, ...tombstones.problems]);
  const lines = all.map(formatProblem);
  const errors = all.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !site) {
    lines.push('', `${errors} content error${errors === 1 ? '' : 's'}: nothing was built.`);
    return { site: undefined, lines };
  }
  return { site, lines };
}

/**
 * Loads and checks a content folder, printing every problem found (errors and warnings) to
 * stderr. Versions are parsed on all cores into the parse cache first, so the build that
 * follows reads them from there. Returns the site, or undefined when there are errors.
 */
export async function checkSite(root: string, asOf: string): Promise<Site | undefined> {
  const { site, lines } = await checkContent(root, asOf);
  for (const line of lines) console.error(line);
  return site;
}
