import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { renderCompare, renderSummary } from '#render/render-compare.ts';

/**
 * Whole-pipeline golden files: Markdown of two versions in, the summary and the side-by-side
 * comparison out, byte for byte (Vitest file snapshots). Accept a change with
 * `npx vitest run --project unit tests/unit/compare-golden.test.ts -u`, then review it with `git diff`.
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
    it(name, async () => {
      const dir = join(root, name);
      await expect(render(dir)).toMatchFileSnapshot(resolve(dir, 'expected.html'));
    });
  }
});
