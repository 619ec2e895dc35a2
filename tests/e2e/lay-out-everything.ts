import type { Page } from '@playwright/test';

/**
 * Lays out every part of the page, as it stands once a reader has scrolled through it all.
 *
 * Long texts and comparisons are laid out section by section (`content-visibility: auto`): a
 * section not yet near the screen is sized by a placeholder, so its clauses' boxes overlap the
 * next section's and the page's height is an estimate. A reader never sees those placeholders,
 * but axe and layout measurements would. Scrolling through the page in the test waited on
 * animation frames, which a loaded headless Chromium sometimes stops producing (a CI run timed
 * out after 90 s in that wait); this sets the same end state without waiting on a frame. It
 * sets the property through the CSSOM, which the site's Content Security Policy allows, where
 * an added style sheet would be refused.
 */
export async function layOutEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
    }
  });
}
