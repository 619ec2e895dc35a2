import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { cellsOf } from '#compare/table-diff.ts';
import { loadSite } from '#content/load-site.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { compareDocx, REVISION_AUTHOR } from '#publish/compare-docx.ts';
import { readContent } from '../../scripts/lib/read-content.ts';
import { docxPart, reviewedText } from '../support/read-docx-revisions.ts';
import { sampleSite } from '../support/sample-site.ts';

const { sources } = await readContent('content');
const shipped = loadSite(sources, '2026-01-01').site;
if (!shipped) throw new Error('shipped content does not load');

function pair(site: typeof shipped, doc: string, a: string, b: string): { document: DocumentRecord; from: VersionRecord; to: VersionRecord } {
  const document = site?.documents.find((d) => d.id === doc) as DocumentRecord;
  const version = (v: string) => document.versions.find((r) => r.version === v) as VersionRecord;
  return { document, from: version(a), to: version(b) };
}

const labelled = (c: Clause) => (c.label ? `${c.label} ${c.text}` : c.text);
const prose = (clauses: readonly Clause[]) => clauses.filter((c) => c.kind !== 'table' && c.kind !== 'row').map(labelled);
const cellTexts = (clause: Clause) =>
  cellsOf(clause.content)
    .map((cell) => toText(cell).replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
const tableRows = (clauses: readonly Clause[]) => clauses.filter((c) => c.kind === 'table' || c.kind === 'row').map(cellTexts);

async function redline(p: ReturnType<typeof pair>) {
  const rows = alignClauses(p.from.clauses, p.to.clauses);
  return { rows, docx: await compareDocx({ ...p, rows }) };
}

describe('compareDocx: a comparison as Word tracked changes', () => {
  const cases: Array<[string, string, string]> = [
    ['tmad', '5.0', '6.0'],
    ['tmad', '6.0-draft', '6.0'],
    ['s1sr', '3.0', '4.0'],
    ['dmves', '1.0', '2.0'],
  ];
  for (const [doc, a, b] of cases) {
    it(`${doc} v${a} → v${b}: accepting every revision gives v${b}, rejecting gives v${a}`, async () => {
      const p = pair(shipped, doc, a, b);
      const { docx } = await redline(p);
      const accepted = reviewedText(docx, 'accept');
      const rejected = reviewedText(docx, 'reject');
      expect(accepted.paragraphs.slice(2)).toEqual(prose(p.to.clauses));
      expect(rejected.paragraphs.slice(2)).toEqual(prose(p.from.clauses));
      const rowsOf = (tables: string[][][]) =>
        tables
          .flat()
          .map((cells) => cells.filter((t) => t.length > 0))
          .filter((cells) => cells.length > 0);
      expect(rowsOf(accepted.tables)).toEqual(tableRows(p.to.clauses));
      expect(rowsOf(rejected.tables)).toEqual(tableRows(p.from.clauses));
    });
  }

  it('round-trips every alignment fixture (moves, splits, merges, swaps, tables) in both directions', async () => {
    const root = 'tests/fixtures/alignment';
    const site = sampleSite();
    const document = site.documents[0] as DocumentRecord;
    const cases = readdirSync(root).sort();
    expect(cases.length).toBeGreaterThan(30);
    for (const name of cases) {
      const read = (file: string) => parseClauses(readFileSync(join(root, name, file), 'utf8'), { file }).clauses;
      const before = read('old.md');
      const after = read('new.md');
      const from = { ...(document.versions[0] as VersionRecord), clauses: before };
      const to = { ...(document.versions.at(-1) as VersionRecord), clauses: after };
      const docx = await compareDocx({ document, from, to, rows: alignClauses(before, after) });
      expect(reviewedText(docx, 'accept').paragraphs.slice(2), `${name}: accept`).toEqual(prose(after));
      expect(reviewedText(docx, 'reject').paragraphs.slice(2), `${name}: reject`).toEqual(prose(before));
    }
  });

  it('marks revisions with their author and date, and says what was renumbered in a comment', async () => {
    const p = pair(shipped, 'tmad', '5.0', '6.0');
    const { rows, docx } = await redline(p);
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(new RegExp(`<w:ins w:id="\\d+" w:author="${REVISION_AUTHOR}" w:date="2020-07-24T00:00:00Z">`));
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="SEC versions" w:date="2020-07-24T00:00:00Z">/);
    const renumbered = rows.filter((r) => r.kind === 'renumbered');
    expect(renumbered.length).toBeGreaterThan(0);
    const comments = docxPart(docx, 'word/comments.xml');
    const first = renumbered[0];
    expect(comments).toContain(`Renumbered from ${first?.old?.number}`);
  });

  it('keeps unchanged clauses as plain text and writes the same bytes every time', async () => {
    const site = sampleSite();
    const p = pair(site, 'td', '1.0', '2.0');
    const a = await redline(p);
    const b = await redline(p);
    expect(Buffer.from(a.docx).equals(Buffer.from(b.docx))).toBe(true);
    const xml = docxPart(a.docx, 'word/document.xml');
    expect(xml).not.toContain('<w:ins w:id="0"');
    const unchanged = a.rows.find((r) => r.kind === 'unchanged' && !r.consequential && r.new?.kind !== 'table' && r.new?.kind !== 'row');
    expect(unchanged).toBeDefined();
    expect(reviewedText(a.docx, 'accept').paragraphs).toContain(labelled(unchanged?.new as Clause));
  });
});
