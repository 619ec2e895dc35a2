import { describe, expect, it } from 'vitest';
import { alignClauses, renumberedNumbers } from '#compare/align-clauses.ts';
import { loadSite } from '#content/load-site.ts';
import type { Site, VersionRecord } from '#model/site-model.ts';
import { deferredParser } from '#node/deferred-parser.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { type GeneratedFile, generatedFiles } from '#publish/generated-files.ts';
import { pageCacheKeys } from '#publish/page-cache-keys.ts';
import { decodeVersion } from '#publish/version-data.ts';
import { recordingParser, SITE_URL, sampleSite, sampleSources } from '../support/sample-site.ts';

const compare = (from: VersionRecord, to: VersionRecord) => alignClauses(from.clauses, to.clauses);

function filesOf(site: Site, documentId = 'td'): GeneratedFile[] {
  const document = site.documents.find((d) => d.id === documentId);
  if (!document) throw new Error(`no document ${documentId}`);
  const keys = pageCacheKeys({ site, siteUrl: SITE_URL, layoutFacts: [], renumbered: (from, to) => renumberedNumbers(compare(from, to)) });
  return generatedFiles(document, { site: new URL(SITE_URL), asOf: site.asOf, keys, compare, directionOf: (id) => site.directions.find((d) => d.id === id) });
}

const text = async (file: GeneratedFile | undefined): Promise<string> => {
  const contents = await file?.contents();
  if (typeof contents !== 'string') throw new Error(`${file?.path} is not text`);
  return contents;
};

describe('generatedFiles', () => {
  const site = sampleSite();
  const files = filesOf(site);
  const byPath = new Map(files.map((file) => [file.path, file]));

  it("lists each version's four files and each pre-built comparison's two, at the paths the pages link to", () => {
    expect(files.map((file) => file.path)).toEqual([
      'td/v1.0.docx',
      'api/td/v1.0.json',
      'api/td/v1.0.akn.xml',
      'data/td/v1.0.json',
      'td/v2.0-draft.docx',
      'api/td/v2.0-draft.json',
      'api/td/v2.0-draft.akn.xml',
      'data/td/v2.0-draft.json',
      'td/v2.0.docx',
      'api/td/v2.0.json',
      'api/td/v2.0.akn.xml',
      'data/td/v2.0.json',
      'td/compare/v1.0...v2.0-draft.docx',
      'api/td/compare/v1.0...v2.0-draft.json',
      'td/compare/v1.0...v2.0.docx',
      'api/td/compare/v1.0...v2.0.json',
      'td/compare/v2.0-draft...v2.0.docx',
      'api/td/compare/v2.0-draft...v2.0.json',
    ]);
  });

  it("keys a version's files by the version, and a comparison's by its pair", () => {
    const keyOf = (path: string) => byPath.get(path)?.key;
    expect(new Set(['td/v1.0.docx', 'api/td/v1.0.json', 'api/td/v1.0.akn.xml', 'data/td/v1.0.json'].map(keyOf)).size).toBe(1);
    expect(keyOf('api/td/v1.0.json')).not.toBe(keyOf('api/td/v2.0.json'));
    expect(keyOf('api/td/compare/v1.0...v2.0.json')).toBe(keyOf('td/compare/v1.0...v2.0.docx'));
    expect(keyOf('api/td/compare/v1.0...v2.0.json')).not.toBe(keyOf('api/td/compare/v2.0-draft...v2.0.json'));
    expect(keyOf('api/td/compare/v1.0...v2.0.json')).not.toBe(keyOf('api/td/v2.0.json'));
  });

  it('makes JSON and XML that name the site, indented JSON ending in a newline, and Word packages', async () => {
    const api = await text(byPath.get('api/td/v2.0.json'));
    expect(api.endsWith('}\n')).toBe(true);
    expect(api).toContain('\n  "');
    expect(JSON.parse(api)).toMatchObject({ document: expect.objectContaining({ id: 'td' }) });
    expect(api).toContain(SITE_URL);
    const akn = await text(byPath.get('api/td/v2.0.akn.xml'));
    expect(akn.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(akn).toContain('eId="1.1"');
    const pair = JSON.parse(await text(byPath.get('api/td/compare/v1.0...v2.0.json'))) as { rows: unknown[] };
    expect(pair.rows.length).toBeGreaterThan(0);
    for (const path of ['td/v2.0.docx', 'td/compare/v1.0...v2.0.docx']) {
      const bytes = await byPath.get(path)?.contents();
      expect(bytes).toBeInstanceOf(Uint8Array);
      // A zip package: "PK\x03\x04".
      expect([...(bytes as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  });

  it("writes the browser's data compactly, and it decodes to the version's clauses", async () => {
    const data = await text(byPath.get('data/td/v2.0.json'));
    expect(data).not.toContain('\n');
    const version = site.documents[0]?.versions.find((v) => v.version === '2.0');
    expect(decodeVersion(JSON.parse(data)).map((c) => [c.slug, c.text])).toEqual(version?.clauses.map((c) => [c.slug, c.text]));
  });

  it('gives the same files, byte for byte, for a site loaded with its texts deferred and read one document at a time', async () => {
    const texts = deferredParser((markdown, options) => () => parseClauses(markdown, options));
    const { site: deferred } = loadSite(sampleSources(), site.asOf, { parse: texts.parse });
    if (!deferred) throw new Error('the sample site did not load');
    const read: Site = { ...deferred, documents: deferred.documents.map((d) => texts.withTexts(d)) };
    for (const id of ['td', 'ot']) {
      const eager = filesOf(site, id);
      const lazy = filesOf(read, id);
      expect(lazy.map((f) => [f.path, f.key])).toEqual(eager.map((f) => [f.path, f.key]));
      for (const [i, file] of lazy.entries()) expect(await file.contents(), file.path).toEqual(await eager[i]?.contents());
    }
  });
});

describe('deferredParser', () => {
  it('holds no clauses until a document is read, and then parses exactly its versions', () => {
    const parsed: string[] = [];
    const texts = recordingParser(parsed);
    const { site } = loadSite(sampleSources(), '2020-08-01', { parse: texts.parse });
    if (!site) throw new Error('the sample site did not load');
    expect(parsed).toEqual([]);
    const other = site.documents.find((d) => d.id === 'ot');
    if (!other) throw new Error('no document ot');
    const read = texts.withTexts(other);
    expect(parsed).toEqual(other.versions.map((v) => v.file));
    expect(read.versions.every((v) => v.clauses.length > 0 && v.clauses.every((c) => c.slug !== 'not-yet-read'))).toBe(true);
    // The loaded record is left as it was: the next document does not keep this one's texts alive.
    expect(other.versions.every((v) => v.clauses.length === 1 && v.clauses[0]?.slug === 'not-yet-read')).toBe(true);
  });

  it('names the file when a version was not among those loaded', () => {
    const texts = deferredParser((markdown, options) => () => parseClauses(markdown, options));
    const { site } = loadSite(sampleSources(), '2020-08-01', { parse: texts.parse });
    const document = site?.documents[0];
    if (!document) throw new Error('the sample site did not load');
    const stranger = { ...document, versions: [{ ...(document.versions[0] as VersionRecord), file: 'content/documents/td/v9.9.md' }] };
    expect(() => texts.withTexts(stranger)).toThrow('content/documents/td/v9.9.md: its text was not read when the site was loaded');
  });
});
