import { expect, test } from '@playwright/test';

/** The search of all versions: clause words only, and one result per clause (issue 13, items 2 and 5). */

const results = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Search results' });

test('one clause in several versions is one result, listing its versions and the words that differ', async ({ page }) => {
  await page.goto('/search/all/?q=UTRN%20Cutover%20Period');
  const clause = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'TMAD v6.0 — clause 8.6', exact: true }) });
  await expect(clause).toHaveCount(1, { timeout: 15_000 });
  // The definition comes first.
  await expect(results(page).getByRole('heading').first()).toHaveText('TMAD v6.0 — clause 8.6');
  await expect(clause.getByRole('link', { name: 'v6.0-draft', exact: true })).toHaveAttribute('href', '/tmad/v6.0-draft/#8.6');
  await expect(clause.locator('del')).toHaveText('48');
  await expect(clause.locator('ins')).toHaveText('336');
  // No second result for the same clause: the draft's text is not a look-alike result of its own.
  await expect(results(page).getByRole('link', { name: /^TMAD v6\.0-draft — clause 8\.6$/ })).toHaveCount(0);
});

test('"draft" finds the clauses that say it, not every clause of a draft version', async ({ page }) => {
  await page.goto('/search/all/?q=draft');
  await expect(page.locator('.search-summary')).toContainText(/match/, { timeout: 15_000 });
  const hits = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  const count = await hits.count();
  expect(count).toBeLessThan(20);
  for (const excerpt of await page.locator('.search-hit-excerpt').all()) await expect(excerpt.locator('mark').first()).toBeVisible();
});

test('a clause number finds that clause first, and does not stand for the number in words', async ({ page }) => {
  await page.goto('/search/all/?q=4.8');
  await expect(results(page).getByRole('heading').first()).toContainText('TMAD v6.0 — clause 4.8', { timeout: 15_000 });
  // "4.8" was indexed as "48": "48 hours" led to clause 4.8 ("within 24 hours"). It leads to the clause that says 48 hours.
  await page.getByRole('searchbox', { name: 'Words or clause number' }).fill('48 hours');
  await expect(page).toHaveURL('/search/all/?q=48+hours');
  // Only the draft's text of 8.6 says 48 hours (v6.0 says 336): that text leads its clause's result.
  await expect(results(page).getByRole('heading').first()).toHaveText('TMAD v6.0-draft — clause 8.6');
  await expect(results(page).getByRole('link', { name: 'TMAD v6.0 — clause 4.8', exact: true })).toHaveCount(0);
});
