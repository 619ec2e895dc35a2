/**
 * The change list follows the reader: the change at the top of the screen is marked in it
 * (`aria-current="location"`), and, where the list is a panel beside the comparison, scrolled
 * into the panel's view.
 */

/** The last change row whose top has passed a line a third of the way down the screen. */
function currentRow(rows: readonly HTMLElement[]): HTMLElement | undefined {
  const line = window.innerHeight / 3;
  let low = 0;
  let high = rows.length - 1;
  let found: HTMLElement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const row = rows[middle] as HTMLElement;
    if (row.getBoundingClientRect().top <= line) {
      found = row;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Wires up the page's change list, once (after a comparison computed in the browser is shown, too). */
export function initChangeList(): void {
  const list = document.querySelector<HTMLElement>('[data-change-list]');
  if (!list || list.dataset.ready) return;
  list.dataset.ready = 'true';
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of list.querySelectorAll<HTMLAnchorElement>('a[data-list-for]')) links.set(link.dataset.listFor ?? '', link);
  const rows = [...document.querySelectorAll<HTMLElement>('.cmp-row[data-nav]')].filter((row) => links.has(row.id));
  let marked: HTMLAnchorElement | undefined;
  let pending = false;
  const mark = () => {
    pending = false;
    const link = links.get(currentRow(rows)?.id ?? '');
    if (link === marked) return;
    marked?.removeAttribute('aria-current');
    marked = link;
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    // Only a panel scrolls on its own: moving a closed or inline list would move the page.
    if (getComputedStyle(list).position === 'sticky') {
      const panel = list.getBoundingClientRect();
      const box = link.getBoundingClientRect();
      if (box.top < panel.top || box.bottom > panel.bottom) list.scrollTop += box.top - panel.top - panel.height / 3;
    }
  };
  window.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(mark);
    },
    { passive: true },
  );
  mark();
}
