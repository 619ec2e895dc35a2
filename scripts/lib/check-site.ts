import { formatProblem, sortProblems } from '../../src/lib/content-problem.ts';
import { loadSite } from '../../src/lib/load-site.ts';
import type { Site } from '../../src/lib/site-model.ts';
import { cachedParser } from '../../src/node/parse-cache.ts';
import { warmParseCache } from '../../src/node/warm-parse-cache.ts';
import { readContent } from './read-content.ts';

/**
 * Loads and checks a content folder, printing every problem found (errors and warnings) to
 * stderr. Versions are parsed on all cores into the parse cache first, so the build that
 * follows reads them from there. Returns the site, or undefined when there are errors.
 */
export async function checkSite(root: string, asOf: string): Promise<Site | undefined> {
  const { sources, problems: readProblems } = await readContent(root);
  await warmParseCache(sources.versions);
  const { site, problems } = loadSite(sources, asOf, { parse: cachedParser().parse });
  const all = sortProblems([...readProblems, ...problems]);
  for (const problem of all) console.error(formatProblem(problem));
  const errors = all.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !site) {
    console.error(`\n${errors} content error${errors === 1 ? '' : 's'}: nothing was built.`);
    return undefined;
  }
  return site;
}
