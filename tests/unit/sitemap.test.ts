import { toXml } from 'xast-util-to-xml';
import { describe, expect, it } from 'vitest';
import { sitemapEntries, sitemapTree } from '#publish/sitemap.ts';
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
