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

test('the filters, drawn from the page without asking Pagefind for them, narrow the results by document, version and status', async ({ page }) => {
  const filterRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/filter\//.test(new URL(request.url()).pathname)) filterRequests.push(request.url());
  });
  await page.goto('/search/all/?q=meter');
  const summary = page.locator('.search-summary');
  await expect(summary).toContainText(/match/, { timeout: 15_000 });
  // An unnarrowed search loads no filter at all: Pagefind counts every loaded filter against every query's results.
  expect(filterRequests).toEqual([]);
  const titles = () => results(page).getByRole('heading').allTextContents();
  const documents = async () => new Set((await titles()).map((title) => title.split(' ')[0]));
  expect((await documents()).size).toBeGreaterThan(1);

  await page.getByRole('checkbox', { name: 'S1SR (Appendix AM)' }).check();
  await expect.poll(documents).toEqual(new Set(['S1SR']));
  expect(filterRequests.length).toBeGreaterThan(0);

  await page.getByRole('checkbox', { name: 'S1SR (Appendix AM)' }).uncheck();
  await page.getByRole('checkbox', { name: 'TMAD v5.0' }).check();
  await expect.poll(documents).toEqual(new Set(['TMAD']));
  const hits = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  for (const hit of await hits.all()) expect(await hit.getByRole('link', { name: 'v5.0', exact: true }).count()).toBeGreaterThan(0);

  await page.getByRole('checkbox', { name: 'TMAD v5.0' }).uncheck();
  await page.getByRole('checkbox', { name: 'Consultation draft' }).check();
  // Each result is a clause with a text in a consultation draft.
  await expect.poll(async () => (await documents()).size).toBeGreaterThan(0);
  await expect(page.getByRole('checkbox', { name: 'Consultation draft' })).toBeChecked();
  await expect
    .poll(async () => {
      const counts = await Promise.all((await hits.all()).map((hit) => hit.getByRole('link', { name: /-draft$/ }).count()));
      return counts.length > 0 && counts.every((count) => count > 0);
    })
    .toBe(true);
});

test('the search of the versions in effect, indexed section by section, shows each clause found as a result of its own, leading to it', async ({ page }) => {
  const fragments: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.pf_fragment')) fragments.push(request.url());
  });
  await page.goto('/search/?q=migration');
  await expect(page.locator('.search-summary')).toContainText(/match/, { timeout: 15_000 });
  const links = results(page).getByRole('heading').getByRole('link');
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  // One result per clause, each at its own address in its version, though a page of Pagefind's holds a section.
  expect(hrefs.length).toBeGreaterThan(fragments.length);
  expect(new Set(hrefs).size).toBe(hrefs.length);
  for (const href of hrefs) expect(href).toMatch(/^\/[a-z0-9]+\/v[^/]+\/#.+/);
  for (const excerpt of await page.locator('.search-hit-excerpt').all()) await expect(excerpt.locator('mark').first()).toHaveText(/migrat/i);

  await page.getByRole('searchbox', { name: 'Words or clause number' }).fill('UTRN Cutover Period');
  await expect(results(page).getByRole('heading').first()).toHaveText('TMAD v6.0 — clause 8.6');
  await expect(results(page).getByRole('link', { name: 'TMAD v6.0 — clause 8.6', exact: true })).toHaveAttribute('href', '/tmad/v6.0/#8.6');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("each search page preloads its own bundle's Pagefind script, which is then fetched once", async ({ page }) => {
  for (const path of ['/search/?q=migration', '/search/all/?q=migration']) {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/pagefind.js')) scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(path);
    await expect(page.locator('.search-summary')).toContainText(/match/, { timeout: 15_000 });
    const bundle = await page.locator('.search-app').getAttribute('data-bundle');
    await expect(page.locator('link[rel="modulepreload"]')).toHaveAttribute('href', `${bundle}pagefind.js`);
    expect(scripts).toEqual([`${bundle}pagefind.js`]);
    page.removeAllListeners('request');
  }
});
