import { expect, test } from '@playwright/test';

/**
 * Reading TMAD v6.0 the way a lawyer does: clause 4.10's "Clause 8.6" and clause 8.7's "UTRN
 * Cutover Period" are links that land on their targets, each with a preview (CSS only) that
 * shows while the link has the focus; the glossary lists the terms; and on a phone nothing
 * runs off the side of the screen, preview open or not.
 */
test.describe('cross-references and defined terms on TMAD v6.0', () => {
  test('follow a reference and a term, see their previews on focus, read the glossary', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    const reference = page.locator('[id="4.10"]').getByRole('link', { name: 'Clause 8.6' });
    const preview = page.locator(`[id="${await reference.getAttribute('aria-describedby')}"]`);
    await expect(preview).toBeHidden();
    await reference.focus();
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('8.6 For a period of 336 hours');
    await expect(reference).toHaveAccessibleDescription(/^8\.6 For a period of 336 hours/);
    await reference.press('Enter');
    await expect(page).toHaveURL(/\/tmad\/v6\.0\/#8\.6$/);
    await expect(page.locator('[id="8.6"]')).toBeInViewport();

    const term = page.locator('[id="8.7"]').getByRole('link', { name: 'UTRN Cutover Period' });
    await term.focus();
    await expect(term).toHaveAccessibleDescription(/UTRN Cutover Period.*8\.6/);
    await expect(page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`)).toBeVisible();
    await term.click();
    await expect(page).toHaveURL(/#8\.6$/);

    const glossary = page.getByRole('region', { name: 'Glossary' });
    await expect(glossary.getByRole('link', { name: 'UTRN Cutover Period' })).toHaveAttribute('href', '#8.6');
    await expect(glossary.getByRole('link', { name: /^(new in|definition changed in) v6\.0$/ }).first()).toHaveAttribute('href', /^\/tmad\/compare\/v5\.0\.\.\.v6\.0\/#c-/);
  });

  test('no sideways overflow on a 390 px phone, with a preview open', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tmad/v6.0/');
    const term = page.locator('[id="8.7"]').getByRole('link', { name: 'UTRN Cutover Period' });
    await term.focus();
    const preview = page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
    await expect(preview).toBeVisible();
    const box = await preview.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
