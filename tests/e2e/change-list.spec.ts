import { expect, test } from '@playwright/test';

test.describe('a change list that tells the story', () => {
  test('stepping passes over a section inserted whole, as one change with its clause count', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/#c-6.5');
    const nav = page.getByRole('navigation', { name: 'Change navigation' });
    const section = page.getByRole('group', { name: 'Section 8: whole section inserted, 14 clauses' });
    await expect(section).toBeAttached();
    await page.keyboard.press('n');
    await expect(page).toHaveURL(/#c-8$/);
    await expect(nav.getByRole('status')).toHaveText('Change 13 of 13');
    await page.keyboard.press('n');
    await expect(nav.getByRole('status')).toHaveText('No later change');
    // The clauses of the section are still shown and marked as inserted.
    await expect(page.getByRole('group', { name: 'Clause 8.6: inserted' })).toBeVisible();
  });

  test('on a phone the list is collapsed, and groups changes under their section with their first words', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const list = page.getByRole('navigation', { name: 'Changes by section' });
    await expect(list).toBeHidden();
    await page.getByText('Changes by section (13)').click();
    await expect(list).toBeVisible();
    await expect(list.getByText('4 Migration Process', { exact: true })).toBeVisible();
    const link = list.getByRole('link', { name: '4.10 modified' });
    await expect(link.locator('xpath=..')).toContainText('“Subject to Clause 8.6, following the Migration');
    await link.click();
    await expect(page).toHaveURL(/#c-4\.10$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('on a wide screen it is a panel beside the comparison that follows the reader', async ({ page }) => {
    await page.setViewportSize({ width: 1700, height: 900 });
    await page.goto('/tmad/compare/v5.0...v6.0/#c-8.6');
    const list = page.getByRole('navigation', { name: 'Changes by section' });
    await expect(list).toBeVisible();
    const panel = await list.boundingBox();
    const rows = await page.locator('.compare').boundingBox();
    expect(panel && rows && panel.x >= rows.x + rows.width).toBe(true);
    await expect(list.getByRole('link', { name: '8 inserted: whole section, 14 clauses' })).toHaveAttribute('aria-current', 'location');
    // Bring clause 4.10 to just below the top of the screen, as a reader scrolling back up would.
    await page.evaluate(() => {
      const row = document.getElementById('c-4.10');
      if (row) window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 150);
    });
    await expect(list.getByRole('link', { name: '4.10 modified' })).toHaveAttribute('aria-current', 'location');
  });

  test('a comparison marks a definition that changed', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/#c-1.3-f');
    const row = page.getByRole('group', { name: 'Clause 1.3(f): modified' });
    await expect(row).toContainText('definition of “Migration Cohort” changed in v6.0');
  });
});
