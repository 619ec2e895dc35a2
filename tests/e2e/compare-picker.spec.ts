import { expect, test } from '@playwright/test';

test.describe('compare what you choose', () => {
  test('two dates lead to the comparison of the versions in effect on them', async ({ page }) => {
    await page.goto('/tmad/');
    const dates = page.getByRole('group', { name: 'Or compare the versions in effect on two dates' });
    await dates.getByLabel('On').fill('2020-07-01');
    await dates.getByLabel('and').fill('2020-07-27');
    await dates.getByRole('button', { name: 'Compare dates' }).click();
    await expect(page).toHaveURL('/tmad/compare/v5.0...v6.0/');
  });

  test('two versions picked newest first lead to the comparison in order', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await page.getByText('Compare other versions or dates').click();
    const versions = page.getByRole('group', { name: 'Compare two versions' });
    await expect(versions.getByLabel('From')).toHaveValue('5.0');
    await versions.getByLabel('From').selectOption('6.0');
    await versions.getByLabel('to').selectOption('6.0-draft');
    await versions.getByRole('button', { name: 'Compare versions' }).click();
    await expect(page).toHaveURL('/tmad/compare/v6.0-draft...v6.0/');
  });

  test('says so when one version was in effect on both dates, or none was', async ({ page }) => {
    await page.goto('/tmad/');
    const dates = page.getByRole('group', { name: 'Or compare the versions in effect on two dates' });
    const answer = page.getByRole('status').filter({ hasText: /./ });
    await dates.getByLabel('On').fill('2020-07-01');
    await dates.getByLabel('and').fill('2020-07-02');
    await dates.getByRole('button', { name: 'Compare dates' }).click();
    await expect(answer).toHaveText('TMAD v5.0 was in effect on both 1 July 2020 and 2 July 2020: nothing changed between them.');
    await dates.getByLabel('On').fill('2019-01-01');
    await dates.getByRole('button', { name: 'Compare dates' }).click();
    await expect(answer).toContainText('No version of TMAD on this site was in legal effect on 1 January 2019');
    await expect(page).toHaveURL('/tmad/');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the form leads to the list of every comparison, which holds the match', async ({ page }) => {
      await page.goto('/tmad/');
      const dates = page.getByRole('group', { name: 'Or compare the versions in effect on two dates' });
      await dates.getByLabel('On').fill('2020-07-01');
      await dates.getByLabel('and').fill('2020-07-27');
      await dates.getByRole('button', { name: 'Compare dates' }).click();
      await expect(page).toHaveURL('/tmad/?on=2020-07-01&and=2020-07-27#compare');
      await expect(page.getByRole('link', { name: 'v5.0 → v6.0', exact: true })).toBeVisible();
    });
  });

  test('the answer page names the match when the script runs', async ({ page }) => {
    await page.goto('/tmad/?on=2020-07-01&and=2020-07-27#compare');
    await expect(page.getByRole('status').getByRole('link', { name: 'TMAD v5.0 compared with v6.0' })).toHaveAttribute('href', '/tmad/compare/v5.0...v6.0/');
    await expect(page.getByRole('link', { name: 'v5.0 → v6.0', exact: true })).toHaveAttribute('aria-current', 'true');
  });

  test('the picker fits a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tmad/#compare');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
