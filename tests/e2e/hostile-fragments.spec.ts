import { expect, test } from '@playwright/test';

/**
 * Issue 17, item 10: a fragment that is not valid percent-encoding (`#%E0%A4%A`, cut short in a
 * pasted link) threw an uncaught URIError in the same-clause script of version pages and in the
 * comparison scripts, stopping them. Each page now opens with it and its scripts still work.
 */
const BAD = '#%E0%A4%A';

for (const [what, path] of [
  ['a version page (same-clause banner)', '/tmad/v6.0/'],
  ['a pre-built comparison (change navigation)', '/tmad/compare/v5.0...v6.0/'],
  ['a comparison computed in the browser', '/s1sr/compare/v3.0...v4.0-aclara-draft/'],
] as const) {
  test(`${what} opens with a malformed fragment without a script error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await page.goto(`${path}${BAD}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path.includes('compare')) await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
    // The hash changing afterwards runs the same code again.
    await page.evaluate((hash) => (window.location.hash = hash), '%');
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
  });
}
