import { expect, test } from '@playwright/test';
import { toHtml } from 'hast-util-to-html';
import { alignClauses } from '#compare/align-clauses.ts';
import { asOfDate, contentRoot } from '#content/environment.ts';
import { loadSite } from '#content/load-site.ts';
import { renderCompare } from '#render/render-compare.ts';
import { readContent } from '../../scripts/lib/read-content.ts';

/** What a comparison shows, row by row: kind, both slugs, and every marked word (run in the page, on any HTML). */
function rowsOf(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.querySelectorAll<HTMLElement>('.cmp-row')].map((row) => ({
    change: row.dataset.change ?? '',
    from: row.dataset.from ?? '',
    to: row.dataset.to ?? '',
    ins: [...row.querySelectorAll('ins')].map((n) => n.textContent ?? ''),
    del: [...row.querySelectorAll('del')].map((n) => n.textContent ?? ''),
  }));
}

test('a comparison that is not pre-built is computed in the browser with the same changes the build renders', async ({ page }) => {
  const { sources } = await readContent(contentRoot());
  const site = loadSite(sources, process.env.SEC_AS_OF ?? asOfDate()).site;
  const s1sr = site?.documents.find((d) => d.id === 's1sr');
  const from = s1sr?.versions.find((v) => v.version === '3.0');
  const to = s1sr?.versions.find((v) => v.version === '4.0-aclara-draft');
  if (!from || !to) throw new Error('shipped content changed: S1SR v3.0 and the Aclara draft are expected');
  const expectedHtml = toHtml(renderCompare(alignClauses(from.clauses, to.clauses), { from: 'v3.0', to: 'v4.0-aclara-draft', clauses: { old: from.clauses, new: to.clauses } }));

  await page.goto('/s1sr/compare/v3.0...v4.0-aclara-draft/');
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Comparison computed in your browser' })).toBeHidden();
  const shown = await page.locator('.compare').evaluate((element) => element.outerHTML);
  const actual = await page.evaluate(rowsOf, shown);
  const expected = await page.evaluate(rowsOf, expectedHtml);
  expect(actual).toEqual(expected);
  expect(expected.some((row) => row.change === 'modified' && row.ins.length > 0)).toBe(true);

  // The benchmark reads these: the whole time, and its worker and page parts.
  const [render, compute, insert] = await page.evaluate(() =>
    ['compare-render', 'compare-compute', 'compare-insert'].map((name) => performance.getEntriesByName(name)[0]?.duration ?? null),
  );
  expect(typeof render).toBe('number');
  expect(compute).not.toBeNull();
  expect(insert).not.toBeNull();
  expect((compute as number) + (insert as number)).toBeCloseTo(render as number, 0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page explains and links to the nearest pre-built comparisons', async ({ page }) => {
    await page.goto('/s1sr/compare/v3.0...v4.0-aclara-draft/');
    const note = page.getByRole('note', { name: 'Comparison computed in your browser' });
    await expect(note).toContainText('needs JavaScript');
    await note.getByRole('link', { name: 'v3.0 → v4.0-secure-draft' }).click();
    await expect(page).toHaveURL('/s1sr/compare/v3.0...v4.0-secure-draft/');
    await expect(page.getByRole('navigation', { name: 'Summary of changes' })).toBeVisible();
  });
});
