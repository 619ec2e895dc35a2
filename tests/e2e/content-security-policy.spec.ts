import { expect, test } from '@playwright/test';

/**
 * Every page sends a Content Security Policy in a meta tag: scripts from this site only (Astro's
 * own by hash), no inline scripts or handlers, nothing framed or embedded. The site itself,
 * search included (a Web Worker and WebAssembly), works under it without a single violation.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test('every page type carries the policy, and nothing on it is blocked', async ({ page }) => {
  const urls = ['/', '/tmad/', '/tmad/v6.0/', '/tmad/compare/v5.0...v6.0/', '/directions/', '/directions/2020-07-24-smets1-tmad-s1sr/', '/no-such-page/'];
  for (const url of urls) {
    await page.goto(url);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, url).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')*;/);
    expect(policy, url).not.toContain('unsafe-inline');
    expect(policy, url).toContain("object-src 'none'");
    expect(policy, url).toContain("base-uri 'none'");
    expect(await violations(page), url).toEqual([]);
  }
});

test('search works under the policy: worker, WebAssembly, results', async ({ page }) => {
  await page.goto('/search/?q=UTRN');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('searchbox', { name: 'Words or clause number' }).fill('cutover');
  await expect(page.locator('.search-summary')).toContainText('cutover', { timeout: 15_000 });
  expect(await violations(page)).toEqual([]);
});

test('a script injected into a page does not run', async ({ page }) => {
  await page.goto('/tmad/v6.0/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('src', '/favicon.svg');
    handler.setAttribute('onload', 'window.injected = true;');
    document.body.append(handler);
  });
  await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-attr inline/)]));
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});
