import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('citing a clause', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"cite" copies the citation: clause number, version and a link that lands on the clause', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await page.getByRole('link', { name: 'Cite clause 8.6', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Citation copied');
    await expect(page).toHaveURL('/tmad/v6.0/');

    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toMatch(/^SEC Appendix AL \(TMAD\) v6\.0, clause 8\.6 — https?:\/\/\S+\/tmad\/v6\.0\/#8\.6$/);
    const url = new URL(citation.split(' — ')[1] as string);
    await page.goto(`${url.pathname}${url.hash}`);
    await expect(page.locator('[id="8.6"]')).toBeInViewport();
    await expect(page.locator('[id="8.6"]')).toContainText('336 hours');
  });

  test('"copy link" copies the absolute link alone, on the same address as the citation', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    // The address the site was built for (SITE_URL): citations and links both name it.
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const cite = await page.getByRole('link', { name: 'Cite clause 4.10', exact: true }).getAttribute('title');
    await page.getByRole('link', { name: 'Link to clause 4.10', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${canonical}#4.10`);
    expect(cite?.endsWith(` — ${copied}`)).toBe(true);
  });
});

test.describe('the version in effect', () => {
  test('?on=2020-07-01 answers v5.0 and ?on=2020-07-26 answers v6.0', async ({ page }) => {
    await page.goto('/tmad/in-effect/?on=2020-07-01');
    const answer = page.getByRole('status');
    await expect(answer).toContainText('On 1 July 2020, TMAD v5.0 was in legal effect');
    await expect(page.getByRole('row', { name: /^v5\.0/ })).toHaveAttribute('aria-current', 'true');

    await page.goto('/tmad/in-effect/?on=2020-07-26');
    await expect(answer).toContainText('On 26 July 2020, TMAD v6.0 was in legal effect');
    await answer.getByRole('link', { name: 'TMAD v6.0' }).click();
    await expect(page).toHaveURL('/tmad/v6.0/');
  });

  test('the date field answers and puts the date in the address', async ({ page }) => {
    await page.goto('/tmad/');
    await page.getByRole('link', { name: 'Which version was in effect on a date?' }).click();
    await page.getByLabel('Date').fill('2020-07-25');
    await page.getByRole('button', { name: 'Show the version in effect' }).click();
    await expect(page.getByRole('status')).toContainText('On 25 July 2020, TMAD v5.0 was in legal effect');
    await expect(page).toHaveURL('/tmad/in-effect/?on=2020-07-25');
    await page.getByLabel('Date').fill('2019-01-01');
    await page.getByRole('button', { name: 'Show the version in effect' }).click();
    await expect(page.getByRole('status')).toContainText('No version of TMAD on this site was in legal effect on 1 January 2019');
  });

  test('the timeline labels consultation drafts as never in effect', async ({ page }) => {
    await page.goto('/tmad/');
    await expect(page.getByRole('row', { name: /^v6\.0-draft/ })).toContainText('Never in legal effect');
  });
});

test.describe('status banners', () => {
  test('from a clause of a superseded version, the banner leads to the same clause in the version in effect', async ({ page }) => {
    await page.goto('/tmad/v5.0/');
    const banner = page.getByRole('note', { name: 'Superseded version' });
    await expect(banner).toContainText('in legal effect from 15 June 2020 to 25 July 2020');
    await expect(banner).toContainText('Since 26 July 2020 the version in effect is v6.0');
    const quoted = (await page.locator('[id="5.4"] .clause-body').textContent())?.trim();

    await page.getByRole('link', { name: '5.4', exact: true }).click();
    await expect(page).toHaveURL('/tmad/v5.0/#5.4');
    await banner.getByRole('link', { name: 'v6.0' }).click();
    // v6.0 inserted a clause before it: 5.4 became 5.5.
    await expect(page).toHaveURL('/tmad/v6.0/#5.5');
    await expect(page.locator('[id="5.5"]')).toBeInViewport();
    await expect(page.locator('[id="5.5"] .clause-body')).toHaveText(quoted ?? 'missing');
  });

  test('a permalink into a superseded version opens with the banner pointing at that clause', async ({ page }) => {
    await page.goto('/tmad/v5.0/#5.4');
    await expect(page.getByRole('note', { name: 'Superseded version' }).getByRole('link', { name: 'v6.0' })).toHaveAttribute('href', '/tmad/v6.0/#5.5');
  });

  test('the version in effect says so, and a pasted link to it previews as the version', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    await expect(page.getByRole('note', { name: 'Version in effect' })).toContainText('This is the version in legal effect, since 26 July 2020');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'TMAD v6.0 — SMETS1 Transition and Migration Approach Document');
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /version 6\.0: in legal effect since 26 July 2020/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/tmad\/v6\.0\/$/);
  });

  test('a consultation draft says it was never in effect and links the version that is', async ({ page }) => {
    await page.goto('/tmad/v6.0-draft/#8.6');
    const banner = page.getByRole('note', { name: 'Consultation draft' });
    await expect(banner).toContainText('never in legal effect');
    await expect(banner.getByRole('link', { name: 'v6.0' })).toHaveAttribute('href', '/tmad/v6.0/#8.6');
  });
});

test.describe('accessibility of the new pages and controls', () => {
  // The pages themselves are scanned by accessibility.spec.ts; this scans the dated view.
  for (const url of ['/tmad/in-effect/?on=2020-07-01']) {
    test(`${url} passes an axe scan`, async ({ page }) => {
      test.slow();
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});

test.describe('citing and dating without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"cite" holds the citation and leads to how to cite', async ({ page }) => {
    await page.goto('/tmad/v6.0/');
    const cite = page.getByRole('link', { name: 'Cite clause 8.6', exact: true });
    await expect(cite).toHaveAttribute('title', /^SEC Appendix AL \(TMAD\) v6\.0, clause 8\.6 — \S+\/tmad\/v6\.0\/#8\.6$/);
    await cite.click();
    await expect(page).toHaveURL('/tmad/v6.0/#how-to-cite');
    await expect(page.getByRole('complementary', { name: 'How to cite a clause' })).toContainText('SEC Appendix AL (TMAD) v6.0, clause 1.1 —');
  });

  test('each clause of a superseded version links the same clause in the version in effect', async ({ page }) => {
    await page.goto('/tmad/v5.0/');
    await page.getByRole('link', { name: 'Same clause in v6.0, the version in effect: clause 5.5' }).click();
    await expect(page).toHaveURL('/tmad/v6.0/#5.5');
  });

  test('the in-effect page shows the periods as a table', async ({ page }) => {
    await page.goto('/tmad/in-effect/?on=2020-07-01');
    await expect(page.getByRole('button', { name: 'Show the version in effect' })).toBeHidden();
    await expect(page.getByRole('row', { name: /^v5\.0/ })).toContainText('15 June 2020');
    await expect(page.getByRole('row', { name: /^v5\.0/ })).toContainText('25 July 2020');
    await expect(page.getByRole('row', { name: /^v6\.0 / })).toContainText('26 July 2020');
  });
});
