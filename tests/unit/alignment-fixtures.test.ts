import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignClauses, type AlignedRow } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

/**
 * The alignment fixture suite: each case in tests/fixtures/alignment/<case>/ has two versions
 * (old.md, new.md, our own text) and expected.txt, one line per row in row order:
 *
 *   renumbered 4.41 -> 4.42 reworded consequential
 *   split 2.3 -> 2.3 2.4
 *   inserted -> 4.12a
 *
 * (kind, old slugs, `->`, new slugs, then `reworded` for a renumbered, moved, split or merged
 * clause whose words changed, and `consequential` when cross-references followed renumbered
 * targets; `#` starts a comment). The expected files are written by hand, from what the
 * author of the case meant, never generated. Each case must match exactly; over all cases the
 * test prints the precision and recall of the clause pairs (old slug, new slug) the alignment
 * makes, over all pairs and over the pairs of changed clauses.
 */
const root = 'tests/fixtures/alignment';

/** One row as a line of expected.txt. */
function describeRow(row: AlignedRow): string {
  const olds = row.olds ?? (row.old ? [row.old] : []);
  const news = row.news ?? (row.new ? [row.new] : []);
  const flags = [...(row.reworded && ['renumbered', 'moved', 'split', 'merged'].includes(row.kind) ? ['reworded'] : []), ...(row.consequential ? ['consequential'] : [])];
  return [row.kind, ...olds.map((c) => c.slug), '->', ...news.map((c) => c.slug), ...flags].join(' ');
}

/** The clause pairs a set of rows asserts: every old slug with every new slug of a row. */
function pairsOf(lines: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const line of lines) {
    const [left = '', right = ''] = line.split(' -> ');
    const olds = left.split(' ').slice(1);
    const news = right.split(' ').filter((word) => word !== '' && word !== 'reworded' && word !== 'consequential');
    for (const o of olds) for (const n of news) pairs.add(`${o} => ${n}`);
  }
  return pairs;
}

function rowsOf(dir: string): string[] {
  const parse = (name: string) => {
    const { clauses, problems } = parseClauses(readFileSync(join(dir, name), 'utf8'), { file: join(dir, name) });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, `${dir}/${name} must parse without errors`).toEqual([]);
    return clauses;
  };
  return alignClauses(parse('old.md'), parse('new.md')).map(describeRow);
}

const cases = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'old.md')))
  .sort();
const totals = { expected: 0, actual: 0, correct: 0, changedExpected: 0, changedActual: 0, changedCorrect: 0 };

describe('alignment fixtures', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const actual = rowsOf(dir);
      const file = join(dir, 'expected.txt');
      expect(existsSync(file), `${file} is missing: write the expected alignment by hand`).toBe(true);
      const expected = readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
      const want = pairsOf(expected);
      const got = pairsOf(actual);
      const changed = (lines: readonly string[]) => pairsOf(lines.filter((line) => !line.startsWith('unchanged ')));
      const wantChanged = changed(expected);
      const gotChanged = changed(actual);
      totals.expected += want.size;
      totals.actual += got.size;
      totals.correct += [...got].filter((p) => want.has(p)).length;
      totals.changedExpected += wantChanged.size;
      totals.changedActual += gotChanged.size;
      totals.changedCorrect += [...gotChanged].filter((p) => wantChanged.has(p)).length;
      expect(actual).toEqual(expected);
    });
  }

  afterAll(() => {
    const percent = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
    console.log(
      [
        `Alignment over ${cases.length} fixture cases:`,
        `  all pairs:     precision ${percent(totals.correct, totals.actual)} (${totals.correct}/${totals.actual}), recall ${percent(totals.correct, totals.expected)} (${totals.correct}/${totals.expected})`,
        `  changed pairs: precision ${percent(totals.changedCorrect, totals.changedActual)} (${totals.changedCorrect}/${totals.changedActual}), recall ${percent(totals.changedCorrect, totals.changedExpected)} (${totals.changedCorrect}/${totals.changedExpected})`,
      ].join('\n'),
    );
  });
});

describe('alignment totals', () => {
  it('aligns every fixture pair exactly (100% precision and recall)', () => {
    // Runs after the per-case tests in this file, which fill the totals.
    expect(totals.actual).toBeGreaterThan(0);
    expect(totals.correct).toBe(totals.actual);
    expect(totals.correct).toBe(totals.expected);
  });
});
