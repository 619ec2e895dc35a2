import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { layOutEverything } from './lay-out-everything.ts';

/**
 * Layout on a desktop and a phone: every page type, at 1280×800 and 390×844, must fit the
 * screen (nothing wider than the viewport unless it sits in a scroll container that says it
 * scrolls), comparison rows must not overlap, and a comparison must show its first change
 * early. Each page is also photographed into `screenshots/` (not committed) for a person to
 * look at: `npm run build && npx playwright test tests/e2e/layout.spec.ts`.
 */

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** One page of each type, the table document's comparison and both search pages with results. */
const PAGES: ReadonlyArray<{ name: string; url: string; compare?: boolean; search?: boolean }> = [
  { name: 'home', url: '/' },
  { name: 'document', url: '/tmad/' },
  { name: 'table-document', url: '/dmves/' },
  { name: 'version', url: '/tmad/v6.0/' },
  { name: 'table-version', url: '/dmves/v2.0/' },
  { name: 'clause-deep-link', url: '/tmad/v6.0/#8.6' },
  { name: 'compare', url: '/tmad/compare/v5.0...v6.0/', compare: true },
  { name: 'compare-table', url: '/dmves/compare/v1.0...v2.0/', compare: true },
  { name: 'compare-in-browser', url: '/s1sr/compare/v3.0...v4.0-aclara-draft/', compare: true },
  { name: 'history', url: '/tmad/clauses/8.6/' },
  { name: 'history-table', url: '/dmves/clauses/table/' },
  { name: 'in-effect', url: '/tmad/in-effect/?on=2020-07-26' },
  { name: 'directions', url: '/directions/' },
  { name: 'direction', url: '/directions/2020-07-24-smets1-tmad-s1sr/' },
  { name: 'search', url: '/search/?q=UTRN', search: true },
  { name: 'search-all', url: '/search/all/?q=UTRN', search: true },
  { name: 'not-found', url: '/no-such-page/' },
];

const SHOTS = 'screenshots';

/**
 * Elements that reach past the viewport's left or right edge, outside any scroll container
 * that says it scrolls (`overflow-x: auto|scroll` with a role, an accessible name or a tabindex,
 * so a keyboard or screen-reader user can find it). Elements hidden from sight (the
 * visually-hidden pattern clipped to 1px, or placed wholly left of the page) are skipped.
 */
function overflowing(): string[] {
  const width = window.innerWidth;
  const found: string[] = [];
  const scrollsOnPurpose = (element: Element): boolean => {
    const style = getComputedStyle(element);
    if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') return false;
    return element.hasAttribute('role') || element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') || element.hasAttribute('tabindex');
  };
  const describe = (element: Element): string => {
    const classes = [...element.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('');
    const id = element.id ? `#${element.id}` : '';
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const rect = element.getBoundingClientRect();
    return `${element.tagName.toLowerCase()}${id}${classes} [${Math.round(rect.left)}–${Math.round(rect.right)}] “${text}”`;
  };
  const walk = (element: Element): void => {
    if (scrollsOnPurpose(element)) {
      // The container itself must fit; what it holds may scroll inside it.
      const rect = element.getBoundingClientRect();
      if (rect.right > width + 1 || rect.left < -1) found.push(describe(element));
      return;
    }
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    // Placed wholly off the left edge (a skip link until focused) is hidden on purpose and cannot be scrolled to.
    const hidden = style.visibility === 'hidden' || (rect.width <= 1 && rect.height <= 1) || rect.right <= 0;
    if (style.display === 'none') return;
    // The content of a closed disclosure is not drawn: its boxes are where it would open.
    if (element.matches('details:not([open]) > :not(summary)')) return;
    if (!hidden && rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) found.push(describe(element));
    for (const child of element.children) walk(child);
  };
  walk(document.body);
  // The innermost offenders say most; an ancestor that is too wide only because of them adds nothing.
  return found.slice(0, 12);
}

/** Pairs of text boxes in one comparison row that overlap (the two sides drawn over each other). */
function overlaps(): string[] {
  const found: string[] = [];
  const intersect = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const row of document.querySelectorAll('.cmp-row')) {
    const cells = [...row.querySelectorAll(':scope > .cmp-cell, :scope td, :scope th')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(c).visibility !== 'hidden';
    });
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i] as Element;
        const b = cells[j] as Element;
        if (a.contains(b) || b.contains(a)) continue;
        if (intersect(a.getBoundingClientRect(), b.getBoundingClientRect())) {
          found.push(`${row.id}: ${(a.textContent ?? '').slice(0, 30)} / ${(b.textContent ?? '').slice(0, 30)}`);
        }
      }
    }
  }
  return found.slice(0, 10);
}

mkdirSync(SHOTS, { recursive: true });

for (const size of SIZES) {
  test.describe(`layout at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const { name, url, compare, search } of PAGES) {
      test(`${name} (${url}) fits the screen`, async ({ page }) => {
        await page.goto(url);
        if (search) await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
        if (compare) await expect(page.locator('.compare .cmp-row').first()).toBeAttached({ timeout: 15_000 });
        await layOutEverything(page);
        if (url.includes('#')) await page.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView());
        await page.screenshot({ path: `${SHOTS}/${name}-${size.name}.png`, fullPage: !url.includes('#') });

        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(widths.scroll, `page is ${widths.scroll}px wide on a ${widths.inner}px screen`).toBeLessThanOrEqual(widths.inner);
        expect(await page.evaluate(overflowing)).toEqual([]);

        if (compare) {
          expect(await page.evaluate(overlaps)).toEqual([]);
          const first = await page.evaluate(() => {
            const row = [...document.querySelectorAll<HTMLElement>('.cmp-row[data-nav]')].find((r) => r.getBoundingClientRect().height > 0);
            return row ? row.getBoundingClientRect().top + window.scrollY : undefined;
          });
          expect(first, 'a change is shown').toBeDefined();
          expect(first as number, 'first change within the first two screens').toBeLessThan(2 * size.height);
          const summary = await page.getByRole('navigation', { name: 'Summary of changes' }).boundingBox();
          expect(summary?.y ?? Number.POSITIVE_INFINITY, 'the change list starts on the first screen').toBeLessThan(size.height);
        }
      });
    }
  });
}

test.describe('the comparison bar follows the screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('it grows when the screen narrows and shrinks back when it widens', async ({ page }) => {
    await page.goto('/dmves/compare/v1.0...v2.0/');
    const nav = page.getByRole('navigation', { name: 'Change navigation' });
    const height = () => nav.evaluate((element) => (element as HTMLElement).offsetHeight);
    // What the bars below the navigation are placed by, measured by compare-nav.ts on each resize.
    const measured = () => page.evaluate(() => document.documentElement.style.getPropertyValue('--cmp-nav-height'));
    const phone = await height();
    expect(phone).toBeGreaterThan(0);
    await expect.poll(measured).toBe(`${phone}px`);
    await page.setViewportSize({ width: 220, height: 844 });
    // The bar wraps to more lines on a narrower screen, and the bars below it move down with it.
    await expect.poll(height).toBeGreaterThan(phone);
    const narrow = await height();
    await expect.poll(measured).toBe(`${narrow}px`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(height).toBe(phone);
    await expect.poll(measured).toBe(`${phone}px`);
  });
});
