/**
 * The top-level names of the built site that the build itself writes, derived from what
 * writes them rather than kept by hand: the routes in src/pages (`search`, `api`, `feeds`, …),
 * the files in public/, Astro's asset folder, and the search bundles the build's search step moves in
 * (`pagefind`, `pagefind-in-effect`). A document id or a tombstone URL among them would
 * collide with the site's own pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's folder for bundled assets (`build.assets`, left at its default in astro.config.mjs). */
const ASTRO_ASSETS = '_astro';

/** A route file or folder as the URL segment it becomes: `sitemap.xml.ts` → `sitemap.xml`, `index.astro` → `index`. */
function routeName(name: string): string | undefined {
  // A name with a parameter in it (`sitemap-[n].xml.ts`) is a family of names, not one.
  if (name.includes('[') || name.startsWith('_') || name.startsWith('.')) return undefined;
  return name.replace(/\.(?:astro|ts|js|md|mdx|html)$/, '');
}

/** The scripts that move folders into the staged site next to Astro's output (the search bundles). */
const MOVERS = ['scripts/build.ts', 'scripts/lib/search-step.ts'];

/** The folders the build's scripts move into the staged site next to Astro's output: `rename(…, `${staging}/name`)` or `${site}/name`. */
function buildMovedFolders(root: string): string[] {
  return MOVERS.flatMap((file) => {
    const path = join(root, file);
    if (!existsSync(path)) return [];
    return [...readFileSync(path, 'utf8').matchAll(/rename\([^,]+,\s*`\$\{(?:staging|site)\}\/([\w.-]+)`\)/g)].map((m) => m[1] as string);
  });
}

/** Every top-level name the build writes, for the project at `root`. */
export function siteFolders(root = process.cwd()): Set<string> {
  const list = (dir: string) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []);
  const names = [...list('src/pages').map(routeName), ...list('public'), ASTRO_ASSETS, ...buildMovedFolders(root)];
  return new Set(names.filter((name): name is string => name !== undefined));
}
