import { expect, test } from '@playwright/test';

test.describe('reading', () => {
  test('a new user reaches TMAD v6.0 from the home page and follows a clause permalink', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart Energy Code documents, every version');
    await page.getByRole('link', { name: 'SMETS1 Transition and Migration Approach Document (TMAD)' }).click();
    await expect(page).toHaveURL('/tmad/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('SMETS1 Transition and Migration Approach Document');
    await page.getByRole('link', { name: 'v6.0', exact: true }).first().click();
    await expect(page).toHaveURL('/tmad/v6.0/');
    await expect(page.getByRole('note', { name: 'Illustrative text' })).toBeVisible();

    const permalink = page.getByRole('link', { name: 'Link to clause 8.6', exact: true });
    await permalink.click();
    await expect(page).toHaveURL('/tmad/v6.0/#8.6');
    const clause = page.locator('[id="8.6"]');
    await expect(clause).toBeInViewport();
    await expect(clause).toContainText('336 hours');
  });

  test('a permalink opened directly lands on its clause', async ({ page }) => {
    await page.goto('/tmad/v6.0/#5.5');
    await expect(page.locator('[id="5.5"]')).toBeInViewport();
  });

  test('a superseded version says so and links the version in effect', async ({ page }) => {
    await page.goto('/tmad/v5.0/');
    const banner = page.getByRole('note', { name: 'Superseded version' });
    await expect(banner).toContainText('Superseded');
    await banner.getByRole('link', { name: 'v6.0' }).click();
    await expect(page).toHaveURL('/tmad/v6.0/');
  });

  test('latest leads to the version in effect', async ({ page }) => {
    await page.goto('/s1sr/latest/');
    await expect(page).toHaveURL('/s1sr/v4.0/');
  });
});

test.describe('comparing', () => {
  test('v5.0 → v6.0 marks changed words in both columns and counts the changes', async ({ page }) => {
    await page.goto('/tmad/');
    await page.getByRole('link', { name: 'v5.0 → v6.0', exact: true }).click();
    await expect(page).toHaveURL('/tmad/compare/v5.0...v6.0/');

    const summary = page.getByRole('navigation', { name: 'Summary of changes' });
    // 6.5 changed only because Clause 5.7 became 5.8: a consequential change, not a modification.
    await expect(summary.locator('[data-count="modified"]')).toHaveText('2');
    await expect(summary.locator('[data-count="consequential"]')).toHaveText('1');
    await expect(summary.locator('[data-count="renumbered"]')).toHaveText('6');

    // "Following" became "following": a case-only change, marked on the letter that changed.
    const row = page.getByRole('group', { name: 'Clause 4.10: modified' });
    await expect(row.locator('.cmp-old del')).toHaveText('F');
    await expect(row.locator('.cmp-old del')).toHaveClass('case');
    await expect(row.locator('.cmp-new ins')).toHaveText(['Subject to Clause 8.6, ', 'f']);

    const renumbered = page.locator('[data-change="renumbered"][data-from="5.4"][data-to="5.5"]');
    await expect(renumbered).toContainText('renumbered from 5.4');
  });

  test('the summary links to each change', async ({ page }) => {
    await page.goto('/tmad/compare/v6.0-draft...v6.0/');
    await page.getByRole('navigation', { name: 'Summary of changes' }).getByRole('link', { name: '8.6', exact: true }).click();
    await expect(page).toHaveURL(/#c-8\.6$/);
    const row = page.getByRole('group', { name: 'Clause 8.6: modified' });
    await expect(row).toBeInViewport();
    await expect(row.locator('.cmp-old del')).toHaveText('48');
    await expect(row.locator('.cmp-new ins')).toHaveText('336');
  });

  test('the inline red-line shows one column with both marks', async ({ page }) => {
    await page.goto('/tmad/compare/v6.0-draft...v6.0/');
    const row = page.getByRole('group', { name: 'Clause 8.6: modified' });
    await expect(row.locator('.cmp-new del')).toBeHidden();
    await page.getByRole('radio', { name: 'Inline red-line' }).check();
    await expect(row.locator('.cmp-old')).toBeHidden();
    await expect(row.locator('.cmp-new del')).toBeVisible();
    await expect(row.locator('.cmp-new ins')).toBeVisible();
  });
});

test.describe('directions', () => {
  test('from the letter, reach both designated versions and the red-line', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Direction to designate updated versions of the TMAD and the S1SR' }).click();
    await expect(page).toHaveURL('/directions/2020-07-24-smets1-tmad-s1sr/');
    const designations = page.getByRole('table').first();
    await expect(designations).toContainText('26 July 2020');

    await designations.getByRole('link', { name: 'v6.0', exact: true }).click();
    await expect(page).toHaveURL('/tmad/v6.0/');
    await page.goBack();
    await designations.getByRole('link', { name: 'v4.0', exact: true }).click();
    await expect(page).toHaveURL('/s1sr/v4.0/');
    await page.goBack();
    await designations.getByRole('link', { name: 'v5.0 → v6.0' }).click();
    await expect(page).toHaveURL('/tmad/compare/v5.0...v6.0/');
  });
});

test.describe('search', () => {
  test('searching UTRN lands on a TMAD clause', async ({ page }) => {
    await page.goto('/');
    const form = page.getByRole('search').first();
    await form.getByRole('searchbox').fill('UTRN');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL('/search/?q=UTRN');
    const result = page
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: /^TMAD v6\.0 — clause/ })
      .first();
    await expect(result).toBeVisible({ timeout: 10_000 });
    const href = await result.getAttribute('href');
    expect(href).toMatch(/^\/tmad\/v6\.0\/#[\d.a-z-]+$/);
    await result.click();
    const slug = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${slug}"]`)).toContainText('UTRN');
  });

  test('searches the versions in effect, and widens to every version with the same query', async ({ page }) => {
    await page.goto('/search/?q=UTRN');
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await expect(results.first()).toBeVisible({ timeout: 10_000 });
    const inEffect = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(inEffect.length).toBeGreaterThan(0);
    for (const href of inEffect) expect(href).toMatch(/^\/(tmad\/v6\.0|s1sr\/v4\.0|dmves\/v2\.0)\/#/);

    await page.getByRole('link', { name: 'search all versions' }).click();
    await expect(page).toHaveURL('/search/all/?q=UTRN');
    await expect(page.getByRole('heading', { level: 1, name: 'Search all versions' })).toBeVisible();
    // The consultation draft of TMAD v6.0 has its own wording of the UTRN clauses: listed under the clause.
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'v6.0-draft', exact: true }).first()).toBeVisible({ timeout: 10_000 });

    // A status named in the address narrows the search of all versions; an address from before
    // that search had its own page leads there.
    await page.goto('/search/?q=UTRN&status=Superseded');
    await expect(page).toHaveURL('/search/all/?q=UTRN&status=Superseded');
    const superseded = page
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: /^TMAD v5\.0 — clause/ })
      .first();
    await expect(superseded).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: /v6\.0-draft/ })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reading, comparing and permalinks still work', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await page.getByRole('link', { name: 'Link to clause 4.10', exact: true }).click();
    await expect(page).toHaveURL('/tmad/v6.0/#4.10');
    await page.getByRole('link', { name: 'Compare with the consultation draft v6.0-draft' }).click();
    await expect(page).toHaveURL('/tmad/compare/v6.0-draft...v6.0/');
    await expect(page.locator('[data-change="modified"][data-to="8.6"] ins')).toHaveText('336');
  });
});
