import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { readPageLinks } from '../../scripts/lib/read-page-links.ts';
import { scanTags } from '../../scripts/lib/scan-tags.ts';

const WANTED = new Set(['id', 'class', 'href', 'name']);

type Event = ['open', string, Record<string, string>, number] | ['close'];

/** The events of the scanner, or null when it leaves the page to htmlparser2. */
function scanned(html: string): Event[] | null {
  const events: Event[] = [];
  const done = scanTags(html, WANTED, {
    open: (name, attributes, start) => events.push(['open', name, Object.fromEntries(Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined)), start]),
    close: () => events.push(['close']),
  });
  return done ? events : null;
}

/** htmlparser2's events for the same page, with the same attributes kept. */
function parsed(html: string): Event[] {
  const events: Event[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => events.push(['open', name, Object.fromEntries(Object.entries(attributes).filter(([k]) => WANTED.has(k))), parser.startIndex]),
      onclosetag: () => events.push(['close']),
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.end(html);
  return events;
}

describe('scanTags', () => {
  // Each of these the scanner reads itself, with htmlparser2's result.
  const followed: Record<string, string> = {
    'nested elements and void ones': '<main id="m"><p class="a b">x<br>y<img src="i.png"/></p><hr></main>',
    'entities in values': '<a href="/s/?q=a&amp;b&#x3D;c&lt;" title="&quot;">x</a><a href="&notanentity;&amp">y</a>',
    'upper-case names': '<DIV ID="X" Class="clause"><A HREF="#X">x</A></DIV>',
    'quotes of both kinds, unquoted values and no values': `<a href='/one' id=two class name="n">x</a><input disabled id=z>`,
    'attributes with no space between': '<a id="a"class="c"href="/h">x</a>',
    'the first of a repeated attribute': '<a href="/first" href="/second" id="1" id="2">x</a>',
    'whitespace and newlines inside tags': '<a\n  href = "/x"\n\tid="y"\n>x</a >',
    'a value holding > and <': '<a title="a > b" href="/x?a<b">x</a>',
    'comments and a doctype': '<!DOCTYPE html><!-- <a href="/not-a-link"> --><p id="after">x</p><!---->',
    'scripts and styles read as text': '<script>if (a < b) document.write("<a href=/no></a>")</script><style>p>a{}</style><title>a <b> c</title><a href="/yes">y</a>',
    'a < that starts no tag': '<p id="t">1 < 2 and 3 <= 4</p>',
    'an end tag in another case': '<p id="a">x</P>',
  };
  for (const [what, html] of Object.entries(followed)) {
    it(`reads ${what} as htmlparser2 does`, () => {
      expect(scanned(html)).toEqual(parsed(html));
    });
  }

  // Each of these it leaves to htmlparser2 (which follows HTML's rules for them).
  const left: Record<string, string> = {
    'a paragraph closed by the next': '<p>a<p>b</p>',
    'a list item closed by the next': '<ul><li>a<li>b</li></ul>',
    'a link in a link': '<a href="/a"><a href="/b">x</a></a>',
    'an end tag that closes nothing open': '<div>x</span></div>',
    'a self-closed element that is not void': '<div id="x"/><a href="/y">y</a>',
    SVG: '<svg><path d="M0"/></svg><a href="/y">y</a>',
    CDATA: '<![CDATA[x]]><a href="/y">y</a>',
    'a processing instruction': '<?xml version="1.0"?><a href="/y">y</a>',
    'an unclosed script': '<script>x',
    'a second form inside a form': '<form action="/a"><form action="/b"></form></form>',
    'a slash among attributes': '<a / href="/y">y</a>',
  };
  for (const [what, html] of Object.entries(left)) {
    it(`leaves ${what} to htmlparser2`, () => {
      expect(scanned(html)).toBeNull();
    });
  }
});

describe('readPageLinks', () => {
  it('reads the same whether the scanner or htmlparser2 reads the tags, and the scanner falls back for a page it leaves', () => {
    const pages = [
      ...Object.values({
        page: [
          '<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script></head>',
          '<body><main id="main"><a name="old"></a>',
          '<div id="8.6" class="clause depth-0"><a class="clause-label" href="#8.6">8.6</a>\n<div class="clause-body"><p>See <a href="/tmad/v5.0/#8.5">8.5</a> — and <a href="/tmad/v6.0/#9.1&amp;x">9.1</a></p></div></div>',
          '<table id="2-table" class="clause-table"><tr id="2-table-x" class="clause-row"><th><a href="#2-table-x">x</a></th></tr></table>',
          '<form action="/search/"><input name="q"></form></main></body></html>',
        ].join('\n'),
      }),
      '<div id="a" class="clause"><p>1<p><a href="/in-a">x</a></div>',
      '<main><div class="tombstone"><h1>Removed</h1></div></main>',
    ];
    for (const html of pages) expect(readPageLinks('/p/', html, 'scan')).toEqual(readPageLinks('/p/', html, 'htmlparser2'));
    expect(readPageLinks('/p/', pages[0] as string).links.map((l) => [l.href, l.line, l.column, l.clause ?? null])).toEqual([
      ['/_astro/a.css', 1, 28, null],
      ['/_astro/b.js', 1, 72, null],
      ['#8.6', 3, 38, '8.6'],
      ['/tmad/v5.0/#8.5', 4, 33, '8.6'],
      ['/tmad/v6.0/#9.1&x', 4, 73, '8.6'],
      ['#2-table-x', 5, 84, '2-table-x'],
      ['/search/', 6, 1, null],
    ]);
  });
});
