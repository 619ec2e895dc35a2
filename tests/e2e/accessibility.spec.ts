import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { layOutEverything } from './lay-out-everything.ts';

/** WCAG 2.2 A and AA, as the UK government's service standard expects. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every page URL the site publishes (the ledger's page URLs, without fragments). */
const LEDGER_PAGES = readFileSync('content/published-urls.txt', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('/') && !line.includes('#'));

/**
 * The pages scanned: every page of the ledger except clause histories, which share one template
 * and make up most of the site; of those, the first and last of each document. `AXE_ALL=1`
 * (`npm run test:axe-all`) scans every history too: it takes about 8 s a page on two cores, which
 * would put `npm test` over its time budget.
 */
function pagesToScan(all: boolean): string[] {
  const histories = new Map<string, string[]>();
  const others: string[] = [];
  for (const url of LEDGER_PAGES) {
    const history = /^\/([^/]+)\/clauses\//.exec(url);
    if (!history?.[1]) {
      others.push(url);
      continue;
    }
    const list = histories.get(history[1]) ?? [];
    list.push(url);
    histories.set(history[1], list);
  }
  const sampled = [...histories.values()].flatMap((list) => (all ? list : [...new Set([list[0], list.at(-1)])].filter((url) => url !== undefined)));
  return [...others, ...sampled];
}

/** The pages scanned, both search pages with results, and the 404 page. */
const PAGES = [...pagesToScan(process.env.AXE_ALL === '1'), '/search/?q=UTRN', '/search/all/?q=UTRN', '/no-such-page/'];

/** Opens a page; a `latest` page is opened without its instant redirect, so its own content is scanned. */
async function open(page: Page, url: string): Promise<void> {
  if (url.endsWith('/latest/')) {
    await page.route(`**${url}`, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/[^"]+\/">/);
      await route.fulfill({ response, body: html.replace(/<meta http-equiv="refresh"[^>]*>/, '') });
    });
  }
  await page.goto(url);
  if (url.startsWith('/search/') && url.includes('?q=')) {
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
  }
  await layOutEverything(page);
}

test.describe(`axe, WCAG 2.2 A and AA, on ${PAGES.length} pages`, () => {
  for (const url of PAGES) {
    test(`${url} has no violations`, async ({ page }) => {
      // A version page carries a link and a hidden preview for every cross-reference and defined term: axe takes longer over it.
      if (/^\/[^/]+\/v[^/]+\/$/.test(url)) test.slow();
      await open(page, url);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(violations).toEqual([]);
      // The scan ran rules on this page: a page with nothing checked would pass trivially.
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
});

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (element: Element) => boolean, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error(`no focusable element matched after ${max} presses of Tab`);
}

test.describe('keyboard only', () => {
  test('the compare page: switch the view, open a fold, follow a summary link', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    const row = page.getByRole('group', { name: 'Clause 4.10: modified' });

    await tabTo(page, (e) => e.id === 'view-side');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Inline red-line' })).toBeChecked();
    await expect(row.locator('.cmp-old')).toBeHidden();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'Side by side' })).toBeChecked();
    await expect(row.locator('.cmp-old')).toBeVisible();

    // The change list's summary comes first: it opens with Enter too.
    await tabTo(page, (e) => e.tagName === 'SUMMARY');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Changes by section' })).toBeVisible();
    await tabTo(page, (e) => e.tagName === 'SUMMARY' && e.parentElement?.classList.contains('cmp-fold') === true);
    const fold = page.locator('details.cmp-fold', { has: page.locator('summary:focus') });
    await expect(fold).not.toHaveAttribute('open');
    await page.keyboard.press('Enter');
    await expect(fold).toHaveAttribute('open');
    await expect(fold.locator('.cmp-row').first()).toBeVisible();

    await page.goto('/tmad/compare/v6.0-draft...v6.0/');
    await tabTo(page, (e) => e.tagName === 'A' && e.textContent === '8.6' && e.closest('.cmp-summary') !== null);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#c-8\.6$/);
    await expect(page.getByRole('group', { name: 'Clause 8.6: modified' })).toBeInViewport();
  });

  test('search: type a query, tab to a result, press Enter, land on the clause', async ({ page }) => {
    await page.goto('/');
    await tabTo(page, (e) => e.id === 'header-search');
    await page.keyboard.type('UTRN');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/search/?q=UTRN');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });

    await tabTo(page, (e) => e.id === 'search-query');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('cutover');
    await expect(page.locator('.search-summary')).toContainText('cutover', { timeout: 15_000 });
    await tabTo(page, (e) => e.tagName === 'A' && e.closest('.search-hits') !== null);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(href).toMatch(/^\/tmad\/v6\.0\/#[\w.-]+$/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href);
    const slug = decodeURIComponent(href.split('#')[1] ?? '');
    await expect(page.locator(`[id="${slug}"]`)).toContainText(/cutover/i);
  });

  test('every kind of control shows where the focus is', async ({ page }) => {
    const outline = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), shadow: style.boxShadow };
      });
    const checks: Array<[string, (e: Element) => boolean]> = [
      ['/', (e) => e.classList.contains('skip-link')],
      ['/', (e) => e.tagName === 'A' && e.closest('nav') !== null],
      ['/', (e) => e.id === 'header-search'],
      ['/', (e) => e.tagName === 'BUTTON'],
      ['/tmad/v6.0/', (e) => e.classList.contains('permalink')],
      ['/tmad/compare/v5.0...v6.0/', (e) => e.id === 'view-side'],
      ['/tmad/compare/v5.0...v6.0/', (e) => e.tagName === 'SUMMARY'],
      ['/search/', (e) => e.id === 'search-query'],
    ];
    for (const [url, matches] of checks) {
      await page.goto(url);
      await tabTo(page, matches);
      const focus = await outline();
      // An outline at least 2px wide, or (Pagefind's input) a ring drawn as a box shadow.
      const ring = (focus.style !== 'none' && focus.width >= 2) || focus.shadow !== 'none';
      expect(ring, `${url} ${matches.toString()}: ${JSON.stringify(focus)}`).toBe(true);
      await expect(page.locator(':focus')).toBeVisible();
    }
  });
});

test.describe('changes are never shown by colour alone', () => {
  test('inserted words are underlined, deleted ones struck through, and both are announced', async ({ page }) => {
    await page.goto('/tmad/compare/v6.0-draft...v6.0/');
    const row = page.getByRole('group', { name: 'Clause 8.6: modified' });
    const decoration = (selector: string) =>
      row
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(await decoration('ins')).toContain('underline');
    expect(await decoration('del')).toContain('line-through');
    const tree = await row.ariaSnapshot();
    expect(tree).toContain('- deletion: "[deleted: 48 ]"');
    expect(tree).toContain('- insertion: "[inserted: 336 ]"');
  });
});

test.describe('print', () => {
  test('a version prints its text without the site’s controls', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('.permalink').first()).toBeHidden();
    await expect(page.locator('[id="8.6"]')).toBeVisible();
    const visibility = await page
      .locator('.doc-section')
      .last()
      .evaluate((e) => getComputedStyle(e).contentVisibility);
    expect(visibility).toBe('visible');
  });

  test('a comparison prints every row, folds open, marks still visible without colour', async ({ page }) => {
    await page.goto('/tmad/compare/v5.0...v6.0/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.cmp-controls')).toBeHidden();
    const folded = page.locator('details.cmp-fold:not([open]) .cmp-row').first();
    await expect(folded).toBeVisible();
    const marks = await page
      .locator('ins')
      .first()
      .evaluate((e) => {
        const style = getComputedStyle(e);
        return { line: style.textDecorationLine, background: style.backgroundColor };
      });
    expect(marks.line).toContain('underline');
    expect(marks.background).toBe('rgba(0, 0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
    await expect(folded).toBeHidden();
  });
});
