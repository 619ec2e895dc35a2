import { describe, expect, it } from 'vitest';
import { readPageLinks, urlOfFile, withoutResolvedFragments } from '../../scripts/lib/read-page-links.ts';
import { checkLinks, formatBrokenLink, linkTarget, whyBroken, type BuiltSite } from '../../scripts/lib/check-links.ts';

const SITE = 'https://sec.example.org';

function site(pages: Record<string, string>, files: string[] = []): BuiltSite {
  return {
    pages: new Map(Object.entries(pages).map(([url, html]) => [url, readPageLinks(url, html)])),
    files: new Set(files),
  };
}

describe('urlOfFile', () => {
  it('serves index.html at its folder and other files as they are', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('tmad/v6.0/index.html')).toBe('/tmad/v6.0/');
    expect(urlOfFile('404.html')).toBe('/404.html');
  });
});

describe('withoutResolvedFragments', () => {
  it('counts the links to ids of the page itself and keeps the others, a missing id among them, to be checked', () => {
    const page = withoutResolvedFragments(
      readPageLinks('/a/', '<p id="x">x</p><a href="#x">1</a><a href="#x">2</a><a href="#">top</a><a href="#gone">3</a><a href="/b/#x">4</a><a href="#%E0">5</a>'),
    );
    expect(page.links.map((l) => l.href)).toEqual(['#gone', '/b/#x', '#%E0']);
    expect(page.resolvedInPage).toBe(3);
    const broken = checkLinks({ pages: new Map([['/a/', page]]), files: new Set() }, SITE).map((b) => b.link.href);
    expect(broken).toEqual(['#gone', '/b/#x', '#%E0']);
  });
});

describe('readPageLinks', () => {
  const page = readPageLinks(
    '/tmad/v6.0/',
    [
      '<head><link rel="stylesheet" href="/_astro/a.css"><meta http-equiv="refresh" content="0; url=/tmad/v6.0/"></head>',
      '<main id="main"><a name="old"></a>',
      '<div id="8.6" class="clause depth-0"><a class="clause-label" href="#8.6">8.6</a><div class="clause-body"><p>See <a href="/tmad/v5.0/#8.5">8.5</a></p></div></div>',
      '<table id="2-table" class="clause-table"><tr id="2-table-x" class="clause-row"><th><a href="#2-table-x">x</a></th></tr></table>',
      '<form action="/search/"></form><script src="/_astro/b.js"></script></main>',
    ].join(''),
  );

  it('collects ids, names and, separately, the clause anchors', () => {
    expect([...page.ids].sort()).toEqual(['2-table', '2-table-x', '8.6', 'main', 'old']);
    expect(page.anchors).toEqual(['8.6', '2-table', '2-table-x']);
    expect(page.tombstone).toBe(false);
  });

  it('collects every kind of link, with its line and the clause it sits in', () => {
    expect(page.links.map((l) => [l.element, l.href, l.clause ?? null])).toEqual([
      ['link', '/_astro/a.css', null],
      ['meta', '/tmad/v6.0/', null],
      ['a', '#8.6', '8.6'],
      ['a', '/tmad/v5.0/#8.5', '8.6'],
      ['a', '#2-table-x', '2-table-x'],
      ['form', '/search/', null],
      ['script', '/_astro/b.js', null],
    ]);
    expect(page.links[0]?.line).toBe(1);
  });

  it('knows a tombstone page', () => {
    expect(readPageLinks('/x/', '<main><div class="tombstone"><h1>Removed</h1></div></main>').tombstone).toBe(true);
  });
});

describe('checkLinks', () => {
  const built = site(
    {
      '/': '<a href="/tmad/">TMAD</a><a href="tmad/v6.0/#8.6">relative</a><a href="https://elsewhere.example/x">external</a><a href="mailto:a@b.c">mail</a>',
      '/tmad/': '<a href="/tmad/v6.0/#8.6">ok</a><a href="/tmad/v6.0/#9.9">missing anchor</a><a href="/tmad/v9.0/">missing page</a><a href="/tmad">no slash</a>',
      '/tmad/v6.0/':
        '<div id="8.6" class="clause"><a href="#8.6">self</a></div><a href="#">top</a><a href="/search/?q=UTRN">query</a><a href="/pagefind/pagefind.js">asset</a>' +
        `<link rel="canonical" href="${SITE}/tmad/v6.0/"><link rel="canonical" href="${SITE}/gone/"><a href="#%38.6">encoded</a>`,
      '/search/': '<p>search</p>',
    },
    ['/pagefind/pagefind.js'],
  );

  it('lists each broken link with where it is and why, and nothing else', () => {
    expect(checkLinks(built, SITE).map(formatBrokenLink)).toEqual([
      '/tmad/ line 1: a link to /tmad/v6.0/#9.9: /tmad/v6.0/ has no #9.9',
      '/tmad/ line 1: a link to /tmad/v9.0/: no page or file at /tmad/v9.0/',
      '/tmad/ line 1: a link to /tmad: no page at /tmad: the address needs its trailing slash (/tmad/)',
      `/tmad/v6.0/ line 1: link link to ${SITE}/gone/: no page or file at /gone/`,
    ]);
  });

  it('checks links shown by scripts (search results) the same way', () => {
    const broken = checkLinks(built, SITE, [
      { page: '/search/', href: '/tmad/v6.0/#8.6' },
      { page: '/search/', href: '/tmad/v6.0/#8.7' },
    ]).filter((b) => b.page === '/search/');
    expect(broken.map(formatBrokenLink)).toEqual(['/search/: search result link to /tmad/v6.0/#8.7: /tmad/v6.0/ has no #8.7']);
  });

  it('resolves relative links against the page and ignores other sites', () => {
    expect(whyBroken(built, '/tmad/', '../tmad/v6.0/#8.6', SITE)).toBeUndefined();
    expect(whyBroken(built, '/tmad/', 'v6.0/', SITE)).toBeUndefined();
    expect(whyBroken(built, '/tmad/', 'v6.1/', SITE)).toBe('no page or file at /tmad/v6.1/');
    expect(whyBroken(built, '/', 'https://elsewhere.example/nothing/', SITE)).toBeUndefined();
    expect(whyBroken(built, '/', '/tmad/v6.0/#%E0%A4%A', SITE)).toBe('"#%E0%A4%A" has a malformed %-escape');
  });
});

describe('anchor aliases', () => {
  // A version page as the renderer writes it: the clause's own id, and its source's anchors as aliases.
  const page = [
    '<main><h2 id="k" class="clause clause-heading"><span id="k-payment" class="clause-alias"></span>K Payment</h2>',
    '<div id="k.1" class="clause depth-0"><span id="5.3.a" class="clause-alias"></span><div class="clause-body"><p>Pay.</p></div></div></main>',
  ].join('');
  const built = site({ '/club/v1.0/': page, '/': '<a href="/club/v1.0/#k-payment">old link</a><a href="/club/v1.0/#5.3.a">id</a><a href="/club/v1.0/#4-terms">gone</a>' });

  it('lands a link written with an alias on the clause, and still reports an anchor nobody has', () => {
    expect(checkLinks(built, SITE).map((b) => [b.link.href, b.reason])).toEqual([['/club/v1.0/#4-terms', '/club/v1.0/ has no #4-terms']]);
  });

  it('counts aliases as clause anchors, so the URL ledger records them', () => {
    expect(built.pages.get('/club/v1.0/')?.anchors).toEqual(['k', 'k-payment', 'k.1', '5.3.a']);
  });
});

describe('a site published under a path', () => {
  const UNDER = 'https://example.org/sec-versions/';
  // Pages keep their site paths (as the URL ledger records them); their links carry the path.
  const built = site(
    {
      '/': '<a href="/sec-versions/tmad/v6.0/#8.6">ok</a><a href="tmad/">relative</a><a href="/tmad/v6.0/">forgot the path</a><a href="https://example.org/sec-versions/tmad/">absolute</a><a href="https://example.org/tmad/">absolute, outside</a>',
      '/tmad/': '<a href="v6.0/#8.6">relative</a><a href="../">up</a>',
      '/tmad/v6.0/': '<div id="8.6" class="clause"></div><script src="/sec-versions/_astro/a.js"></script>',
    },
    ['/_astro/a.js'],
  );

  it('resolves links under the path, and reports those that leave it', () => {
    expect(checkLinks(built, UNDER).map((b) => [b.page, b.link.href, b.reason])).toEqual([
      ['/', '/tmad/v6.0/', '/tmad/v6.0/ is outside /sec-versions/, the path the site is published under (SITE_URL): links must stay under it'],
      ['/', 'https://example.org/tmad/', '/tmad/ is outside /sec-versions/, the path the site is published under (SITE_URL): links must stay under it'],
    ]);
  });

  it('checks search results, which are site paths, under the path', () => {
    const broken = checkLinks(built, UNDER, [
      { page: '/search/', href: '/tmad/v6.0/#8.6' },
      { page: '/search/', href: '/tmad/v6.0/#9.9' },
    ]).filter((b) => b.page === '/search/');
    expect(broken.map((b) => [b.link.href, b.reason])).toEqual([['/tmad/v6.0/#9.9', '/tmad/v6.0/ has no #9.9']]);
  });
});

describe('linkTarget', () => {
  /** What the URL parser makes of a link: the check's answer for every link before plain paths were read without it. */
  function byUrlParser(from: string, href: string, siteUrl: string) {
    const base = new URL(siteUrl).pathname.replace(/\/?$/, '/');
    const target = new URL(href, `http://site.invalid${base === '/' ? from : `${base}${from.slice(1)}`}`);
    if (!target.pathname.startsWith(base)) return 'outside';
    return { path: decodeURI(`/${target.pathname.slice(base.length)}`), hash: target.hash };
  }

  it('reads plain absolute paths as the URL parser does, and leaves the rest to it', () => {
    const hrefs = [
      '/tmad/v6.0/',
      '/tmad/v6.0/#8.6',
      '/tmad/v6.0/#',
      '/tmad/v6.0/#clause-4.12A',
      '/tmad/./v6.0/',
      '/tmad/../s1sr/',
      '/tmad/v6.0/..',
      '/tmad/%2e%2e/x/',
      '/a%20b/',
      '/tmad/v6.0/?q=1#x',
      '/tmad/v6.0/#a b',
      '/tmad/v6.0/#"x"',
      '/tmad/v6.0/#%E0%A4%A',
      '/tmad/v6.0/#a/../b',
      '/tmad\\v6.0/',
      '/sec-versions/tmad/',
      '/elsewhere/',
    ];
    for (const siteUrl of [SITE, 'https://sec.example.org/sec-versions/'])
      for (const href of hrefs) {
        const expected = byUrlParser('/tmad/', href, siteUrl);
        const found = linkTarget('/tmad/', href, siteUrl);
        if (expected === 'outside') expect(found, `${href} on ${siteUrl}`).toEqual({ reason: expect.stringContaining('is outside') });
        else expect(found, `${href} on ${siteUrl}`).toEqual(expected);
      }
  });
});
