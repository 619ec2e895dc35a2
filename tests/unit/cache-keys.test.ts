import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignerSalt, cachedAligner } from '#node/align-cache.ts';
import { cachedParser, parserSalt } from '#node/parse-cache.ts';
import { moduleGraph } from '#node/source-graph.ts';

/**
 * The parse and align caches are keyed on the code that made their results: every file of
 * their modules' import graphs (found by following imports, `#alias` ones included) and the
 * lockfile. Changed in a temporary copy of the project, a helper's source makes the cache miss.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-cache-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the project's sources, package.json and lockfile, to change freely. */
function projectCopy(name: string): string {
  const root = join(work, name);
  cpSync('src', join(root, 'src'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) cpSync(file, join(root, file));
  return root;
}

function touch(root: string, file: string): void {
  const path = join(root, file);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\n// changed\n`);
}

const MARKDOWN = '## 1 Scope\n\n1.1 The DCC shall act.\n\n1.2 A Party shall *promptly* tell the DCC.\n';
const OPTIONS = { file: 'content/documents/td/v1.0.md', lineOffset: 6 };

describe('the parse and align caches', () => {
  it('follow relative and #alias imports to the helpers the hand-kept list missed', () => {
    const parser = moduleGraph(['src/parse/parse-clauses.ts']);
    for (const helper of ['src/parse/clause-text.ts', 'src/parse/clause-warnings.ts', 'src/parse/whitespace.ts', 'src/model/clause.ts']) {
      expect(parser).toContain(helper);
    }
    expect(parser.every((file) => file.startsWith('src/parse/') || file.startsWith('src/model/'))).toBe(true);
    expect(moduleGraph(['src/node/align-cache.ts'])).toEqual(expect.arrayContaining(['src/compare/align-clauses.ts', 'src/compare/cross-references.ts']));
  });

  it('miss after a parser helper changes, and hit when nothing did', () => {
    const root = projectCopy('parse');
    const dir = join(root, '.cache');
    const first = cachedParser(dir, root);
    const parsed = first.parse(MARKDOWN, OPTIONS);
    expect(first.stats).toEqual({ hits: 0, misses: 1 });

    const again = cachedParser(dir, root);
    expect(again.parse(MARKDOWN, OPTIONS)).toEqual(parsed);
    expect(again.stats).toEqual({ hits: 1, misses: 0 });

    // Code the parser does not import leaves the key alone.
    const before = parserSalt(root);
    touch(root, 'src/render/render-version.ts');
    expect(parserSalt(root)).toBe(before);

    touch(root, 'src/parse/whitespace.ts');
    expect(parserSalt(root)).not.toBe(before);
    const afterChange = cachedParser(dir, root);
    expect(afterChange.parse(MARKDOWN, OPTIONS)).toEqual(parsed);
    expect(afterChange.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('miss after an aligner helper changes, or the lockfile', () => {
    const root = projectCopy('align');
    const clauses = cachedParser(join(root, '.cache'), root).parse(MARKDOWN, OPTIONS).clauses;
    const before = alignerSalt(root);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    touch(root, 'src/compare/cross-references.ts');
    const afterHelper = alignerSalt(root);
    expect(afterHelper).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), `${readFileSync(join(root, 'package-lock.json'), 'utf8')} `);
    expect(alignerSalt(root)).not.toBe(afterHelper);
    // Still aligns (and caches) under the new key.
    expect(cachedAligner(join(root, '.cache'), root)(clauses, clauses).length).toBeGreaterThan(0);
  });

  it('parse later from the cached file alone, or from the text when the cache does not hold it', () => {
    const root = projectCopy('later');
    const dir = join(root, '.cache');
    const parsed = cachedParser(dir, root).parse(MARKDOWN, OPTIONS);
    const reader = cachedParser(dir, root);
    // In the cache: read back from it, not parsed again.
    expect(reader.later(MARKDOWN, OPTIONS)()).toEqual(parsed);
    expect(reader.stats).toEqual({ hits: 0, misses: 0 });
    // Not in the cache yet: parsed (and cached) when asked for.
    const other = { ...OPTIONS, file: 'content/documents/td/v2.0.md' };
    const pending = reader.later(MARKDOWN, other);
    expect(reader.stats).toEqual({ hits: 0, misses: 0 });
    expect(pending().clauses.map((c) => c.slug)).toEqual(parsed.clauses.map((c) => c.slug));
    expect(reader.stats).toEqual({ hits: 0, misses: 1 });
    // A cached file that goes missing before it is read is an error naming the version, not a silent parse.
    const gone = reader.later(MARKDOWN, OPTIONS);
    rmSync(join(dir, 'parsed'), { recursive: true, force: true });
    expect(gone).toThrow(/^content\/documents\/td\/v1\.0\.md: its parsed text \(.*\) went missing or was damaged during the build; build again$/);
  });

  it('cache nothing when a source cannot be read', () => {
    const root = projectCopy('broken');
    rmSync(join(root, 'src/parse/clause-text.ts'));
    expect(parserSalt(root)).toBeNull();
  });
});
