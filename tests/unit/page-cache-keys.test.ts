import { describe, expect, it } from 'vitest';
import { alignClauses, renumberedNumbers } from '#compare/align-clauses.ts';
import { buildHistories } from '#compare/clause-history.ts';
import { loadSite, type SiteSources } from '#content/load-site.ts';
import type { DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';
import { type PageCacheKeys, pageCacheKeys } from '#publish/page-cache-keys.ts';
import { SITE_URL, sampleSources } from '../support/sample-site.ts';

const compare = (from: VersionRecord, to: VersionRecord) => alignClauses(from.clauses, to.clauses);

function siteOf(sources: SiteSources, asOf = '2020-08-01'): Site {
  const { site, problems } = loadSite(sources, asOf);
  if (!site) throw new Error(problems.map((p) => p.message).join('; '));
  return site;
}

/** Every generated page's key, by a name of the page, for a site. */
function allKeys(site: Site, options: { siteUrl?: string; layoutFacts?: unknown } = {}): Map<string, string> {
  const keys: PageCacheKeys = pageCacheKeys({
    site,
    siteUrl: options.siteUrl ?? SITE_URL,
    layoutFacts: options.layoutFacts ?? [],
    renumbered: (from, to) => renumberedNumbers(compare(from, to)),
  });
  const out = new Map<string, string>();
  for (const document of site.documents) {
    out.set(`${document.id}`, keys.document(document));
    out.set(`${document.id}/reading`, keys.reading(document));
    for (const version of document.versions) out.set(`${document.id}/${version.version}`, keys.version(document, version));
    for (const from of document.versions)
      for (const to of document.versions) if (from !== to) out.set(`${document.id}/${from.version}...${to.version}`, keys.compare(document, from, to));
    for (const history of buildHistories(document, compare).histories) out.set(`${document.id}/history/${history.slug}`, keys.history(document, history));
  }
  for (const direction of site.directions) out.set(`direction/${direction.id}`, keys.direction(direction));
  return out;
}

/** The sample sources with one version's text edited. */
function edited(path: string, edit: (text: string) => string): SiteSources {
  const sources = sampleSources();
  const file = sources.versions.find((f) => f.file === path);
  if (!file) throw new Error(`no ${path}`);
  const text = edit(file.text);
  expect(text).not.toBe(file.text);
  file.text = text;
  return sources;
}

const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((name) => a.get(name) !== b.get(name)).sort();

describe('pageCacheKeys', () => {
  const base = allKeys(siteOf(sampleSources()));

  it('gives the same keys for the same content, and keys that differ between pages of one kind', () => {
    expect(allKeys(siteOf(sampleSources()))).toEqual(base);
    expect(base.get('td/1.0')).not.toBe(base.get('td/2.0'));
    expect(base.get('td/1.0...2.0')).not.toBe(base.get('td/2.0...1.0'));
    expect([...base.values()].every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it('a reworded clause changes only the pages that show that version: not other versions, comparisons without it, other documents or directions', () => {
    const after = allKeys(siteOf(edited('content/documents/td/v1.0.md', (t) => t.replace('tell the DCC', 'inform the DCC'))));
    const names = changed(base, after);
    expect(names).toContain('td');
    expect(names).toContain('td/1.0');
    expect(names).toContain('td/1.0...2.0');
    expect(names).toContain('td/2.0-draft...1.0');
    expect(names).not.toContain('td/2.0');
    expect(names).not.toContain('td/2.0-draft...2.0');
    expect(names.some((n) => n.startsWith('ot'))).toBe(false);
    expect(names.some((n) => n.startsWith('direction/'))).toBe(false);
    // Of the clause histories, only the reworded clause's.
    const histories = names.filter((n) => n.startsWith('td/history/'));
    expect(histories.length).toBe(1);
    const site = siteOf(sampleSources());
    const td = site.documents.find((d) => d.id === 'td') as DocumentRecord;
    const reworded = buildHistories(td, compare).histories.find((h) => h.entries.some((e) => e.clause.text.includes('tell the DCC')));
    expect(histories).toEqual([`td/history/${reworded?.slug}`]);
  });

  it("a document whose text names another (a cross-reference may lead there, with a preview) follows that document's text", () => {
    // The sample's other document names the test document nowhere: make one of its clauses cite Appendix ZZ.
    const citing = edited('content/documents/ot/v1.0.md', (t) => t.replace(/(\n1\.1 [^\n]*)/, '$1 See Clause 1.1 of Appendix ZZ.'));
    const before = allKeys(siteOf(citing));
    const file = citing.versions.find((f) => f.file === 'content/documents/td/v2.0.md');
    if (!file) throw new Error('no td v2.0');
    file.text = file.text.replace('tell the DCC', 'inform the DCC');
    const names = changed(before, allKeys(siteOf(citing)));
    expect(names).toContain('ot/reading');
    expect(names.filter((n) => n.startsWith('ot'))).toEqual(['ot/reading']);
  });

  it('a line moved in the source (no rendered change) keeps clause histories and comparisons of other versions', () => {
    const after = allKeys(siteOf(edited('content/documents/td/v1.0.md', (t) => t.replace('## 1 Scope\n', '## 1 Scope\n\n\n'))));
    const names = changed(base, after);
    expect(names.filter((n) => n.includes('/history/'))).toEqual([]);
    expect(names.some((n) => n.startsWith('ot'))).toBe(false);
  });

  it("a version's new front matter changes its document frame (shown on every page of it), not other documents", () => {
    const after = allKeys(siteOf(edited('content/documents/td/v1.0.md', (t) => t.replace('illustrative: true', 'label: First issue\nillustrative: true'))));
    const names = changed(base, after);
    expect(names.filter((n) => n.startsWith('td')).length).toBe([...base.keys()].filter((n) => n.startsWith('td')).length);
    expect(names.some((n) => n.startsWith('ot'))).toBe(false);
  });

  it('site-wide facts change every key: the published address, the as-of date, the layout facts', () => {
    const count = base.size;
    expect(changed(base, allKeys(siteOf(sampleSources()), { siteUrl: 'https://other.example.test/' })).length).toBe(count);
    expect(changed(base, allKeys(siteOf(sampleSources(), '2021-01-01'))).length).toBe(count);
    expect(changed(base, allKeys(siteOf(sampleSources()), { layoutFacts: [{ page: '/td/v1.0/', anchor: '9.9' }] })).length).toBe(count);
  });
});
