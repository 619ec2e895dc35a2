import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h, s } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { renderChangeList } from '#render/render-change-list.ts';
import { renderChangeNav, renderCompare, renderSummary } from '#render/render-compare.ts';
import { hastToHtml } from '#render/hast-to-html.ts';
import { renderVersion } from '#render/render-version.ts';

/** Each case must come out as `toHtml` writes it, byte for byte: the serialiser only makes it faster. */
function expectSame(tree: Nodes | Nodes[]): string {
  const html = hastToHtml(tree);
  expect(html).toBe(toHtml(tree as Nodes));
  return html;
}

describe('hastToHtml', () => {
  it('escapes text: < and & only, as hexadecimal references', () => {
    expect(expectSame(h('p', 'a < b & c > d "quoted" it’s `x`'))).toBe('<p>a &#x3C; b &#x26; c > d "quoted" it’s `x`</p>');
  });

  it('escapes attribute values: quotes, ampersands, backticks and NUL', () => {
    expect(expectSame(h('a', { href: '/x?a=1&b="2"', title: "it's `x`\u0000" }, 'x'))).toBe('<a href="/x?a=1&#x26;b=&#x22;2&#x22;" title="it&#x27;s &#x60;x&#x60;&#x0;">x</a>');
  });

  it('writes attribute names from the HTML schema: classes, data and ARIA attributes, numbers', () => {
    expect(expectSame(h('div', { className: ['a', 'b'], dataFromData: '/d.json', ariaLabel: 'Label', ariaHidden: 'true', tabIndex: -1, colSpan: 2, htmlFor: 'q' }))).toBe(
      '<div class="a b" data-from-data="/d.json" aria-label="Label" aria-hidden="true" tabindex="-1" colspan="2" for="q"></div>',
    );
  });

  it('writes booleans as toHtml does: a name alone when true, nothing when false', () => {
    expectSame(h('details', { open: true }, [h('summary', 'x')]));
    expectSame(h('input', { type: 'checkbox', checked: false, disabled: true, hidden: '' }));
    expectSame(h('a', { download: true, href: '/f.docx' }, 'f'));
    expectSame(h('a', { download: 'name.docx', href: '/f.docx' }, 'f'));
    expectSame(h('a', { download: '', href: '/f.docx' }, 'f'));
    expectSame(h('p', { hidden: 'hidden', title: '' }, 'x'));
  });

  it('leaves out null, undefined and NaN values and writes empty lists', () => {
    expectSame({ type: 'element', tagName: 'p', properties: { id: null, title: undefined, tabIndex: Number.NaN, className: [] }, children: [] } as never);
    expectSame({ type: 'element', tagName: 'p', properties: { className: ['', 'a', ''] }, children: [] } as never);
  });

  it('joins comma-separated lists as toHtml does', () => {
    expectSame(h('input', { accept: ['.docx', '.pdf'] }));
    expectSame({ type: 'element', tagName: 'input', properties: { accept: ['.docx', ''] }, children: [] } as never);
  });

  it('writes void elements without a closing tag, unless they have children', () => {
    expect(expectSame(h('p', ['a', h('br'), 'b', h('img', { src: '/i.png', alt: '' })]))).toBe('<p>a<br>b<img src="/i.png" alt=""></p>');
    expectSame({ type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'x' }] });
  });

  it('writes script and style text as it is, and raw nodes as text', () => {
    expectSame(h('script', { type: 'application/ld+json' }, '{"a":"<b> & c"}'));
    expectSame(h('style', 'a > b { content: "&" }'));
    expectSame(h('p', [{ type: 'raw', value: '<b>not markup</b>' }]));
  });

  it('leaves SVG, templates, comments and doctypes to toHtml', () => {
    expectSame(h('p', [s('svg', { viewBox: '0 0 10 10', ariaHidden: 'true' }, [s('path', { d: 'M0 0h10', strokeWidth: 2 })])]));
    expectSame({ type: 'root', children: [{ type: 'doctype' }, { type: 'comment', value: 'a -- b' }, h('template', [h('p', 'x')])] } as never);
  });

  it('serialises a root, a list of nodes and a lone text node', () => {
    expectSame({ type: 'root', children: [h('p', 'a'), { type: 'text', value: '<' }] });
    expect(hastToHtml([h('p', 'a'), h('p', 'b')])).toBe('<p>a</p><p>b</p>');
    expectSame({ type: 'text', value: 'a & b' });
  });

  it('gives the same bytes as toHtml on every rendered comparison and version of the golden fixtures', () => {
    const root = 'tests/fixtures/compare';
    const cases = readdirSync(root).sort();
    expect(cases.length).toBeGreaterThan(0);
    for (const name of cases) {
      const parse = (file: string) => parseClauses(readFileSync(join(root, name, file), 'utf8'), { file }).clauses;
      const before = parse('old.md');
      const after = parse('new.md');
      const rows = alignClauses(before, after);
      const html = expectSame([
        renderSummary(rows),
        renderChangeNav(rows),
        renderChangeList(rows),
        renderCompare(rows, { from: 'v1', to: 'v2', clauses: { old: before, new: after } }),
        renderVersion(after),
      ]);
      expect(html).toContain('<ins');
    }
  });
});
