/**
 * A disk cache of comparisons, keyed by a hash of both versions' clauses and of the aligner's
 * own source (every file its import graph reaches): a rebuild aligns only the pairs whose text
 * changed. Node-only; the core stays pure.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignClauses, type AlignedRow } from '#compare/align-clauses.ts';
import { decodeRows, encodeRows, type EncodedRow } from '#compare/aligned-rows-data.ts';
import type { Clause } from '#model/clause.ts';
import { cacheDir } from './parse-cache.ts';
import { moduleGraphHash } from './source-graph.ts';

/**
 * The modules whose code decides an alignment and how it is stored; with everything they
 * import (see source-graph.ts) and the lockfile, they key the cache.
 */
const ALIGNER_ENTRIES = ['src/compare/align-clauses.ts', 'src/compare/aligned-rows-data.ts', 'src/node/align-cache.ts'];

/** A hash of the aligner's code read from the project at `root`; null when it cannot be read (then nothing is cached). */
export function alignerSalt(root = process.cwd()): string | null {
  return moduleGraphHash(ALIGNER_ENTRIES, root);
}

const fingerprints = new WeakMap<readonly Clause[], string>();

/** A hash of what alignment reads of a version's clauses. */
function fingerprint(clauses: readonly Clause[]): string {
  let value = fingerprints.get(clauses);
  if (!value) {
    const hash = createHash('sha256');
    for (const c of clauses)
      hash.update(
        `${c.slug}\u0000${c.number ?? ''}\u0000${c.label ?? ''}\u0000${c.kind}\u0000${c.depth}\u0000${c.parent ?? ''}\u0000${c.path.join('\u0001')}\u0000${c.text}\u0002`,
      );
    value = hash.digest('hex');
    fingerprints.set(clauses, value);
  }
  return value;
}

/**
 * {@link alignClauses} with a disk cache: the same two versions (same clauses) under the same
 * aligner give the rows computed before, read back onto these clause objects.
 */
export function cachedAligner(dir = cacheDir(), root = process.cwd()): (oldClauses: readonly Clause[], newClauses: readonly Clause[]) => AlignedRow[] {
  const salt = alignerSalt(root);
  const folder = join(dir, 'aligned');
  if (salt) mkdirSync(folder, { recursive: true });
  return (oldClauses, newClauses) => {
    if (!salt) return alignClauses(oldClauses, newClauses);
    const key = createHash('sha256').update(salt).update(fingerprint(oldClauses)).update(fingerprint(newClauses)).digest('hex');
    const file = join(folder, `${key}.json`);
    if (existsSync(file)) {
      try {
        return decodeRows(JSON.parse(readFileSync(file, 'utf8')) as EncodedRow[], oldClauses, newClauses);
      } catch {
        // A torn or foreign file: align again and overwrite it.
      }
    }
    const rows = alignClauses(oldClauses, newClauses);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(encodeRows(rows, oldClauses, newClauses)));
    renameSync(temporary, file);
    return rows;
  };
}
