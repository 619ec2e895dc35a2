import { expect, test } from '@playwright/test';

test.describe('amendment notes', () => {
  test('TMAD v6.0 clause 8.6 says, on demand, that the direction of 24 July 2020 inserted it', async ({ page }) => {
    await page.goto('/tmad/v6.0/#8.6');
    const clause = page.locator('[id="8.6"]');
    const toggle = clause.getByText('changes', { exact: false }).first();
    const note = clause.locator('.clause-notes-body');
    await expect(note).toBeHidden();
    await clause.locator('.clause-notes > summary').focus();
    await page.keyboard.press('Enter');
    await expect(note).toBeVisible();
    await expect(note).toContainText('Inserted by the direction of 24 July 2020, in effect 26 July 2020 (v6.0).');
    await expect(toggle).toBeVisible();
    await note.getByRole('link', { name: 'See the red-line against v5.0' }).click();
    await expect(page).toHaveURL('/tmad/compare/v5.0...v6.0/#c-8.6');
    await expect(page.locator('[id="c-8.6"]')).toBeInViewport();
  });

  test('an open note stays on a phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tmad/v6.0/#4.10');
    await page.locator('[id="4.10"] .clause-notes > summary').click();
    const box = await page.locator('[id="4.10"] .clause-notes-body').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('an old link to a clause deleted in v6.0 says so on arrival, and links the red-line', async ({ page }) => {
    await page.goto('/tmad/v5.0/#3.9');
    const notice = page.locator('[id="3.9"]').getByRole('note');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Later deleted by the direction of 24 July 2020');
    await expect(notice.getByRole('link', { name: 'See the red-line against v5.0' })).toHaveAttribute('href', '/tmad/compare/v5.0...v6.0/#c-del-3.9');
    // Only the clause the link lands on shows it.
    await expect(page.locator('[id="5.4"] .clause-fate')).toBeHidden();
  });

  test('the notes of a superseded clause end with what became of it, written once on the page', async ({ page }) => {
    await page.goto('/tmad/v5.0/');
    const clause = page.locator('[id="3.9"]');
    const fate = clause.getByRole('note');
    await expect(fate).toBeHidden();
    await clause.locator('.clause-notes > summary').click();
    await expect(clause.locator('.clause-notes-body')).toContainText('As first published on this site, in v5.0.');
    await expect(fate).toBeVisible();
    await expect(fate).toContainText('Later deleted by the direction of 24 July 2020');
    await expect(clause.getByText('Later deleted by the direction of 24 July 2020')).toHaveCount(1);
  });

  test('an old link to a renumbered clause leads to its new number', async ({ page }) => {
    await page.goto('/tmad/v5.0/#5.4');
    const notice = page.locator('[id="5.4"]').getByRole('note');
    await expect(notice).toContainText('renumbered to 5.5');
    await notice.getByRole('link', { name: 'clause 5.5 of v6.0' }).click();
    await expect(page).toHaveURL('/tmad/v6.0/#5.5');
  });

  test('print shows every note in full, without the control', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await page.emulateMedia({ media: 'print' });
    const clause = page.locator('[id="8.6"]');
    await expect(clause.locator('.clause-notes-body')).toBeVisible();
    await expect(clause.locator('.clause-notes > summary')).toBeHidden();
    await expect(clause.locator('.permalink')).toBeHidden();
  });
});
