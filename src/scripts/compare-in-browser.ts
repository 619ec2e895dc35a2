/**
 * Computes a comparison that was not built in advance: fetches both versions' data, hands it to
 * a worker running the same core as the build (align, word diff, render), and shows the result.
 * Times from "data loaded" to "shown" are recorded as the performance measure `compare-render`,
 * split into `compare-compute` (until the worker's last part arrives) and `compare-insert` (the page
 * taking in that part and wiring the controls); `compare-first-rows` is the time until the first
 * screen of rows is shown, which the worker sends before diffing the rest.
 */
import { initChangeList } from './change-list.ts';
import { initChangeNav } from './compare-nav.ts';
import type { ComputeRequest, ComputeResult } from './compare-compute.ts';
import { fragmentId } from './fragment-id.ts';

async function run(root: HTMLElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('.compare-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  say('Computing the comparison…');
  // Started before the data arrives, so loading the engine overlaps the downloads.
  const worker = new Worker(new URL('./compare-worker.ts', import.meta.url), { type: 'module' });
  try {
    const [from, to] = await Promise.all(
      [root.dataset.fromData, root.dataset.toData].map(async (url) => {
        const response = await fetch(url ?? '');
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.text();
      }),
    );
    performance.mark('compare-data-loaded');
    // The worker's answers (and its errors) in the order they come, taken one at a time.
    const inbox: Array<ComputeResult | Error> = [];
    let wake: (() => void) | undefined;
    worker.addEventListener('message', (event: MessageEvent<ComputeResult>) => {
      inbox.push(event.data);
      wake?.();
    });
    worker.addEventListener('error', (event) => {
      inbox.push(new Error(event.message));
      wake?.();
    });
    const nextPart = async (): Promise<Exclude<ComputeResult, { error: string }>> => {
      while (inbox.length === 0)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      const part = inbox.shift() as ComputeResult | Error;
      if (part instanceof Error) throw part;
      if ('error' in part) throw new Error(part.error);
      return part;
    };
    const request: ComputeRequest = {
      from: from ?? '',
      to: to ?? '',
      fromLabel: root.dataset.fromLabel ?? '',
      toLabel: root.dataset.toLabel ?? '',
      fromPage: root.dataset.fromPage ?? '',
      toPage: root.dataset.toPage ?? '',
      ...(root.dataset.base ? { base: root.dataset.base } : {}),
    };
    worker.postMessage(request);
    const first = await nextPart();
    if (first.part !== 'first') throw new Error(`the worker answered ${first.part} first`);
    for (const [slot, html] of [
      ['summary', first.summary],
      ['compare', first.compare],
    ] as const) {
      const container = root.querySelector<HTMLElement>(`[data-slot="${slot}"]`);
      const content = container?.querySelector<HTMLElement>('[data-slot-content]');
      // The HTML is our own renderer's output from sanitised content: the same bytes the build would write.
      if (content) content.innerHTML = html;
      container?.removeAttribute('hidden');
    }
    root.querySelector('.compare-fallback')?.setAttribute('hidden', '');
    performance.mark('compare-first-shown');
    // The first screen is on the page; the rest of the rows follow, then the controls that step through them.
    const rest = await nextPart();
    if (rest.part !== 'rest') throw new Error(`the worker answered ${rest.part} second`);
    performance.mark('compare-computed');
    root.querySelector<HTMLElement>('[data-slot="compare"] .compare')?.insertAdjacentHTML('beforeend', rest.rows);
    root.querySelector('[data-slot="controls"]')?.removeAttribute('hidden');
    initChangeNav();
    initChangeList();
    performance.mark('compare-shown');
    performance.measure('compare-render', 'compare-data-loaded', 'compare-shown');
    // Its two parts: the worker's computation, and the page taking in the result.
    performance.measure('compare-compute', 'compare-data-loaded', 'compare-computed');
    performance.measure('compare-insert', 'compare-computed', 'compare-shown');
    performance.measure('compare-first-rows', 'compare-data-loaded', 'compare-first-shown');
    worker.terminate();
    root.dataset.state = 'ready';
    say('');
    if (window.location.hash) document.getElementById(fragmentId(window.location.hash))?.scrollIntoView();
  } catch (error) {
    worker.terminate();
    root.dataset.state = 'failed';
    say(`The comparison could not be computed (${error instanceof Error ? error.message : String(error)}). Use the links above.`);
  }
}

const root = document.querySelector<HTMLElement>('.compare-in-browser');
if (root) void run(root);
