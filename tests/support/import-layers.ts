import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The folders of `src/` and what each may import. Imports run one way: the model at the bottom,
 * parsing and content above it, comparison above those, publishing and rendering on top;
 * importing official files and node-only code (caches, workers) sit on the side. Only the
 * site's data module reads Astro's content collections; the core never imports `astro:*`.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  model: [],
  parse: ['model'],
  content: ['model', 'parse'],
  compare: ['model', 'parse'],
  publish: ['model', 'parse', 'compare'],
  render: ['model', 'parse', 'compare', 'publish'],
  import: ['model', 'parse', 'content', 'compare'],
  node: ['model', 'parse', 'content', 'compare'],
  scripts: ['model', 'parse', 'compare', 'publish', 'render'],
  data: ['model', 'parse', 'content', 'compare', 'publish', 'render', 'node'],
  components: ['model', 'compare', 'publish', 'render', 'data', 'scripts', 'styles'],
  layouts: ['model', 'publish', 'components', 'scripts', 'styles'],
  pages: ['model', 'content', 'compare', 'publish', 'render', 'data', 'components', 'layouts', 'scripts', 'styles'],
};

/** Folders that may import `astro:*` modules (everything else is plain TypeScript). */
const ASTRO_AWARE = new Set(['data', 'components', 'layouts', 'pages', '(root)']);

/** One import that runs the wrong way. */
export interface LayerViolation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*(['"])([^'"]+)\1|(?:^|[\s;(])import\s*\(?\s*(['"])([^'"]+)\3/g;

/** The `src/` folder a path (relative to the project) lies in, or `(root)` for `src/*.ts`. */
export function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0] === 'scripts' ? 'build-scripts' : undefined;
  return parts.length > 2 ? parts[1] : '(root)';
}

/** The folder an import specifier leads to, from a file at `from` (project-relative). */
export function targetOf(specifier: string, from: string): string | undefined {
  if (specifier.startsWith('#')) return specifier.slice(1).split('/')[0];
  if (specifier.startsWith('.')) return folderOf(normalize(join(dirname(from), specifier)));
  return undefined;
}

/** Checks the imports of one file's text against {@link LAYERS}. */
export function layerViolations(file: string, text: string): LayerViolation[] {
  const folder = folderOf(file);
  if (!folder || !(folder in LAYERS || folder === '(root)')) return [];
  const allowed = new Set([folder, ...(LAYERS[folder] ?? [])]);
  const violations: LayerViolation[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = (match[2] ?? match[4]) as string;
    const line = text.slice(0, text.indexOf(specifier, match.index)).split('\n').length;
    if (specifier.startsWith('astro:') && !ASTRO_AWARE.has(folder)) {
      violations.push({ file, line, specifier, reason: `src/${folder} is plain TypeScript: only src/data reads Astro's collections` });
      continue;
    }
    const target = targetOf(specifier, file);
    if (target === 'build-scripts') {
      violations.push({ file, line, specifier, reason: 'the site never imports the build scripts (scripts/)' });
    } else if (target && folder !== '(root)' && !allowed.has(target)) {
      violations.push({ file, line, specifier, reason: `src/${folder} may import ${[...allowed].map((f) => `src/${f}`).join(', ')}, not src/${target}` });
    }
  }
  return violations;
}

/** Every `.ts`, `.mjs` and `.astro` file under a folder, project-relative. */
function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|astro)$/.test(entry.name)) found.push(relative(root, path));
    }
  };
  walk(join(root, folder));
  return found.sort();
}

/** Checks every source file under `src/`. */
export function projectLayerViolations(root: string): LayerViolation[] {
  return sourceFiles(root, 'src').flatMap((file) => layerViolations(file, readFileSync(join(root, file), 'utf8')));
}
