import { toXml } from 'xast-util-to-xml';
import { describe, expect, it } from 'vitest';
import { SITEMAP_URL_LIMIT, type SitemapFile, sitemapEntries, sitemapFiles, sitemapPartCount, sitemapTree } from '#publish/sitemap.ts';
import { SITE_URL, sampleSite } from '../support/sample-site.ts';

describe('sitemapEntries', () => {
  const entries = sitemapEntries(sampleSite());

  it('lists every indexable page once, with content dates', () => {
    expect(entries.map((e) => e.path)).toEqual([
      '/',
      '/td/',
      '/td/in-effect/',
      '/td/v1.0/',
      '/td/v2.0-draft/',
      '/td/v2.0/',
      '/td/compare/v1.0...v2.0-draft/',
      '/td/compare/v1.0...v2.0/',
      '/td/compare/v2.0-draft...v2.0/',
      '/ot/',
      '/ot/in-effect/',
      '/ot/v1.0/',
      '/directions/',
      '/directions/2020-07-24-test/',
    ]);
    expect(entries.find((e) => e.path === '/td/v2.0-draft/')?.lastmod).toBe('2020-03-13');
    expect(entries.find((e) => e.path === '/td/')?.lastmod).toBe('2020-07-24');
  });

  it('leaves out pages marked noindex: latest, search, clause pages', () => {
    expect(entries.some((e) => /latest|search|clause/.test(e.path))).toBe(false);
  });
});

describe('sitemapTree', () => {
  it('writes the sitemaps.org protocol with absolute URLs', () => {
    const xml = toXml(sitemapTree([{ path: '/td/v2.0/', lastmod: '2020-07-24' }, { path: '/' }], SITE_URL));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<url><loc>https://sec.example.test/td/v2.0/</loc><lastmod>2020-07-24</lastmod></url><url><loc>https://sec.example.test/</loc></url></urlset>',
    );
  });
});

describe('sitemapFiles', () => {
  const entries = [{ path: '/a/', lastmod: '2020-01-02' }, { path: '/b/', lastmod: '2021-05-06' }, { path: '/c/' }, { path: '/d/', lastmod: '2019-01-01' }, { path: '/e/' }];

  it('publishes one sitemap at /sitemap.xml up to the limit', () => {
    const files = sitemapFiles(entries, SITE_URL, 5);
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml']);
    expect(toXml((files[0] as SitemapFile).tree)).toBe(toXml(sitemapTree(entries, SITE_URL)));
    expect(sitemapPartCount(5, 5)).toBe(0);
  });

  it('past the limit, splits the URLs in order into parts and writes a sitemap index at /sitemap.xml', () => {
    const files = sitemapFiles(entries, SITE_URL, 2);
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    expect(sitemapPartCount(entries.length, 2)).toBe(3);
    expect(toXml((files[0] as SitemapFile).tree)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<sitemap><loc>https://sec.example.test/sitemap-1.xml</loc><lastmod>2021-05-06</lastmod></sitemap>' +
        '<sitemap><loc>https://sec.example.test/sitemap-2.xml</loc><lastmod>2019-01-01</lastmod></sitemap>' +
        '<sitemap><loc>https://sec.example.test/sitemap-3.xml</loc></sitemap></sitemapindex>',
    );
    expect(toXml((files[1] as SitemapFile).tree)).toBe(toXml(sitemapTree(entries.slice(0, 2), SITE_URL)));
    expect(toXml((files[3] as SitemapFile).tree)).toBe(toXml(sitemapTree(entries.slice(4), SITE_URL)));
    // Every URL is in exactly one part.
    const listed = files.slice(1).flatMap((f) => [...toXml(f.tree).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(listed).toEqual(entries.map((e) => `https://sec.example.test${e.path}`));
  });

  it('defaults to the protocol limit of 50,000 URLs', () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
    expect(sitemapPartCount(50_000)).toBe(0);
    expect(sitemapPartCount(50_001)).toBe(2);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => sitemapFiles(entries, SITE_URL, 0)).toThrow(RangeError);
  });
});
