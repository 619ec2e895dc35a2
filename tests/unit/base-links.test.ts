import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { withBaseLinks } from '#render/base-links.ts';
import { absoluteUrl, sitePath, withBase, withoutBase } from '#publish/urls.ts';

describe('sitePath', () => {
  it('is the path of the site URL, ending in a slash', () => {
    expect(sitePath('https://sec.example.test')).toBe('/');
    expect(sitePath('https://sec.example.test/')).toBe('/');
    expect(sitePath('https://example.org/sec-versions')).toBe('/sec-versions/');
    expect(sitePath(new URL('https://example.org/a/b/'))).toBe('/a/b/');
  });
});

describe('withBase', () => {
  it('puts site paths under the base', () => {
    expect(withBase('/tmad/v6.0/#8.6', '/sec-versions/')).toBe('/sec-versions/tmad/v6.0/#8.6');
    expect(withBase('/', '/sec-versions/')).toBe('/sec-versions/');
  });
  it('leaves fragments, relative and external URLs, and everything at the root alone', () => {
    for (const href of ['#8.6', 'v6.0/', 'https://elsewhere.example/x/', '//cdn.example/x.js', 'mailto:a@b.example']) {
      expect(withBase(href, '/sec-versions/')).toBe(href);
    }
    expect(withBase('/tmad/', '/')).toBe('/tmad/');
  });
});

describe('withoutBase', () => {
  it('gives back the site path of an address under the base', () => {
    expect(withoutBase('/sec-versions/tmad/v6.0/', '/sec-versions/')).toBe('/tmad/v6.0/');
    expect(withoutBase('/sec-versions/', '/sec-versions/')).toBe('/');
    expect(withoutBase('/tmad/', '/')).toBe('/tmad/');
  });
});

describe('absoluteUrl', () => {
  it('keeps the path the site is published under', () => {
    expect(absoluteUrl('/tmad/v6.0/#8.6', 'https://example.org/sec-versions/')).toBe('https://example.org/sec-versions/tmad/v6.0/#8.6');
    expect(absoluteUrl('/', 'https://example.org/sec-versions')).toBe('https://example.org/sec-versions/');
    expect(absoluteUrl('/tmad/', 'https://sec.example.test')).toBe('https://sec.example.test/tmad/');
  });
});

describe('withBaseLinks', () => {
  const tree = () =>
    h('div', [h('a', { href: '/tmad/v6.0/#1.1' }, 'x'), h('a', { href: '#2' }, 'y'), h('img', { src: '/favicon.svg', alt: '' }), h('form', { action: '/search/' })]);

  it('puts every href, src and action that is a site path under the base, in a copy', () => {
    const original = tree();
    const based = withBaseLinks(original, '/sec-versions/');
    const props = (node: typeof original) => node.children.map((child) => (child.type === 'element' ? child.properties : undefined));
    expect(props(based)).toEqual([{ href: '/sec-versions/tmad/v6.0/#1.1' }, { href: '#2' }, { src: '/sec-versions/favicon.svg', alt: '' }, { action: '/sec-versions/search/' }]);
    // The site's shared trees are not changed under other pages.
    expect(props(original)).toEqual(props(tree()));
  });

  it('returns the tree itself at the root', () => {
    const original = tree();
    expect(withBaseLinks(original, '/')).toBe(original);
    const list = [tree()];
    expect(withBaseLinks(list, '/')).toBe(list);
  });
});
