import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { encodeVersion } from '#publish/version-data.ts';
import { renderChangeList } from '#render/render-change-list.ts';
import { renderChangeNav, renderCompare, renderSummary } from '#render/render-compare.ts';
import { type ComputeResult, computeComparison } from '#scripts/compare-compute.ts';

// Twelve clauses, every fourth reworded: enough rows that the first part holds only some.
const text = (edited: boolean) =>
  [
    '## 1 Duties',
    ...Array.from({ length: 12 }, (_, k) => `1.${k + 1} The operator keeps record ${k + 1} for ${edited && k % 4 === 0 ? 'ten' : 'seven'} years, see [1.1](#1.1).`),
  ].join('\n\n');
const before = parseClauses(text(false), { file: 'a.md' }).clauses;
const after = parseClauses(text(true), { file: 'b.md' }).clauses;
const request = {
  from: JSON.stringify(encodeVersion('td', '1.0', before)),
  to: JSON.stringify(encodeVersion('td', '2.0', after)),
  fromLabel: 'v1.0',
  toLabel: 'v2.0',
  fromPage: '/td/v1.0/',
  toPage: '/td/v2.0/',
};

/** The first part with the rest put at the end of its `<div class="compare">`, as the page does. */
function joined(parts: ComputeResult[]): { summary: string; compare: string } {
  const [first, rest] = parts;
  if (!first || !('part' in first) || first.part !== 'first' || !rest || !('part' in rest) || rest.part !== 'rest') throw new Error(`unexpected parts: ${JSON.stringify(parts)}`);
  const end = '</div></div>';
  expect(first.compare.endsWith(end)).toBe(true);
  return { summary: first.summary, compare: first.compare.slice(0, -end.length) + rest.rows + end };
}

describe('computeComparison', () => {
  const rows = alignClauses(before, after);
  const built = toHtml([
    renderChangeNav(rows),
    h('div', { className: ['cmp-with-list'] }, [
      renderChangeList(rows),
      renderCompare(rows, { from: 'v1.0', to: 'v2.0', clauses: { old: before, new: after }, pages: { old: '/td/v1.0/', new: '/td/v2.0/' } }),
    ]),
  ]);

  it('sends the first rows, then the rest, which together are the comparison the build renders', () => {
    const parts = [...computeComparison(request, 3)];
    expect(parts.map((p) => ('part' in p ? p.part : 'error'))).toEqual(['first', 'rest']);
    const first = parts[0] as Extract<ComputeResult, { part: 'first' }>;
    expect(first.compare.match(/class="cmp-row/g)?.length).toBe(2);
    expect(joined(parts)).toEqual({ summary: toHtml(renderSummary(rows)), compare: built });
  });

  it('sends everything in the first part when the comparison is short, and an empty rest', () => {
    const parts = [...computeComparison(request, 1000)];
    expect((parts[1] as Extract<ComputeResult, { part: 'rest' }>).rows).toBe('');
    expect(joined(parts).compare).toBe(built);
  });

  it('puts links under the base path in both parts', () => {
    const { compare } = joined([...computeComparison({ ...request, base: '/sec/' }, 3)]);
    expect(compare).toContain('href="/sec/td/v2.0/#1.1"');
    expect(compare).not.toContain('href="/td/');
  });
});
