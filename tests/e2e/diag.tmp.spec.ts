import { test } from '@playwright/test';
test('diag', async ({ page }) => {
  test.slow();
  await page.goto('/s1sr/v4.0-aclara-draft/');
  const t0 = Date.now();
  const r = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let n = 0;
    const start = document.documentElement.scrollHeight;
    const times: number[] = [];
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      const t = performance.now();
      window.scrollTo(0, y);
      await frame();
      n++;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      n,
      start,
      end: document.documentElement.scrollHeight,
      inner: innerHeight,
      median: times[times.length >> 1],
      max: times[times.length - 1],
      sum: times.reduce((a, b) => a + b, 0),
    };
  });
  console.log('R', JSON.stringify(r), Date.now() - t0);
});
