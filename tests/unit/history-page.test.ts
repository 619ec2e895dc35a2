import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import type { Nodes } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { buildHistories } from '#compare/clause-history.ts';
import { fillPageShell, PAGE_SHELL } from '#render/fill-page-shell.ts';
import { renderHistoryPage } from '#render/render-history-page.ts';
import { SITE_URL, sampleSite } from '../support/sample-site.ts';

/** The elements of a tree that pass a test, in document order. */
const findAll = (tree: Nodes, test: (e: Element, parent?: Element) => boolean): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element, _i, parent) => {
    if (test(e, parent?.type === 'element' ? parent : undefined)) found.push(e);
  });
  return found;
};
const find = (tree: Nodes, test: (e: Element, parent?: Element) => boolean): Element | undefined => findAll(tree, test)[0];
const tag = (name: string) => (e: Element) => e.tagName === name;
const cls = (name: string) => (e: Element) => Array.isArray(e.properties.className) && e.properties.className.includes(name);
const prop = (name: string, key: string, value: string) => (e: Element) => e.tagName === name && String(e.properties[key]) === value;

const site = sampleSite();
const document = site.documents.find((d) => d.id === 'td');
if (!document) throw new Error('the sample site has no td');
const histories = buildHistories(document, (from, to) => alignClauses(from.clauses, to.clauses)).histories;
const context = { document, directionOf: (id: string) => site.directions.find((d) => d.id === id) };
const history = histories.find((x) => x.slug === '1.1');
if (!history) throw new Error('the sample site has no history of 1.1');

/** The layout as Astro renders the shell page: the placeholders where the tests expect them. */
const shellAt = (siteUrl: string): Root => {
  const url = new URL(`.${PAGE_SHELL.path}`, new URL(new URL(siteUrl).pathname.replace(/\/?$/, '/'), siteUrl)).href;
  return fromHtml(
    `<!doctype html><html lang="en-GB"><head><title>${PAGE_SHELL.title} · SEC versions</title><meta name="description" content="${PAGE_SHELL.description}"><link rel="canonical" href="${url}"><meta property="og:url" content="${url}"><meta property="og:title" content="${PAGE_SHELL.title}"></head><body><header><a href="/x/">Site</a></header><main id="main"><div data-shell-main></div></main></body></html>`,
  );
};

describe('renderHistoryPage', () => {
  it('names the clause and its document, and leads to both', () => {
    const page = renderHistoryPage(history, context);
    expect(page.path).toBe('/td/clauses/1.1/');
    expect(page.title).toBe('TD clause 1.1: history');
    expect(page.description).toBe('How clause 1.1 of SEC Appendix ZZ changed from version to version.');
    const main = h('main', page.main);
    expect(toText(find(main, tag('h1')) as Element)).toBe(page.title);
    expect(findAll(find(main, cls('breadcrumb')) as Element, tag('a')).map((a) => a.properties.href)).toEqual(['/', '/td/']);
    expect(find(main, cls('history-table'))).toBeDefined();
  });

  it('shows the illustrative banner only when one of its versions is illustrative', () => {
    expect(find(h('main', renderHistoryPage(history, context).main), cls('banner-illustrative'))).toBeDefined();
    const other = site.documents.find((d) => d.id === 'ot');
    const ours = other?.versions.some((v) => v.illustrative);
    const otherHistory = other && buildHistories(other, (from, to) => alignClauses(from.clauses, to.clauses)).histories[0];
    if (!other || !otherHistory) throw new Error('the sample site has no history of OT');
    expect(find(h('main', renderHistoryPage(otherHistory, { ...context, document: other }).main), cls('banner-illustrative')) !== undefined).toBe(Boolean(ours));
  });

  it('keeps the anchors the page once had, and only its own', () => {
    const removed = [
      { page: '/td/clauses/1.1/', anchor: 'in-v0.9', reason: 'Version 0.9 was withdrawn.', goTo: '/td/v1.0/' },
      { page: '/td/clauses/1.2/', anchor: 'in-v0.9', reason: 'Not this page.', goTo: '/td/' },
      { page: '/td/clauses/1.1/', reason: 'A whole page, not an anchor.', goTo: '/td/' },
    ];
    const main = h('main', renderHistoryPage(history, context, removed).main);
    expect(findAll(find(main, cls('removed-anchors')) as Element, tag('li')).map((li) => li.properties.id)).toEqual(['in-v0.9']);
    expect(toText(find(main, cls('removed-anchors')) as Element)).toContain('Version 0.9 was withdrawn.');
    expect(find(h('main', renderHistoryPage(history, context).main), cls('removed-anchors'))).toBeUndefined();
  });
});

describe('fillPageShell', () => {
  const page = { path: '/td/clauses/1.1/', title: 'A <b> & "title"', description: 'Said & done', main: [h('h1', 'Heading'), h('a', { href: '/td/v1.0/' }, 'v1.0')] };

  it("puts the page's title, description, addresses and content where the shell has its own", () => {
    const html = toHtml(fillPageShell(shellAt(SITE_URL), page, SITE_URL));
    const tree = fromHtml(html);
    expect(toText(find(tree, tag('title')) as Element)).toBe('A <b> & "title" · SEC versions');
    expect(find(tree, prop('meta', 'name', 'description'))?.properties.content).toBe('Said & done');
    expect(find(tree, prop('link', 'rel', 'canonical'))?.properties.href).toBe(`${SITE_URL}td/clauses/1.1/`);
    expect(find(tree, prop('meta', 'property', 'og:url'))?.properties.content).toBe(`${SITE_URL}td/clauses/1.1/`);
    expect(find(tree, prop('meta', 'property', 'og:title'))?.properties.content).toBe('A <b> & "title"');
    expect((find(tree, tag('main')) as Element).children.filter((c): c is Element => c.type === 'element').map((e) => e.tagName)).toEqual(['h1', 'a']);
    expect(html).not.toContain('SHELL-PAGE');
    expect(html).not.toContain('data-shell-main');
    // Escaped by the serialiser: the title's markup is text, not an element.
    expect(findAll(find(tree, tag('head')) as Element, tag('b'))).toEqual([]);
  });

  it('puts links under the path the site is published at, and leaves the shell as it was', () => {
    const under = 'https://example.org/sec-versions/';
    const shell = shellAt(under);
    const before = toHtml(shell);
    const tree = fillPageShell(shell, page, under);
    expect(find(tree, prop('link', 'rel', 'canonical'))?.properties.href).toBe('https://example.org/sec-versions/td/clauses/1.1/');
    expect(find(find(tree, tag('main')) as Element, tag('a'))?.properties.href).toBe('/sec-versions/td/v1.0/');
    expect(toHtml(shell)).toBe(before);
  });

  it('refuses a shell without the marked element or its own address', () => {
    const unmarked = fromHtml(toHtml(shellAt(SITE_URL)).replace(/<div data-shell-main[^>]*><\/div>/, ''));
    expect(() => fillPageShell(unmarked, page, SITE_URL)).toThrow(/0 elements marked data-shell-main/);
    const elsewhere = shellAt('https://elsewhere.example/');
    expect(() => fillPageShell(elsewhere, page, SITE_URL)).toThrow(/does not name https:\/\/sec\.example\.test\/history-shell\//);
  });
});
