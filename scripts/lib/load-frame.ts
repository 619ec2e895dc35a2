import { contentRoot } from '#content/environment.ts';
import { loadSite } from '#content/load-site.ts';
import type { Site } from '#model/site-model.ts';
import type { DeferredParser } from '#node/deferred-parser.ts';
import { siteFolders } from '#node/site-folders.ts';
import { readContent } from './read-content.ts';

/**
 * The site without its texts, for a build step after the content check (which passed, and put
 * every version in the parse cache): each document's texts are read later with `texts.withTexts`.
 * The content read here is let go once the site is loaded.
 */
export async function loadFrame(texts: DeferredParser): Promise<Site> {
  const { sources } = await readContent(contentRoot());
  const { site } = loadSite(sources, process.env.SEC_AS_OF as string, { parse: texts.parse, reserved: siteFolders() });
  if (!site) throw new Error('the content no longer loads: it changed while the site was being built; build again');
  return site;
}
