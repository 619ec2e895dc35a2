import { describe, expect, it } from 'vitest';
import { isAbsoluteIri, isAtomDate, validateAtom } from '../support/validate-atom.ts';

/** A minimal feed that conforms, to break one rule at a time. */
const feed = ({ head = DEFAULT_HEAD, entries = [DEFAULT_ENTRY] }: { head?: string; entries?: string[] } = {}) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">${head}${entries.join('')}</feed>`;
const DEFAULT_HEAD =
  '<id>https://example.test/feed.xml</id><title>T</title><updated>2020-07-24T00:00:00Z</updated><author><name>A</name></author><link rel="self" href="https://example.test/feed.xml"/>';
const DEFAULT_ENTRY =
  '<entry><id>https://example.test/e1</id><title>E</title><updated>2020-07-24T00:00:00Z</updated><link rel="alternate" type="text/html" href="https://example.test/e1"/></entry>';
const entry = (inner: string) => `<entry>${inner}</entry>`;
const messages = (xml: string) => validateAtom(xml).map((p) => p.message);

describe('validateAtom accepts', () => {
  it('a minimal conforming feed', () => {
    expect(validateAtom(feed())).toEqual([]);
  });

  it('entries with their own authors when the feed has none, xhtml content, extensions and categories', () => {
    const xml = feed({
      head: '<id>tag:example.test,2020:feed</id><title type="html">T &amp;lt;b&amp;gt;</title><updated>2020-07-24T10:00:00.5+01:00</updated><link rel="self" href="/feed.xml"/>',
      entries: [
        entry(
          '<id>urn:uuid:1</id><title>E</title><updated>2020-07-24T00:00:00Z</updated><author><name>A</name><email>a@example.test</email></author>' +
            '<category term="t" label="T"/><x:ext xmlns:x="urn:x">anything <b>here</b></x:ext>' +
            '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="/">there</a></p></div></content>',
        ),
      ],
    });
    expect(validateAtom(xml)).toEqual([]);
  });
});

describe('validateAtom rejects', () => {
  const cases: Array<[string, string, string]> = [
    ['XML that is not well-formed', '<feed xmlns="http://www.w3.org/2005/Atom"><id>', 'not well-formed XML'],
    ['a root that is not atom:feed', '<feed><id>x:y</id></feed>', 'the root element must be atom:feed'],
    ['a feed without an id', feed({ head: DEFAULT_HEAD.replace('<id>https://example.test/feed.xml</id>', '') }), 'atom:feed must contain exactly one atom:id (found 0)'],
    ['a feed with two titles', feed({ head: `${DEFAULT_HEAD}<title>Again</title>` }), 'atom:feed must contain exactly one atom:title (found 2)'],
    ['a feed without updated', feed({ head: DEFAULT_HEAD.replace('<updated>2020-07-24T00:00:00Z</updated>', '') }), 'atom:feed must contain exactly one atom:updated (found 0)'],
    ['a date without time', feed({ head: DEFAULT_HEAD.replace('2020-07-24T00:00:00Z', '2020-07-24') }), 'must be an RFC 3339 date-time'],
    ['a lower-case t', feed({ head: DEFAULT_HEAD.replace('2020-07-24T00:00:00Z', '2020-07-24t00:00:00Z') }), 'must be an RFC 3339 date-time'],
    ['an impossible date', feed({ entries: [DEFAULT_ENTRY.replace('2020-07-24T00:00:00Z', '2021-02-29T00:00:00Z')] }), 'must be an RFC 3339 date-time'],
    ['a relative id', feed({ entries: [DEFAULT_ENTRY.replace('https://example.test/e1</id>', '/e1</id>')] }), 'atom:id must be an absolute IRI'],
    [
      'an entry without author when the feed has none',
      feed({ head: DEFAULT_HEAD.replace('<author><name>A</name></author>', '') }),
      'an entry must have an atom:author when the feed has none',
    ],
    ['an author without a name', feed({ head: DEFAULT_HEAD.replace('<name>A</name>', '<uri>https://a.test/</uri>') }), 'atom:author must contain exactly one atom:name (found 0)'],
    ['an entry without id', feed({ entries: [DEFAULT_ENTRY.replace('<id>https://example.test/e1</id>', '')] }), 'atom:entry must contain exactly one atom:id (found 0)'],
    ['an entry without title', feed({ entries: [DEFAULT_ENTRY.replace('<title>E</title>', '')] }), 'atom:entry must contain exactly one atom:title (found 0)'],
    [
      'an entry without updated',
      feed({ entries: [DEFAULT_ENTRY.replace('<updated>2020-07-24T00:00:00Z</updated>', '')] }),
      'atom:entry must contain exactly one atom:updated (found 0)',
    ],
    [
      'an entry with neither content nor an alternate link',
      feed({ entries: [DEFAULT_ENTRY.replace('rel="alternate"', 'rel="related"')] }),
      'an entry without atom:content must have a link with rel="alternate"',
    ],
    [
      'two alternate links of the same type',
      feed({ entries: [DEFAULT_ENTRY.replace('</entry>', '<link type="text/html" href="https://example.test/e2"/></entry>')] }),
      'must not have two rel="alternate" links with the same type and hreflang',
    ],
    ['a link without href', feed({ head: `${DEFAULT_HEAD}<link rel="alternate"/>` }), 'atom:link must have an href attribute'],
    ['duplicate entry ids', feed({ entries: [DEFAULT_ENTRY, DEFAULT_ENTRY] }), 'entry id "https://example.test/e1" is used twice'],
    ['an unknown Atom element', feed({ head: `${DEFAULT_HEAD}<description>x</description>` }), 'atom:description is not allowed in atom:feed'],
    ['an unknown attribute on an Atom element', feed({ head: DEFAULT_HEAD.replace('<author>', '<author type="element">') }), 'atom:author must not have the attribute "type"'],
    ['a bad text type', feed({ head: DEFAULT_HEAD.replace('<title>T</title>', '<title type="markdown">T</title>') }), 'type must be text, html or xhtml'],
    ['markup in a text title', feed({ head: DEFAULT_HEAD.replace('<title>T</title>', '<title>T <b>bold</b></title>') }), 'must not contain elements'],
    [
      'xhtml content without its div',
      feed({ entries: [entry('<id>x:1</id><title>E</title><updated>2020-07-24T00:00:00Z</updated><content type="xhtml"><p>no div</p></content>')] }),
      'must contain exactly one xhtml:div',
    ],
    [
      'out-of-line content without summary',
      feed({ entries: [entry('<id>x:1</id><title>E</title><updated>2020-07-24T00:00:00Z</updated><content type="application/pdf" src="https://example.test/a.pdf"/>')] }),
      'must have an atom:summary',
    ],
    [
      'two summaries',
      feed({ entries: [DEFAULT_ENTRY.replace('</entry>', '<summary>a</summary><summary>b</summary></entry>')] }),
      'atom:entry must not contain more than one atom:summary (found 2)',
    ],
    ['a category without term', feed({ entries: [DEFAULT_ENTRY.replace('</entry>', '<category label="x"/></entry>')] }), 'atom:category must have a term attribute'],
    ['a feed that does not link itself', feed({ head: DEFAULT_HEAD.replace('<link rel="self" href="https://example.test/feed.xml"/>', '') }), 'should have a link with rel="self"'],
    ['text between feed elements', feed({ head: `${DEFAULT_HEAD}stray words` }), 'must not contain text outside its child elements'],
  ];
  it.each(cases)('%s', (_name, xml, expected) => {
    const found = messages(xml);
    expect(
      found.some((m) => m.includes(expected)),
      `expected "${expected}" among ${JSON.stringify(found)}`,
    ).toBe(true);
  });
});

describe('isAtomDate and isAbsoluteIri', () => {
  it('check RFC 3339 date-times and absolute IRIs', () => {
    expect(isAtomDate('2020-07-24T00:00:00Z')).toBe(true);
    expect(isAtomDate('2020-07-24T23:59:60+05:30')).toBe(true);
    expect(isAtomDate('2020-07-24T24:00:00Z')).toBe(false);
    expect(isAtomDate('2020-13-01T00:00:00Z')).toBe(false);
    expect(isAbsoluteIri('https://example.test/a')).toBe(true);
    expect(isAbsoluteIri('tag:example.test,2020:x')).toBe(true);
    expect(isAbsoluteIri('/relative')).toBe(false);
    expect(isAbsoluteIri('https://example.test/a b')).toBe(false);
  });
});
