import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentProblem } from '#model/content-problem.ts';
import type { SiteSources, SourceFile } from '#content/load-site.ts';
import { decodeUtf8 } from '#content/read-front-matter.ts';

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/**
 * Reads a content folder the way the content collections do: `documents/<doc>/index.md`,
 * every other `documents/<doc>/*.md` as a version, and `directions/*.md`. Files that are not
 * valid UTF-8 are reported (and read with the bad bytes replaced, so nothing else cascades).
 */
export async function readContent(root: string): Promise<{ sources: SiteSources; problems: ContentProblem[] }> {
  const sources: SiteSources = { documents: [], versions: [], directions: [] };
  const problems: ContentProblem[] = [];
  const load = async (file: string, into: SourceFile[]) => {
    const decoded = decodeUtf8(file, await readFile(file));
    problems.push(...decoded.problems);
    // Read even when undecodable (bad bytes become U+FFFD), so the file's other problems are
    // reported in the same run and references to it are not reported as unknown.
    into.push({ file, text: decoded.text });
  };
  for (const doc of await list(join(root, 'documents'))) {
    for (const name of await list(join(root, 'documents', doc))) {
      if (!name.endsWith('.md')) continue;
      await load(join(root, 'documents', doc, name), name === 'index.md' ? sources.documents : sources.versions);
    }
  }
  for (const name of await list(join(root, 'directions'))) {
    if (name.endsWith('.md')) await load(join(root, 'directions', name), sources.directions);
  }
  return { sources, problems };
}
