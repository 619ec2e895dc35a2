/**
 * The search relevance fixture: queries a reader types, and the clause that should come first or
 * in the top 3, over the shipped content, indexed by Pagefind for real (one index, in memory) and
 * queried with Pagefind's own JavaScript in Node, through the same code as the search page.
 * Prints `relevance: …`, the score quoted in the closing note:
 *   npx vitest run --project build tests/build/search-relevance.test.ts
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { buildHistories } from '#compare/clause-history.ts';
import { loadSite } from '#content/load-site.ts';
import { searchCatalog, searchRecords, type SearchRecord } from '#publish/search-records.ts';
import { type ClauseGroup, type PagefindApi, searchClauses } from '#scripts/search-query.ts';
import { searchBundleFiles } from '../../scripts/lib/index-search.ts';
import { readContent } from '../../scripts/lib/read-content.ts';

/** Query, the clause expected (`TMAD clause 8.6`: document and clause name), and where. */
const FIXTURE: ReadonlyArray<{ query: string; expected: string; at: 'first' | 'top3' }> = [
  { query: '48 hours', expected: 'TMAD clause 8.6', at: 'first' },
  { query: 'UTRN Cutover Period', expected: 'TMAD clause 8.6', at: 'first' },
  { query: 'SRV 4.4.2', expected: 'S1SR clause 18.10', at: 'top3' },
  { query: '8.6', expected: 'TMAD clause 8.6', at: 'first' },
  { query: 'TMAD 4.8', expected: 'TMAD clause 4.8', at: 'first' },
  { query: 'clause 4.12A', expected: 'TMAD clause 4.12A', at: 'first' },
  { query: 'Dormant Meter', expected: 'TMAD clause 1.3(b)', at: 'first' },
  { query: 'Migration Window', expected: 'TMAD clause 1.3(g)', at: 'first' },
  { query: 'Migration Error', expected: 'TMAD clause 6.1', at: 'top3' },
  { query: 'Device Model Variation', expected: 'S1SR clause 1.3(a)', at: 'first' },
  { query: 'Unsupported Service Request', expected: 'S1SR clause 1.3(d)', at: 'top3' },
  { query: 'TMAD Child Document', expected: 'TMAD clause 1.5', at: 'top3' },
];

const { sources } = await readContent('content');
const site = loadSite(sources, '2026-01-01').site;
if (!site) throw new Error('the shipped content should load');
const histories = new Map(site.documents.map((d) => [d.id, buildHistories(d, (from, to) => alignClauses(from.clauses, to.clauses))]));
const records: SearchRecord[] = searchRecords(site, (document, version, slug) => histories.get(document.id)?.slugOf(version, slug));

let dir = '';
let pagefind: PagefindApi;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-relevance-'));
  for (const file of await searchBundleFiles(records)) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  // Pagefind's browser code fetches its files next to pagefind.js: serve them from the folder.
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    return realFetch(input, init);
  }) as typeof fetch;
  const module = (await import(pathToFileURL(join(dir, 'pagefind.js')).href)) as PagefindApi & { options(o: object): Promise<void> };
  await module.options({ basePath: `${pathToFileURL(dir).href}/` });
  pagefind = module;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const label = (group: ClauseGroup) => `${group.lead.title.split(' ')[0]} ${group.lead.name}`;
const catalog = searchCatalog(site, 'all');
const search = (query: string) => searchClauses(pagefind, query, {}, { group: true, limit: 100, catalog });

describe('search relevance', () => {
  it('finds the expected clause first or in the top 3 for each query of the fixture', async () => {
    const lines: string[] = [];
    let top3 = 0;
    let first = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const { query, expected, at } of FIXTURE) {
      const ranked = (await search(query)).groups.map(label);
      const rank = ranked.indexOf(expected) + 1;
      if (rank === 1) first++;
      if (rank >= 1 && rank <= 3) top3++;
      if (rank >= 1) reciprocal += 1 / rank;
      if (rank === 0 || (at === 'first' && rank !== 1) || rank > 3) misses.push(`"${query}": ${expected} at ${rank || 'none'} (${ranked.slice(0, 3).join('; ')})`);
      lines.push(`  ${rank === 1 ? '1st' : rank ? `#${rank}` : '—'}  ${query} → ${expected}`);
    }
    const mrr = reciprocal / FIXTURE.length;
    console.log(`${lines.join('\n')}\nrelevance: ${top3}/${FIXTURE.length} queries with the expected clause in the top 3 (${first} first), MRR ${mrr.toFixed(2)}`);
    expect(misses).toEqual([]);
  });

  it('does not match version names: "draft" finds only clauses that say draft', async () => {
    const found = await search('draft');
    expect(found.total).toBeLessThan(records.length / 10);
    for (const group of found.groups) for (const hit of [group.lead, ...group.others]) expect(hit.content).toMatch(/draft/i);
  });

  it('finds "Aclara" and "Secure" only in clauses with the word (or a word of the same stem: Secure, security)', async () => {
    for (const word of ['Aclara', 'Secure']) {
      const found = await search(word);
      expect(found.total).toBeGreaterThan(0);
      for (const group of found.groups) for (const hit of [group.lead, ...group.others]) expect(hit.content).toMatch(new RegExp(word.slice(0, 5), 'i'));
    }
  });

  it('groups the texts of one clause in several versions, listing each version', async () => {
    const found = await search('UTRN Cutover Period');
    const clause = found.groups.find((g) => label(g) === 'TMAD clause 8.6');
    expect(clause?.lead.versions.map((v) => v.label)).toEqual(['v6.0']);
    expect(clause?.others.flatMap((o) => o.versions.map((v) => [v.label, v.url]))).toEqual([['v6.0-draft', '/tmad/v6.0-draft/#8.6']]);
    expect(new Set(found.groups.map((g) => g.key)).size).toBe(found.groups.length);
  });

  describe("narrowed by what the page offers (its catalog), through Pagefind's own filtering", () => {
    const hits = async (query: string, selected: Parameters<typeof searchClauses>[2]) => {
      const found = await searchClauses(pagefind, query, selected, { group: false, limit: 1000, catalog });
      return found.groups.flatMap((g) => [g.lead, ...g.others]);
    };
    const [tmad, s1sr] = ['TMAD', 'S1SR'].map((name) => catalog.find((entry) => entry.document.startsWith(`${name} (`)));

    it('to documents: only theirs, and either of two', async () => {
      const unfiltered = await hits('the', {});
      const one = await hits('the', { document: [tmad?.document ?? ''] });
      expect(one.length).toBeGreaterThan(0);
      expect(one.length).toBeLessThan(unfiltered.length);
      expect(new Set(one.map((h) => h.title.split(' ')[0]))).toEqual(new Set(['TMAD']));
      const two = await hits('the', { document: [tmad?.document ?? '', s1sr?.document ?? ''] });
      expect(new Set(two.map((h) => h.title.split(' ')[0]))).toEqual(new Set(['TMAD', 'S1SR']));
    });

    it('to a version, and to a status (within the documents named, or all)', async () => {
      const version = tmad?.versions.at(-1) as string;
      const inVersion = await hits('the', { version: [version] });
      expect(inVersion.length).toBeGreaterThan(0);
      for (const hit of inVersion) expect(hit.versions.map((v) => `TMAD ${v.label}`)).toContain(version);
      const superseded = await hits('the', { status: ['Superseded'] });
      expect(superseded.length).toBeGreaterThan(0);
      for (const hit of superseded) expect(hit.statuses).toContain('Superseded');
      const supersededTmad = await hits('the', { status: ['Superseded'], document: [tmad?.document ?? ''] });
      expect(supersededTmad.length).toBeGreaterThan(0);
      expect(supersededTmad.length).toBeLessThan(superseded.length);
      for (const hit of supersededTmad) expect([hit.title.split(' ')[0], hit.statuses.includes('Superseded')]).toEqual(['TMAD', true]);
    });
  });
});
