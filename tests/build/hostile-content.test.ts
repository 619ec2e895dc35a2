import type { Browser } from '@playwright/test';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL } from '#content/environment.ts';
import { launchChromium } from './launch-chromium.ts';
import { runBuild, type BuildRun } from './run-build.ts';
import { serveStatic } from './serve-static.ts';
import { unsafeHtml } from './unsafe-html.ts';
import { fromXml } from 'xast-util-from-xml';
import { validateAtom } from '../support/validate-atom.ts';
import { writeHostileContent, XML_BREAKERS } from './hostile-content.ts';
import { TEMPLATE_INJECTION, XSS_PAYLOADS } from './xss-payloads.ts';

/**
 * Hostile content: every payload goes through every content field (version text as inline HTML,
 * as an HTML block, in headings and table cells; document title, short name, SEC reference and
 * description; version label; direction title, issuer, signatory, addressees, powers, summary,
 * annex and consultation titles), the real build publishes it, and nothing in the built pages
 * can run, load from elsewhere or hide text. Then a browser opens every page, with the CSP off
 * (so the sanitiser alone is tested) and on, and searches the payloads.
 */
const work = mkdtempSync(join(tmpdir(), 'sec-hostile-'));
const content = join(work, 'content');
const out = join(work, 'out');
let build: BuildRun;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name))
    .sort();
}

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  writeHostileContent(content);
  build = runBuild(content, out);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the checker of built pages', () => {
  // The scanner must be able to fail: each of these is caught.
  it.each([
    ['<script>alert(1)</script>', 'script that is not ours'],
    ['<script src="https://evil.example/x.js"></script>', 'script that is not ours'],
    ['<script type="text/plain" src="/_astro/x.js">alert(1)</script>', 'script that is not ours'],
    ['<p onclick="x()">a</p>', 'event handler'],
    ['<a href=" JaVa&#x09;script:x()">a</a>', 'href='],
    ['<a href="data:text/html,x">a</a>', 'href='],
    ['<button formaction="javascript:x()">a</button>', 'formAction='],
    ['<iframe></iframe>', 'forbidden element'],
    ['<form action="https://evil.example/"></form>', 'form that sends elsewhere'],
    ['<p style="display:none">a</p>', 'style attribute'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', 'meta http-equiv'],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', 'link to another site'],
    ['<a href="/" accesskey="s">a</a>', 'accesskey'],
    ['<details><summary>a</summary>b</details>', 'closed details'],
    ['<div tabindex="0">a</div>', 'tabindex 0'],
    ['<div class="table-wrap" tabindex="0"><table></table></div>', 'tabindex 0'],
  ])('finds %s', (html, finding) => {
    expect(unsafeHtml(fromHtml(html), DEFAULT_SITE_URL).join('\n')).toContain(finding);
  });

  it('passes the site’s own search form, view switch, scripts, data blocks, links and scroll regions', () => {
    const ours =
      '<form class="search-form" role="search" action="/search/"><input type="search" name="q"><button type="submit">Search</button></form>' +
      '<input type="radio" name="view" id="view-side"><script type="module" src="/_astro/x.C5CWmiVU.js"></script><main tabindex="-1"></main>' +
      '<script type="application/json" id="periods">{"a":1}</script><link rel="alternate" href="/feeds/x.xml">' +
      `<link rel="canonical" href="${DEFAULT_SITE_URL}/x/"><details class="cmp-fold"><summary>3 unchanged</summary></details>` +
      '<div class="table-wrap" role="region" aria-label="Versions of this clause" tabindex="0"><table></table></div>';
    expect(unsafeHtml(fromHtml(ours), DEFAULT_SITE_URL)).toEqual([]);
  });
});

/** Whether some text sits in an element that hides it (`hidden`, a `style`, a closed `<details>`). */
function hiddenAround(tree: Root, text: string): string[] {
  const found: string[] = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (!node.value.includes(text)) return;
    for (const ancestor of ancestors) {
      if (ancestor.type !== 'element') continue;
      const p = ancestor.properties;
      if (p.hidden !== undefined || p.style !== undefined || (ancestor.tagName === 'details' && p.open === undefined)) {
        found.push(`"${text}" hidden by <${ancestor.tagName}>`);
      }
    }
  });
  return found;
}

describe(`${XSS_PAYLOADS.length} XSS payloads through every content field`, () => {
  it('builds (the content is valid, only hostile)', () => {
    expect(build.stderr).not.toMatch(/ error: /);
    expect(build.status, build.stderr).toBe(0);
  });

  it('leaves nothing that can run, load from elsewhere or hide text in any built page', () => {
    const files = htmlFiles(out);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const findings = files.flatMap((file) => unsafeHtml(fromHtml(readFileSync(file, 'utf8')), DEFAULT_SITE_URL).map((f) => `${relative(out, file)}: ${f}`));
    expect(findings).toEqual([]);
  });

  it('every feed and XML file is well-formed, with the titles as written; every feed is valid Atom (issue 17, item 5)', () => {
    const xml = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));
    const feeds = xml.filter((name) => name.endsWith('feed.xml') || name.startsWith('feeds/'));
    expect(feeds.length).toBeGreaterThanOrEqual(2);
    for (const name of xml) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(() => fromXml(text), name).not.toThrow();
      if (feeds.includes(name)) {
        expect(validateAtom(text), name).toEqual([]);
        expect(text, name).not.toContain(']]>');
        const texts: string[] = [];
        const collect = (node: { type: string; value?: string; children?: unknown[] }) => {
          if (node.type === 'text' && node.value) texts.push(node.value);
          for (const child of node.children ?? []) collect(child as typeof node);
        };
        collect(fromXml(text));
        expect(texts.join(''), name).toContain(XML_BREAKERS);
      }
    }
  });

  /** A clause without what the site adds to it: link previews, its tools and notes. */
  const withoutTools = (element: Element): Element => {
    const copy = structuredClone(element);
    const added = new Set(['preview', 'clause-tools', 'clause-fate']);
    const prune = (node: Element) => {
      node.children = node.children.filter(
        (child) => child.type !== 'element' || !(Array.isArray(child.properties.className) && child.properties.className.some((c) => added.has(String(c)))),
      );
      for (const child of node.children) if (child.type === 'element') prune(child);
    };
    prune(copy);
    return copy;
  };

  it('kept the content around the payloads, as text', () => {
    const version = fromHtml(readFileSync(join(out, 'td/v2.0/index.html'), 'utf8'));
    const text = toText(version);
    // Every payload's clause is there, starting as written: a payload can swallow the rest of its
    // own clause (an unclosed <style> does), never the next one.
    const clauseText = new Map<string, string>();
    visit(version, 'element', (element) => {
      if (typeof element.properties.id === 'string') clauseText.set(element.properties.id, toText(withoutTools(element)));
    });
    XSS_PAYLOADS.forEach((_, i) => {
      expect(clauseText.get(`1.${i + 1}`)).toMatch(new RegExp(`^1\\.${i + 1}\\s*Clause ${i + 1} before:`));
    });
    expect(XSS_PAYLOADS.filter((_, i) => text.includes(`after ${i + 1} (amended).`)).length).toBeGreaterThan(XSS_PAYLOADS.length - 5);
    for (const marker of ['text hidden by style', 'text hidden by attribute', 'text hidden in details', 'keyboard hijack']) {
      expect(text).toContain(marker);
      expect(hiddenAround(version, marker)).toEqual([]);
    }
    const hijack: string[] = [];
    visit(version, 'element', (element) => {
      if (element.tagName === 'a' && toText(element) === 'keyboard hijack') hijack.push(JSON.stringify(element.properties));
    });
    expect(hijack.length).toBeGreaterThan(0);
    for (const properties of hijack) expect(properties).toBe('{"href":"/"}');
    // Template syntax has no engine to run it here: it is shown as written.
    expect(text).toContain(TEMPLATE_INJECTION);
    const direction = toText(fromHtml(readFileSync(join(out, 'directions/2020-07-24-test/index.html'), 'utf8')));
    expect(direction).toContain('Signed by');
    expect(direction).toContain('Name <script>alert(1)</script> <SCRIPT SRC=https://evil.example/x.js></SCRIPT>');
  });

  it('runs nothing in a browser, with or without the Content Security Policy, and search shows the payloads as text', async () => {
    const server = await serveStatic(out);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      for (const bypassCSP of [true, false]) {
        const context = await browser.newContext({ bypassCSP });
        const dialogs: string[] = [];
        await context.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        const tab = await context.newPage();
        tab.on('dialog', (dialog) => {
          dialogs.push(`${tab.url()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        const urls = htmlFiles(out)
          .map((file) => `/${relative(out, file)}`.replace(/index\.html$/, ''))
          .filter((url) => !url.endsWith('/latest/'));
        for (const url of [...urls, '/search/?q=after&status=Superseded']) {
          await tab.goto(`${server.url}${url}`);
          if (url.includes('?q=')) {
            await tab.locator('.search-hits a').first().waitFor({ timeout: 15_000 });
            const injected = await tab.evaluate(() =>
              [...document.querySelectorAll('.search-hits *')]
                .filter(
                  (e) =>
                    ['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(e.tagName.toUpperCase()) ||
                    e.getAttributeNames().some((n) => n.startsWith('on') || n === 'style'),
                )
                .map((e) => e.outerHTML.slice(0, 120)),
            );
            expect(injected).toEqual([]);
            expect(await tab.locator('.search-hits').innerText()).toContain('after');
          }
          await tab.mouse.move(200, 300);
          await tab.keyboard.press('Tab');
          const violations = await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
          expect(violations, `${url} (CSP ${bypassCSP ? 'off' : 'on'})`).toEqual([]);
        }
        expect(dialogs).toEqual([]);
        await context.close();
      }
    } finally {
      await browser?.close();
      await server.close();
    }
    // Every page twice (with and without the CSP): minutes on a busy 2-core machine.
  }, 300_000);
});
