import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/check-site.ts';
import type { Site } from '#model/site-model.ts';

/**
 * The catalogue of bad content: each case in tests/fixtures/bad-content/ is a small content
 * folder with one thing broken (or, for the accepted cases, written unusually), and
 * `expected.txt` holds exactly what the checker prints for it, with the case folder shown as
 * `content/` (Vitest file snapshots: `-u` rewrites them; review the diff).
 */
const BASE = 'tests/fixtures/bad-content';
const AS_OF = '2024-01-01';
const cases = readdirSync(BASE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function report(name: string): Promise<{ site: Site | undefined; text: string }> {
  const root = `${BASE}/${name}`;
  const { site, lines } = await checkContent(root, AS_OF);
  return { site, text: lines.join('\n').replaceAll(`${root}/`, 'content/') };
}

function version(site: Site | undefined, doc: string, number: string) {
  const found = site?.documents.find((d) => d.id === doc)?.versions.find((v) => v.version === number);
  if (!found) throw new Error(`no ${doc} v${number}`);
  return found;
}

describe('the catalogue of bad content', () => {
  it('has at least 30 cases, each described in the README', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const readme = readFileSync(`${BASE}/README.md`, 'utf8');
    expect(cases.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it.each(cases)('%s: prints exactly the expected messages', async (name) => {
    const { site, text } = await report(name);
    await expect(text ? `${text}\n` : '').toMatchFileSnapshot(resolve(BASE, name, 'expected.txt'));
    // Errors stop the build; warnings alone do not.
    expect(site === undefined).toBe(/^\S+:\d+:\d+ error: /m.test(text));
  });
});

describe('what the catalogue proves', () => {
  it('reports every problem of a run together, across files', async () => {
    const { text } = await report('many-problems');
    const files = new Set([...text.matchAll(/^(\S+):\d+:\d+ (?:error|warning): /gm)].map((m) => m[1]));
    expect([...files].sort()).toEqual(['content/directions/2020-07-24-test.md', 'content/documents/td/index.md', 'content/documents/td/v1.0.md', 'content/documents/td/v2.0.md']);
    expect(text).toContain('3 content errors: nothing was built.');
  });

  it("warns of a duplicate clause, naming both lines and the second one's anchor, and still builds", async () => {
    const { site, text } = await report('duplicate-clause');
    expect(text).toMatch(/v2\.0\.md:13:1 warning: duplicate clause 1\.1 \(lines 11 and 13\): this one is anchored #1\.1~2/);
    expect(
      version(site, 'td', '2.0')
        .clauses.filter((c) => c.number === '1.1')
        .map((c) => c.slug),
    ).toEqual(['1.1', '1.1~2']);
  });

  it('accepts a byte-order mark and CRLF line endings, reading the same clauses on the same lines', async () => {
    const plain = await checkContent('tests/fixtures/site-minimal', AS_OF);
    const shape = (site: Site | undefined) => version(site, 'td', '2.0').clauses.map((c) => ({ slug: c.slug, text: c.text, line: c.start.line, column: c.start.column }));
    for (const name of ['byte-order-mark', 'crlf-line-endings']) {
      const { site, text } = await report(name);
      expect(text).toBe('');
      expect(shape(site)).toEqual(shape(plain.site));
      expect(site?.directions[0]?.designations).toEqual(plain.site?.directions[0]?.designations);
    }
  });

  it('warns of each cross-reference that leads nowhere at the line and column it is written, and still builds', async () => {
    const { site, text } = await report('reference-leads-nowhere');
    expect(text).toMatch(/v2\.0\.md:14:1 warning: cross-reference "clauses 1\.4 to 1\.6" in 1\.2 leads nowhere: this version has no clause 1\.4; this version has no clause 1\.6/);
    expect(text).toMatch(/v2\.0\.md:16:5 warning: cross-reference "Annex B" in 1\.3 leads nowhere/);
    expect(text).not.toContain('Section A');
    expect(site).toBeDefined();
  });

  it('builds despite a warning, keeping the clauses in the order written', async () => {
    const { site, text } = await report('clauses-backwards');
    expect(text).toMatch(/^\S+ warning: clause numbers go backwards/);
    expect(version(site, 'td', '2.0').clauses.map((c) => c.number)).toEqual(['1', '1.1', '1.3', '1.2']);
  });

  it('keeps unclosed HTML inside its own clause', async () => {
    const { site } = await report('unclosed-html');
    const clauses = version(site, 'td', '2.0').clauses;
    const html = (slug: string) => JSON.stringify(clauses.find((c) => c.slug === slug)?.content);
    expect(html('1.1')).toContain('"tagName":"b"');
    expect(html('1.1')).toContain('"tagName":"div"');
    for (const slug of ['1-p1', '1.2']) {
      expect(html(slug)).not.toContain('"tagName":"b"');
      expect(html(slug)).not.toContain('"tagName":"div"');
    }
    expect(clauses.find((c) => c.slug === '1.2')?.text).toBe('A Supplier Party shall tell the DCC.');
  });
});
