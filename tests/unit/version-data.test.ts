import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { renderCompare } from '#render/render-compare.ts';
import { decodeVersion, encodeVersion } from '#publish/version-data.ts';

const markdown = [
  '## 2 Scope',
  '2.1 The DCC shall **notify** the [Panel](#2.2) within 48 hours.',
  '2.2 The Panel shall:',
  '(a) publish it; and',
  '(b) keep it.',
  '- a bullet under 2.2',
  '| Model | Clauses |\n| --- | --- |\n| A | 18.3 |',
].join('\n\n');
const clauses = parseClauses(markdown, { file: 't.md' }).clauses;

describe('version data', () => {
  const data = encodeVersion('td', '1.0', clauses);
  const decoded = decodeVersion(JSON.parse(JSON.stringify(data)));

  it('round-trips every clause the core needs, without positions', () => {
    expect(decoded.map((c) => [c.slug, c.number, c.label, c.kind, c.depth, c.parent, c.path, c.text, c.table, c.rank])).toEqual(
      clauses.map((c) => [c.slug, c.number, c.label, c.kind, c.depth, c.parent, c.path, c.text, c.table, c.rank]),
    );
    expect(decoded.map((c) => toHtml({ type: 'root', children: c.content }))).toEqual(clauses.map((c) => toHtml({ type: 'root', children: c.content })));
  });

  it('shares heading paths and sends each clause text beside its content', () => {
    expect(data.format).toBe(2);
    expect(data.paths).toEqual([[], ['2 Scope']]);
    expect(data.clauses[1]?.[7]).toEqual([['p', 'The DCC shall ', ['strong', 'notify'], ' the ', ['a', { href: '#2.2' }, 'Panel'], ' within 48 hours.']]);
    expect(data.clauses[1]?.[10]).toBe('The DCC shall notify the Panel within 48 hours.');
  });

  it('refuses data in an older format, saying what to do', () => {
    expect(() => decodeVersion({ ...data, format: 1 } as unknown as typeof data)).toThrow(/td v1\.0 is in format 1, not 2: reload/);
  });

  it('gives the same comparison as the parsed clauses', () => {
    const changed = parseClauses(markdown.replace('48 hours', '336 hours'), { file: 't.md' }).clauses;
    const decodedChanged = decodeVersion(encodeVersion('td', '2.0', changed));
    const render = (a: typeof clauses, b: typeof clauses) => toHtml(renderCompare(alignClauses(a, b), { from: 'v1', to: 'v2', clauses: { old: a, new: b } }));
    expect(render(decoded, decodedChanged)).toBe(render(clauses, changed));
  });
});
