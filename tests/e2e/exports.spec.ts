import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { contentRoot } from '#content/environment.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { docxPart } from '../support/read-docx-revisions.ts';
import { aknSchemaPath, validateXml } from '../support/validate-xml-schema.ts';

const dist = process.env.SEC_OUT_DIR ?? 'dist';

/** Checks that bytes are a Word package with tracked changes in its body. */
function expectTrackedChanges(bytes: Uint8Array): void {
  const parts = Object.keys(unzipSync(bytes));
  expect(parts).toContain('word/document.xml');
  const xml = docxPart(bytes, 'word/document.xml');
  expect(xml).toMatch(/<w:ins w:id="\d+" w:author="SEC versions"/);
  expect(xml).toMatch(/<w:del w:id="\d+" w:author="SEC versions"/);
}

test.describe('Take it with you', () => {
  test('"Download as Word" on a pre-built comparison gives a .docx with tracked changes', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download as Word (tracked changes)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('v5.0...v6.0.docx');
    expectTrackedChanges(new Uint8Array(readFileSync(await download.path())));
  });

  test('"Download as Word" on a comparison computed in the browser builds the .docx in the page', async ({ page }) => {
    await page.goto('/s1sr/compare/v3.0...v4.0-aclara-draft/');
    const button = page.getByRole('button', { name: 'Download as Word (tracked changes)' });
    await expect(button).toBeVisible();
    const downloading = page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('s1sr-compare-v3.0...v4.0-aclara-draft.docx');
    expectTrackedChanges(new Uint8Array(readFileSync(await download.path())));
  });

  test('a version page offers its Word file and Akoma Ntoso, and describes itself as schema.org Legislation', async ({ page, request }) => {
    await page.goto('/tmad/v6.0/');
    const word = await request.get((await page.getByRole('link', { name: 'Word (.docx)' }).getAttribute('href')) ?? '');
    expect(word.ok()).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(await word.body())))).toContain('word/numbering.xml');
    const akn = await request.get((await page.getByRole('link', { name: 'Akoma Ntoso (XML)' }).getAttribute('href')) ?? '');
    expect(await akn.text()).toContain('<FRBRthis value="/akn/gb/doc/sec-appendix-al/');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'Legislation', legislationIdentifier: 'SEC Appendix AL v6.0', legislationLegalForce: 'https://schema.org/InForce' });
    await expect(page.locator('link[rel="cite-as"]')).toHaveAttribute('href', /\/tmad\/v6\.0\/$/);
  });

  test('every Akoma Ntoso file the build wrote validates against the schema', () => {
    const files = new Map<string, string>();
    for (const doc of readdirSync(join(dist, 'api'), { withFileTypes: true })) {
      if (!doc.isDirectory() || doc.name === 'schemas') continue;
      for (const name of readdirSync(join(dist, 'api', doc.name))) {
        if (name.endsWith('.akn.xml')) files.set(`${doc.name}/${name}`, readFileSync(join(dist, 'api', doc.name, name), 'utf8'));
      }
    }
    expect(files.size).toBeGreaterThanOrEqual(9);
    expect(validateXml(files, aknSchemaPath())).toEqual(new Map());
  });

  test('/tmad/v6.0.docx through `npm run import` gives back the same clauses', async ({ request }) => {
    const response = await request.get('/tmad/v6.0.docx');
    expect(response.ok()).toBe(true);
    const work = mkdtempSync(join(tmpdir(), 'docx-round-trip-'));
    try {
      const content = join(work, 'content');
      cpSync(contentRoot(), content, { recursive: true });
      const file = join(work, 'tmad-v6.0.docx');
      writeFileSync(file, await response.body());
      const run = spawnSync(
        'npm',
        [
          'run',
          '--silent',
          'import',
          '--',
          file,
          '--document',
          'tmad',
          '--version',
          '6.0',
          '--designated',
          '2020-07-24',
          '--effective',
          '2020-07-26',
          '--direction',
          '2020-07-24-smets1-tmad-s1sr',
          '--illustrative',
          '--content',
          content,
          '--force',
        ],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr + run.stdout).toBe(0);
      const read = (path: string) => parseClauses(readFrontMatter(path, readFileSync(path, 'utf8')).body, { file: path }).clauses.map((c) => [c.kind, c.number, c.text]);
      const original = read(join(contentRoot(), 'documents/tmad/v6.0.md'));
      expect(original.length).toBeGreaterThan(50);
      expect(read(join(content, 'documents/tmad/v6.0.md'))).toEqual(original);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
