import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { renderCompare, renderSummary } from '#render/render-compare.ts';

/**
 * Whole-pipeline golden files: Markdown of two versions in, the summary and the side-by-side
 * comparison out, byte for byte. Review a change with `git diff`, then accept it with
 * `UPDATE_GOLDEN=1 npm run test:unit`.
 */
const root = 'tests/fixtures/compare';

function render(dir: string): string {
  const parse = (name: string) => parseClauses(readFileSync(join(dir, name), 'utf8'), { file: name }).clauses;
  const before = parse('old.md');
  const after = parse('new.md');
  const rows = alignClauses(before, after);
  const tree = { type: 'root' as const, children: [renderSummary(rows), renderCompare(rows, { from: 'v1', to: 'v2', clauses: { old: before, new: after } })] };
  return `${toHtml(tree).replaceAll('><', '>\n<')}\n`;
}

describe('comparison golden files', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const actual = render(dir);
      const expectedFile = join(dir, 'expected.html');
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_GOLDEN=1 npm run test:unit and review it`).toBe(true);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
