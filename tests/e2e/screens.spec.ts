import { expect, test } from '@playwright/test';

/** The defects of issue 13 that are not only about width: one test each, as a reader meets them. */

const PHONE = { width: 390, height: 844 };

test.describe('search results', () => {
  test('each excerpt wraps to more than one line, so results can be told apart', async ({ page }) => {
    await page.goto('/search/?q=UTRN');
    // Pagefind draws placeholders first: wait for a real excerpt, with its marked words.
    await expect(page.locator('.search-hit-excerpt mark').first()).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(300);
    const excerpt = page.locator('.search-hit-excerpt').first();
    const { height, line, whiteSpace } = await excerpt.evaluate((e) => {
      const style = getComputedStyle(e);
      return { height: e.getBoundingClientRect().height, line: Number.parseFloat(style.lineHeight), whiteSpace: style.whiteSpace };
    });
    expect(whiteSpace).toBe('normal');
    expect(height).toBeGreaterThan(1.5 * line);
    expect(height).toBeLessThan(3.5 * line);
  });
});

test.describe('a table compared as one table', () => {
  test('the header once and sticky, changed cells marked inside the cell, an added row marked', async ({ page }) => {
    await page.goto('/dmves/compare/v1.0...v2.0/');
    const table = page.locator('table.cmp-matrix');
    await expect(table).toHaveCount(1);
    await expect(table.locator('thead tr')).toHaveCount(1);
    await expect(table.locator('tbody th[scope="col"]')).toHaveCount(0);
    expect(
      await table
        .locator('thead th')
        .first()
        .evaluate((e) => getComputedStyle(e).position),
    ).toBe('sticky');

    const modified = table.locator('tbody tr[data-change="modified"]').first();
    await expect(modified.locator('td')).toHaveCount(await table.locator('thead th').count());
    await expect(modified.locator('td.cell-changed ins').first()).toBeVisible();
    const added = table.locator('tbody tr[data-change="inserted"]').first();
    await expect(added.locator('.cmp-badge')).toHaveText('added');
    await expect(added.locator('ins.whole').first()).toBeVisible();
  });

  test('on a phone each changed row is a card of the changed columns, each named', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/dmves/compare/v1.0...v2.0/');
    const modified = page.locator('.cmp-matrix tbody tr[data-change="modified"]').first();
    await expect(modified).toBeVisible();
    const shown = await modified
      .locator('td')
      .evaluateAll((cells) => cells.filter((c) => getComputedStyle(c).display !== 'none').map((c) => `${getComputedStyle(c, '::before').content}|${c.className}`));
    // The row's name, then only the changed cells, each labelled with its column.
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(await modified.locator('td').count());
    expect(shown.slice(1).every((s) => s.endsWith('|cell-changed'))).toBe(true);
    expect(shown[0]).toContain('Device Model: ');
    const box = await modified.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(PHONE.width);
  });

  test('printed, no column is cut off', async ({ page }) => {
    await page.goto('/dmves/compare/v1.0...v2.0/');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 1000 });
    const { table, page: width } = await page.evaluate(() => ({
      table: document.querySelector('table.cmp-matrix')?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY,
      page: document.documentElement.clientWidth,
    }));
    expect(table).toBeLessThanOrEqual(width);
  });
});

test.describe('comparing on a phone', () => {
  test('each side is labelled, unchanged clauses start collapsed, the change list comes first', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await expect(page.getByRole('radio', { name: 'Changes only' })).toBeChecked();
    const row = page.getByRole('group', { name: 'Clause 4.10: modified' });
    await expect(row.locator('.cmp-old .cmp-side')).toBeVisible();
    await expect(row.locator('.cmp-old .cmp-side')).toHaveText('v5.0:');
    await expect(row.locator('.cmp-new .cmp-side')).toHaveText('v6.0:');
    await expect(page.locator('.cmp-row[data-distance]').first()).toBeHidden();
    const summary = await page.getByRole('navigation', { name: 'Summary of changes' }).boundingBox();
    expect(summary?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(PHONE.height);
  });

  test('on a desktop every clause shows by default', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await expect(page.getByRole('radio', { name: 'All clauses' })).toBeChecked();
  });

  test('the column headings sit flush under the change navigation, with no gap to read through', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await page.evaluate(() => window.scrollTo(0, 3000));
    const [nav, columns] = await Promise.all([page.locator('.cmp-nav').boundingBox(), page.locator('.compare > .cmp-columns').boundingBox()]);
    expect(Math.abs((columns?.y ?? 0) - ((nav?.y ?? 0) + (nav?.height ?? 0)))).toBeLessThanOrEqual(1);
  });
});

test.describe('the view of a comparison is kept', () => {
  test('in the address and across a reload', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await page.getByRole('radio', { name: 'Inline red-line' }).check();
    await page.getByRole('radio', { name: 'Changes only' }).check();
    await expect(page).toHaveURL(/\?view=inline&show=0/);
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Inline red-line' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Changes only' })).toBeChecked();
    // Opened elsewhere from the address alone (no remembered choice).
    await page.evaluate(() => window.localStorage.clear());
    await page.goto('/tmad/compare/v5.0...v6.0/?view=inline');
    await expect(page.getByRole('radio', { name: 'Inline red-line' })).toBeChecked();
  });
});

test.describe('the comparisons people need', () => {
  test('a version leads with the designated version before it, then the draft', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    const links = page.locator('.actions a[href*="/compare/"]');
    await expect(links.first()).toHaveAttribute('href', '/tmad/compare/v5.0...v6.0/');
    await expect(links.nth(1)).toHaveAttribute('href', '/tmad/compare/v6.0-draft...v6.0/');
  });

  test('a superseded version links to what replaced it', async ({ page }) => {
    await page.goto('/tmad/v5.0/');
    await expect(page.locator('.actions a[href="/tmad/compare/v5.0...v6.0/"]')).toBeVisible();
  });

  test('the timeline compares each designated version with the designated one before', async ({ page }) => {
    await page.goto('/tmad/');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^v6\.0(?!-)/ }) });
    await expect(row.getByRole('link', { name: 'with v5.0' })).toHaveAttribute('href', '/tmad/compare/v5.0...v6.0/');
  });
});

test.describe('addresses that lead somewhere', () => {
  test('latest keeps the clause in the address', async ({ page }) => {
    await page.goto('/tmad/latest/#8.6');
    await expect(page).toHaveURL('/tmad/v6.0/#8.6');
    await expect(page.locator('[id="8.6"]')).toBeInViewport();
  });

  test('a comparison asked for newest first leads to the same comparison, oldest first', async ({ page }) => {
    await page.goto('/tmad/compare/v6.0...v5.0/');
    await expect(page).toHaveURL('/tmad/compare/v5.0...v6.0/');
    await expect(page.getByRole('navigation', { name: 'Summary of changes' })).toBeVisible();
  });
});

test.describe('search state', () => {
  test('a new query typed on the search page is kept in the address, so a reload finds it again', async ({ page }) => {
    await page.goto('/search/?q=UTRN');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
    const input = page.getByRole('searchbox', { name: 'Words or clause number' });
    await input.fill('cutover');
    await expect(page).toHaveURL('/search/?q=cutover');
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Words or clause number' })).toHaveValue('cutover');
    await expect(page.locator('.search-summary')).toContainText('cutover', { timeout: 15_000 });
  });
});
