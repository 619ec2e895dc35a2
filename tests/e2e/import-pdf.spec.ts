import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { measureFidelity, type Fidelity } from '#import/measure-fidelity.ts';
import { pdfToMdast } from '#import/pdf/pdf-to-mdast.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';

/**
 * PDF round trip: our own version pages printed by Chromium (print stylesheet, A4, with a
 * running classification mark and "Page N of M" footer, as official PDFs have; the site's own
 * amendment notes and glossary left out, as official PDFs have none), imported back, and
 * compared clause by clause with the Markdown they were built from.
 */
const VERSIONS = ['tmad/v5.0', 'tmad/v6.0-draft', 'tmad/v6.0', 's1sr/v3.0', 's1sr/v4.0-secure-draft', 's1sr/v4.0-aclara-draft', 's1sr/v4.0'];

async function print(page: Page, path: string): Promise<Uint8Array> {
  await page.goto(path);
  // Official PDFs carry the text alone: the site's own print adds each clause's amendment notes
  // (their last line, what became of the clause, is its fate notice) and the glossary, which are
  // the reader's, not the document's, so they are taken out first.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('.clause-notes, .clause-fate, .glossary')) element.remove();
  });
  await page.emulateMedia({ media: 'print' });
  return new Uint8Array(
    await page.pdf({
      format: 'A4',
      margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">OFFICIAL</div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    }),
  );
}

test.describe('importing PDFs printed from the site', () => {
  test('clause numbers and texts come back at least 95% exact', async ({ page }) => {
    test.setTimeout(180_000);
    const results: Array<{ path: string; fidelity: Fidelity }> = [];
    for (const path of VERSIONS) {
      const pdf = await print(page, `/${path}/`);
      const markdown = mdastToMarkdown((await pdfToMdast(pdf)).tree);
      const file = `content/documents/${path}.md`;
      const source = await readFile(file, 'utf8');
      const original = parseClauses(readFrontMatter(file, source).body, { file }).clauses;
      results.push({ path, fidelity: measureFidelity(original, parseClauses(markdown, { file: 'imported.md' }).clauses) });
    }
    const sum = (pick: (f: Fidelity) => number) => results.reduce((n, r) => n + pick(r.fidelity), 0);
    const numbered = sum((f) => f.numbered);
    const numbers = sum((f) => f.numbersExact);
    const clauses = sum((f) => f.clauses);
    const texts = sum((f) => f.textsExact);
    const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    console.log(
      [
        'PDF round-trip fidelity (Chromium print of the version pages):',
        ...results.map(({ path, fidelity: f }) => `  ${path}: numbers ${f.numbersExact}/${f.numbered}, texts ${f.textsExact}/${f.clauses}`),
        `  all: numbers ${numbers}/${numbered} (${percent(numbers, numbered)}), texts ${texts}/${clauses} (${percent(texts, clauses)})`,
      ].join('\n'),
    );
    expect(numbered).toBeGreaterThan(500);
    expect(numbers / numbered).toBeGreaterThanOrEqual(0.95);
    expect(texts / clauses).toBeGreaterThanOrEqual(0.95);
  });

  test('a printed comparison (a red-line) is refused', async ({ page }) => {
    const pdf = await print(page, '/tmad/compare/v5.0...v6.0/');
    await expect(pdfToMdast(pdf)).rejects.toThrow(/the PDF shows change marks \(\d+ struck-through text runs? on pages? [\d, ]+.*it is a red-line, which is not imported/);
  });

  test('a ruled table in a printed page comes back as a table', async ({ page }) => {
    await page.setContent(
      '<style>body{font:12pt sans-serif} td,th{border-bottom:1px solid #888;padding:4px 8px;text-align:left}</style>' +
        '<h2>1 Matrix</h2><p>1.1 The table lists the models.</p>' +
        '<table style="border-collapse:collapse"><thead><tr><th>Device Model</th><th>Cohort</th><th>S1SR clauses</th></tr></thead>' +
        '<tbody><tr><td>Model A</td><td>FOC</td><td>18.4, 18.10</td></tr><tr><td>Model B</td><td>MOC (Secure)</td><td>18.15</td></tr></tbody></table>' +
        '<p>1.2 After the table.</p>',
    );
    const pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
    const markdown = mdastToMarkdown((await pdfToMdast(pdf)).tree);
    expect(markdown).toContain('| Device Model | Cohort | S1SR clauses |\n| - | - | - |\n| Model A | FOC | 18.4, 18.10 |\n| Model B | MOC (Secure) | 18.15 |\n');
    expect(markdown).toMatch(/1\.1 The table lists the models\.\n\n\| Device Model[\s\S]*\n\n1\.2 After the table\.\n$/);
  });

  test('npm run import writes a printed version that passes the content check', async ({ page }) => {
    test.setTimeout(90_000);
    const work = await mkdtemp(join(tmpdir(), 'sec-import-pdf-'));
    try {
      const content = join(work, 'content');
      await cp('content', content, { recursive: true });
      const file = join(work, 'TMAD v6.0.pdf');
      await writeFile(file, await print(page, '/tmad/v6.0/'));
      await rm(join(content, 'documents', 'tmad', 'v6.0.md'));
      // Printed from our own illustrative text, so the import is illustrative too.
      const args = [file, '--document', 'tmad', '--version', '6.0', '--designated', '2020-07-24', '--effective', '2020-07-26', '--illustrative'];
      const result = spawnSync(process.execPath, ['scripts/import.ts', ...args, '--direction', '2020-07-24-smets1-tmad-s1sr', '--content', content], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('(PDF) into');
      expect(result.stdout).toMatch(/8 sections, 98 numbered clauses/);
      expect(result.stdout).toContain('running header and footer lines removed ("OFFICIAL", "Page N of N")');
      expect(result.stdout).toContain('content check: OK');
      const written = await readFile(join(content, 'documents', 'tmad', 'v6.0.md'), 'utf8');
      expect(written).toMatch(/^---\nversion: "6.0"\nstatus: designated\n[\s\S]*illustrative: true\n---\n/);
      expect(written).toContain('\n8.6 For a period of 336 hours starting at the end of the Migration Window');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
