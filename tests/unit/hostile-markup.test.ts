import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { parseClauses } from '#parse/parse-clauses.ts';
import { linkFragmentsToVersion } from '#render/version-fragment-links.ts';
import { fragmentId } from '#scripts/fragment-id.ts';

/** Issue 17, items 4 and 10: markup and addresses that broke pages, each reduced to what the page can carry. */
const html = (markdown: string) =>
  parseClauses(`## 1 Scope\n\n${markdown}\n`, { file: 'v1.0.md' })
    .clauses.map((c) => toHtml(c.content))
    .join('\n');

describe('raw HTML in content', () => {
  it('a raw <h1> or <h2> in a clause is demoted below the page’s own headings: one h1 per page', () => {
    const out = html('1.1 Text.\n\n<h1>Shouting</h1>\n\n<h2>Also</h2>\n\n<h4>Kept</h4>');
    expect(out).not.toMatch(/<h[12][\s>]/);
    expect(out).toContain('<h3>Shouting</h3>');
    expect(out).toContain('<h3>Also</h3>');
    expect(out).toContain('<h4>Kept</h4>');
  });

  it('dir="rtl" is dropped and bidirectional override characters removed: a clause shows in the order it is stored, searched and compared', () => {
    const out = html('1.1 The <span dir="rtl">Supplier</span> shall pay \u202Eevif\u202C pounds \u2067x\u2069.');
    expect(out).not.toContain('dir=');
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain('shall pay evif pounds x.');
  });
});

describe('fragmentId', () => {
  it.each([
    ['#8.6', '8.6'],
    ['#caf%C3%A9', 'café'],
    ['#%E0%A4%A', '%E0%A4%A'],
    ['#%', '%'],
    ['', ''],
  ])('%s names %s, and never throws', (hash, id) => {
    expect(fragmentId(hash)).toBe(id);
  });
});

describe('linkFragmentsToVersion', () => {
  it('gives #clause links the address of the clause in its version, leaving every other link and the original alone', () => {
    const content = [h('p', ['See ', h('a', { href: '#1.1' }, 'clause 1.1'), ', ', h('a', { href: '/td/v1.0/#2' }, 'v1.0'), ' and ', h('a', { href: '#' }, 'top'), '.'])];
    const before = toHtml(content);
    expect(toHtml(linkFragmentsToVersion(content, '/td/v2.0/'))).toBe('<p>See <a href="/td/v2.0/#1.1">clause 1.1</a>, <a href="/td/v1.0/#2">v1.0</a> and <a href="#">top</a>.</p>');
    expect(toHtml(content)).toBe(before);
  });
});
