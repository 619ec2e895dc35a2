/**
 * The source files a module's code is made of, found by following its imports, and a hash of
 * them: disk caches key their results on it, so a change to any file that could change a
 * result (a helper three imports away included) makes the cache miss. Computed, never listed
 * by hand: a list forgets the helper added last.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, type-only ones included. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*(['"])([^'"]+)\1|(?:^|[\s;(])import\s*\(?\s*(['"])([^'"]+)\3/g;

/** Comments that start a line (JSDoc, `//` notes), so an import quoted in one is not followed. */
const COMMENT = /^[ \t]*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*)/gm;

/**
 * The project's source files reachable from `entries` (project-relative paths), following
 * relative imports and `#alias/…` imports through package.json "imports"; package imports are
 * left to the lockfile. Sorted; throws when an imported project file is missing.
 */
export function moduleGraph(entries: readonly string[], root = process.cwd()): string[] {
  const aliases = importAliases(root);
  const seen = new Set<string>();
  const queue = entries.map((entry) => normalize(entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8').replace(COMMENT, '');
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport((match[2] ?? match[4]) as string, file, aliases);
      if (target !== undefined) queue.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * A hash of the source files of `entries`' import graph and of the lockfile (the packages they
 * import), or null when a file cannot be read (then nothing should be cached).
 */
export function moduleGraphHash(entries: readonly string[], root = process.cwd()): string | null {
  try {
    const hash = createHash('sha256');
    for (const file of [...moduleGraph(entries, root), 'package-lock.json']) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(root, file)))
        .update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}

/** package.json "imports" patterns: `#model/*` → `./src/model/*`. */
function importAliases(root: string): [prefix: string, target: string][] {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return [];
  const imports = (JSON.parse(readFileSync(path, 'utf8')) as { imports?: Record<string, unknown> }).imports ?? {};
  return Object.entries(imports).flatMap(([pattern, target]) =>
    typeof target === 'string' && pattern.endsWith('*') && target.endsWith('*') ? [[pattern.slice(0, -1), target.slice(0, -1)] as [string, string]] : [],
  );
}

/** The project file an import specifier names, or undefined for a package. */
function resolveImport(specifier: string, from: string, aliases: readonly [string, string][]): string | undefined {
  if (specifier.startsWith('.')) return normalize(join(dirname(from), specifier));
  if (!specifier.startsWith('#')) return undefined;
  const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
  if (!alias) throw new Error(`${from}: import ${specifier} matches no "imports" pattern of package.json`);
  return normalize(relative('.', join(alias[1], specifier.slice(alias[0].length))));
}
