/**
 * A disk cache of parsed versions, keyed by a hash of the file, its text and the parser's own
 * source (every file its import graph reaches), so a rebuild parses only what changed.
 * Node-only (it reads and writes files); the pure core stays free of I/O and takes the cached
 * parser as an option.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClauses, type ParseClausesOptions, type ParsedClauses } from '#parse/parse-clauses.ts';
import { moduleGraphHash } from './source-graph.ts';

/**
 * The modules whose code decides what a parse produces; with everything they import (see
 * source-graph.ts) and the lockfile, they key the cache.
 */
const PARSER_ENTRIES = ['src/parse/parse-clauses.ts', 'src/node/parse-cache.ts'];

/** Where the cache lives: `SEC_CACHE_DIR`, else `.cache/sec` in the project. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.SEC_CACHE_DIR ?? '.cache/sec';
}

/**
 * A hash of the parser's code (its modules' import graph and the lockfile), read from the
 * project at `root`; null when it cannot be read (then nothing is cached).
 */
export function parserSalt(root = process.cwd()): string | null {
  return moduleGraphHash(PARSER_ENTRIES, root);
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
export function cachedParser(dir = cacheDir(), root = process.cwd()): { parse: typeof parseClauses; later: ParseLater; stats: CacheStats } {
  const stats: CacheStats = { hits: 0, misses: 0 };
  const parser = parserSalt(root);
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
  const later: ParseLater = (markdown, options) => {
    if (parser) {
      const file = join(folder, `${parseKey(markdown, options, parser)}.json`);
      // Already in the cache (the content check put every version there): only the file's name is
      // kept, and the text can be let go.
      if (existsSync(file)) return readLater(file, options.file);
    }
    return () => parse(markdown, options);
  };
  return { parse, later, stats };
}

/**
 * Reads a cached parse when asked. A function of its own: a closure made beside the one that
 * keeps the text would share its scope, and keep the text alive too.
 */
function readLater(file: string, source: string): () => ParsedClauses {
  return () => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as ParsedClauses;
    } catch (error) {
      throw new Error(`${source}: its parsed text (${file}) went missing or was damaged during the build; build again`, { cause: error });
    }
  };
}

/** Keeps what is needed to parse a version later, as little of it as the cache allows: {@link cachedParser}'s `later`. */
export type ParseLater = (markdown: string, options: ParseClausesOptions) => () => ParsedClauses;
