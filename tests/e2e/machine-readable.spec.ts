import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { describeErrors, readSchemas, schemaValidators } from '../support/api-schemas.ts';
import { validateAtom } from '../support/validate-atom.ts';

/** The built site the preview server serves. */
const dist = process.env.SEC_OUT_DIR ?? 'dist';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Which schema describes each file of `dist/api`. */
function schemaFor(file: string): string | undefined {
  if (file === 'api/documents.json') return 'documents';
  if (/^api\/schemas\/[a-z-]+\.schema\.json$/.test(file)) return 'meta';
  if (/^api\/[a-z0-9-]+\/compare\/v[^/]+\.\.\.v[^/]+\.json$/.test(file)) return 'compare';
  if (/^api\/[a-z0-9-]+\/v[^/]+\.json$/.test(file)) return 'version';
  return undefined;
}

test.describe('API', () => {
  test('every JSON file in dist/api validates against its JSON Schema', () => {
    const validators = schemaValidators();
    const schemas = readSchemas();
    // The Akoma Ntoso files have an XML schema of their own (validated in exports.spec.ts).
    const files = filesUnder(join(dist, 'api')).filter((file) => !file.endsWith('.akn.xml'));
    expect(files.length).toBeGreaterThan(3);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const kind = schemaFor(file);
      if (!kind) {
        problems.push(`${file}: no schema describes this file`);
        continue;
      }
      seen.add(kind);
      const data = JSON.parse(readFileSync(join(dist, file), 'utf8')) as unknown;
      if (kind === 'meta') {
        // The published schemas are the repository's, compiled (meta-validated) by schemaValidators().
        const name = file.replace(/^api\/schemas\/|\.schema\.json$/g, '');
        if (JSON.stringify(data) !== JSON.stringify(schemas.get(name))) problems.push(`${file}: differs from schemas/${name}.schema.json`);
        continue;
      }
      const validate = validators.get(kind);
      if (!validate?.(data)) problems.push(...(validate ? describeErrors(validate) : ['no validator']).map((e) => `${file}: ${e}`));
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual(['compare', 'documents', 'meta', 'version']);
  });

  test('documents.json links every version, comparison and feed to a file the build wrote', async ({ request }) => {
    const response = await request.get('/api/documents.json');
    expect(response.ok()).toBe(true);
    const data = (await response.json()) as {
      documents: Array<{ id: string; feed: string; versions: Array<{ url: string; api: string }>; comparisons: Array<{ url: string; api: string }> }>;
    };
    const files = new Set(filesUnder(dist));
    const fileOf = (url: string) => {
      const path = new URL(url).pathname.slice(1);
      return path.endsWith('/') ? `${path}index.html` : path;
    };
    const missing: string[] = [];
    for (const document of data.documents) {
      for (const url of [document.feed, ...document.versions.flatMap((v) => [v.url, v.api]), ...document.comparisons.flatMap((c) => [c.url, c.api])]) {
        if (!files.has(decodeURIComponent(fileOf(url)))) missing.push(url);
      }
    }
    expect(missing).toEqual([]);
  });

  test('a version lists its clauses in order, each with its permalink', async ({ request }) => {
    const data = (await (await request.get('/api/tmad/v6.0.json')).json()) as {
      clauses: Array<{ slug: string; number: string | null; path: string[]; text: string; permalink: string }>;
    };
    const clause = data.clauses.find((c) => c.slug === '8.6');
    expect(clause?.number).toBe('8.6');
    expect(clause?.text).toContain('336 hours');
    expect(clause?.permalink).toMatch(/\/tmad\/v6\.0\/#8\.6$/);
    expect(clause?.path[0]).toMatch(/^8 /);
  });

  test('a comparison gives the word changes of each reworded clause', async ({ request }) => {
    const data = (await (await request.get('/api/tmad/compare/v6.0-draft...v6.0.json')).json()) as {
      rows: Array<{ kind: string; to: Array<{ slug: string }>; changes?: Array<{ op: string; text: string }> }>;
    };
    const row = data.rows.find((r) => r.to[0]?.slug === '8.6');
    expect(row?.kind).toBe('modified');
    expect(row?.changes).toContainEqual({ op: 'removed', text: '48' });
    expect(row?.changes).toContainEqual({ op: 'added', text: '336' });
  });
});

test.describe('feeds', () => {
  test('the site feed and every document feed are valid Atom (RFC 4287)', async ({ request }) => {
    const documents = (await (await request.get('/api/documents.json')).json()) as { documents: Array<{ feed: string }> };
    const feeds = ['/feeds/designations.xml', ...documents.documents.map((d) => new URL(d.feed).pathname)];
    expect(feeds).toContain('/tmad/feed.xml');
    for (const feed of feeds) {
      const response = await request.get(feed);
      expect(response.ok(), feed).toBe(true);
      expect(validateAtom(await response.text()), feed).toEqual([]);
    }
  });

  test('the TMAD feed announces v6.0 with what changed and links the text and the red-line', async ({ request }) => {
    const xml = await (await request.get('/tmad/feed.xml')).text();
    expect(xml).toContain('<title>TMAD v6.0 designated, in legal effect from 26 July 2020</title>');
    expect(xml).toMatch(/Changes since v5\.0: \d+ clauses changed \(2 modified, \d+ inserted, \d+ deleted, 6 renumbered\)/);
    expect(xml).toMatch(/<link rel="related" type="text\/html" href="[^"]+\/tmad\/compare\/v5\.0\.\.\.v6\.0\/"/);
    expect(xml).not.toContain('6.0-draft');
  });
});

test.describe('sitemap and robots', () => {
  test('robots.txt points at the sitemap', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  test('the sitemap lists exactly the pages built without noindex', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text();
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => `${new URL(m[1] as string).pathname.slice(1)}index.html`).sort();
    const pages = filesUnder(dist)
      .filter((file) => file.endsWith('.html') && !/<meta name="robots" content="noindex"/.test(readFileSync(join(dist, file), 'utf8')))
      .sort();
    expect(listed).toEqual(pages);
  });
});
