/**
 * A disk cache of parsed versions, keyed by a hash of the file, its text and the parser's own
 * source, so a rebuild parses only what changed. Node-only (it reads and writes files); the
 * pure core stays free of I/O and takes the cached parser as an option.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClauses, type ParseClausesOptions, type ParsedClauses } from '#parse/parse-clauses.ts';

/** The files whose code decides what a parse produces: a change to any of them empties the cache. */
const PARSER_SOURCES = [
  // Every module of the parser, found (not listed), so a new helper module cannot be missed.
  ...parserModules(),
  'src/model/clause.ts',
  'src/node/parse-cache.ts',
  'package-lock.json',
];

/** Every `.ts` file under src/parse, sorted (the entry point alone when the folder cannot be listed). */
function parserModules(root = process.cwd()): string[] {
  try {
    return (readdirSync(join(root, 'src/parse'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/parse/${file.split('\\').join('/')}`)
      .sort();
  } catch {
    return ['src/parse/parse-clauses.ts'];
  }
}

/** Where the cache lives: `SEC_CACHE_DIR`, else `.cache/sec` in the project. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.SEC_CACHE_DIR ?? '.cache/sec';
}

const salts = new Map<string, string | null>();

/**
 * A hash of source files (and the lockfile), so cached results die with the code that made
 * them; null when they cannot be read (then nothing is cached).
 */
export function sourceSalt(files: readonly string[], root = process.cwd()): string | null {
  const key = `${root}\u0000${files.join('\u0000')}`;
  if (salts.has(key)) return salts.get(key) ?? null;
  const hash = createHash('sha256');
  for (const file of [...PARSER_SOURCES, ...files]) {
    const path = join(root, file);
    if (!existsSync(path)) {
      salts.set(key, null);
      return null;
    }
    hash.update(file).update('\0').update(readFileSync(path)).update('\0');
  }
  const salt = hash.digest('hex').slice(0, 16);
  salts.set(key, salt);
  return salt;
}

/** A hash of the parser's sources, or null when they cannot be read (then nothing is cached). */
export function parserSalt(root = process.cwd()): string | null {
  return sourceSalt([], root);
}

/** The cache key of one parse. */
export function parseKey(markdown: string, options: ParseClausesOptions, parser: string): string {
  return createHash('sha256')
    .update(parser)
    .update('\0')
    .update(options.file)
    .update('\0')
    .update(String(options.lineOffset ?? 0))
    .update('\0')
    .update(markdown)
    .update(options.linksBase ? `\0linksBase\0${options.linksBase}` : '')
    .digest('hex');
}

/** Counts of what the cache did, for the build's report. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * A drop-in for {@link parseClauses} that reads a previous result from disk when the same file,
 * text and parser were seen before, and writes new results for next time.
 */
export function cachedParser(dir = cacheDir()): { parse: typeof parseClauses; stats: CacheStats } {
  const stats: CacheStats = { hits: 0, misses: 0 };
  const parser = parserSalt();
  const folder = join(dir, 'parsed');
  if (parser) mkdirSync(folder, { recursive: true });
  const parse = (markdown: string, options: ParseClausesOptions): ParsedClauses => {
    if (!parser) return parseClauses(markdown, options);
    const file = join(folder, `${parseKey(markdown, options, parser)}.json`);
    if (existsSync(file)) {
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8')) as ParsedClauses;
        stats.hits++;
        return cached;
      } catch {
        // A torn or foreign file: parse again and overwrite it.
      }
    }
    stats.misses++;
    const result = parseClauses(markdown, options);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(result));
    renameSync(temporary, file);
    return result;
  };
  return { parse, stats };
}
