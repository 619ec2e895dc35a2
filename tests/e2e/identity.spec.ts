import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('clause identity across versions', () => {
  test('a renumbered clause shows as renumbered with its old number, not as a deletion and an insertion', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const row = page.getByRole('group', { name: 'Clause 5.5: renumbered from 5.4' });
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-change', 'renumbered');
    await expect(row).toHaveAttribute('data-from', '5.4');
    await expect(row.locator('.cmp-old .cmp-label')).toHaveText('5.4');
    await expect(row.locator('.cmp-new .cmp-label')).toHaveText('5.5');
    await expect(row.getByText('renumbered from 5.4')).toBeVisible();
    await expect(page.locator('[data-change="deleted"][data-from="5.4"]')).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Clause 5.4: inserted' })).toBeVisible();

    const summary = page.getByRole('navigation', { name: 'Summary of changes' });
    await expect(summary.getByRole('link', { name: '5.4 → 5.5' })).toBeVisible();
    await expect(page.locator('[data-change="renumbered"]')).toHaveCount(6);
  });

  test('a cross-reference that only follows its renumbered target is consequential, and can be hidden', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const row = page.getByRole('group', { name: 'Clause 6.5: consequential changes only' });
    await expect(row).toHaveAttribute('data-change', 'unchanged');
    await expect(row.locator('.cmp-old del.consequential')).toHaveText('5.7');
    await expect(row.locator('.cmp-new ins.consequential')).toHaveText('5.8');
    const renumbered = page.getByRole('group', { name: 'Clause 5.6: renumbered from 5.5 with consequential changes' });
    await expect(renumbered.locator('.cmp-new ins.consequential')).toHaveText('5.5');

    await page.getByRole('checkbox', { name: 'Hide cross-references that only follow a renumbered clause' }).check();
    await expect(row.locator('.cmp-old del.consequential')).toBeHidden();
    await expect(row.locator('.cmp-new ins.consequential')).toHaveCSS('text-decoration-line', 'none');
  });

  test('the history page of a clause lists every version it is in, reached from the version page', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await page.getByRole('link', { name: 'History of clause 5.5', exact: true }).click();
    await expect(page).toHaveURL('/tmad/clauses/5.4/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('TMAD clause 5.5: history');

    const versions = page.getByRole('table', { name: 'Versions of this clause' });
    const rows = versions.getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('v5.0');
    await expect(rows.nth(1).getByRole('link', { name: '5.4', exact: true })).toHaveAttribute('href', '/tmad/v5.0/#5.4');
    await expect(rows.nth(2)).toContainText('v6.0-draft');
    await expect(rows.nth(2)).toContainText('not law: consultation draft');
    await expect(rows.nth(3)).toContainText('renumbered from 5.4');
    await expect(rows.nth(3).getByRole('link', { name: 'Direction to designate updated versions of the TMAD and the S1SR' })).toBeVisible();
    for (const version of ['v5.0', 'v6.0-draft', 'v6.0']) {
      await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${version.replace('.', '\\.')}: clause`) })).toBeVisible();
    }
  });

  test('a clause changed after consultation shows the change since the draft on its history page', async ({ page }) => {
    await page.goto('/tmad/clauses/8.6/');
    const final = page.getByRole('region', { name: 'v6.0: clause 8.6' });
    await expect(final.locator('.history-diff del')).toHaveText('48');
    await expect(final.locator('.history-diff ins')).toHaveText('336');
  });
});

test.describe('change navigation', () => {
  test('next and previous change by keyboard', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const nav = page.getByRole('navigation', { name: 'Change navigation' });
    await expect(nav.getByRole('status')).toHaveText('13 changes');
    await page.keyboard.press('n');
    await expect(page).toHaveURL(/#c-1\.3-f$/);
    await expect(nav.getByRole('status')).toHaveText('Change 1 of 13');
    await page.keyboard.press('n');
    await expect(page).toHaveURL(/#c-del-3\.9$/);
    await expect(page.getByRole('group', { name: 'Clause 3.9: deleted' })).toBeInViewport();
    await page.keyboard.press('j');
    await expect(page).toHaveURL(/#c-4\.10$/);
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/#c-del-3\.9$/);
    await expect(nav.getByRole('status')).toHaveText('Change 2 of 13');

    await nav.getByRole('link', { name: 'Next change' }).click();
    await expect(page).toHaveURL(/#c-4\.10$/);

    await nav.getByRole('checkbox', { name: /Keys/ }).uncheck();
    await page.keyboard.press('n');
    await expect(page).toHaveURL(/#c-4\.10$/);
  });

  test('changes only, with or without clauses around them', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const fold = page.getByText(/^\d+ unchanged: 1 to 1\.3\(b\)$/);
    const next = page.getByRole('group', { name: 'Clause 1.3(e): unchanged' });
    const second = page.getByRole('group', { name: 'Clause 1.3(d): unchanged' });
    const change = page.getByRole('group', { name: 'Clause 1.3(f): modified' });
    await expect(fold).toBeVisible();
    await expect(second).toBeVisible();

    await page.getByRole('radio', { name: 'Changes only' }).check();
    await expect(change).toBeVisible();
    await expect(next).toBeHidden();
    await expect(fold).toBeHidden();

    await page.getByRole('radio', { name: 'Changes and 1 clause around' }).check();
    await expect(next).toBeVisible();
    await expect(second).toBeHidden();

    await page.getByRole('radio', { name: 'Changes and 3 clauses around' }).check();
    await expect(second).toBeVisible();
    await expect(fold).toBeHidden();

    await page.getByRole('radio', { name: 'All clauses' }).check();
    await expect(fold).toBeVisible();
  });

  // Every comparison and version is scanned by accessibility.spec.ts; it samples histories.
  for (const url of ['/tmad/clauses/5.4/']) {
    test(`${url} passes an accessibility scan`, async ({ page }) => {
      // A scan of a long page takes a while on a busy machine: this bounds the wait, it times nothing.
      test.setTimeout(120_000);
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});

test.describe('change navigation without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each change links to the next one', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await page.getByRole('navigation', { name: 'Change navigation' }).getByRole('link', { name: 'Next change' }).click();
    await expect(page).toHaveURL(/#c-1\.3-f$/);
    await page.getByRole('group', { name: 'Clause 1.3(f): modified' }).getByRole('link', { name: 'Next change' }).click();
    await expect(page).toHaveURL(/#c-del-3\.9$/);
    await page.getByRole('group', { name: 'Clause 3.9: deleted' }).getByRole('link', { name: 'Previous change' }).click();
    await expect(page).toHaveURL(/#c-1\.3-f$/);
  });
});
