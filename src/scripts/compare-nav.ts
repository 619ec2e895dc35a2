/**
 * Change navigation on a comparison page, on top of plain links that work without it: the
 * "Previous change" and "Next change" controls follow the reader, and the keys `n`/`j` and
 * `p`/`k` move between changes (a checkbox turns the keys off, and the choice is remembered).
 */
import { fragmentId } from './fragment-id.ts';

const STORAGE_KEY = 'compare-keys';

function visible(element: HTMLElement): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.offsetParent !== null;
}

/** The change rows the current view shows, in order. */
function changeRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.cmp-row[data-nav]')].filter(visible);
}

/**
 * The sticky bars stack: the column headings (and a compared table's header) sit right below
 * the navigation bar, whose height changes when it wraps on a narrow screen.
 */
function trackStickyHeights(nav: HTMLElement): void {
  const columns = document.querySelector<HTMLElement>('.compare > .cmp-columns');
  const root = document.documentElement.style;
  const measure = () => {
    root.setProperty('--cmp-nav-height', `${nav.offsetHeight}px`);
    root.setProperty('--cmp-columns-height', `${columns?.offsetHeight ?? 0}px`);
  };
  measure();
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(measure);
    observer.observe(nav);
    if (columns) observer.observe(columns);
  }
}

function rowFromHash(): HTMLElement | undefined {
  const id = fragmentId(window.location.hash);
  const element = id ? document.getElementById(id) : null;
  return element?.matches('.cmp-row[data-nav]') ? element : undefined;
}

/** The navigation bar's controls and the change the reader is on, shared by its handlers. */
interface NavState {
  nav: HTMLElement;
  status: HTMLElement | null;
  previousLink: HTMLAnchorElement | null;
  nextLink: HTMLAnchorElement | null;
  toggle: HTMLInputElement | null;
  current: HTMLElement | undefined;
}

/**
 * Wires up the change navigation of the page, once. Called on load for a pre-built comparison,
 * and after a comparison computed in the browser is shown.
 */
export function initChangeNav(): void {
  const nav = document.querySelector<HTMLElement>('[data-change-nav]');
  if (!nav || nav.dataset.ready) return;
  nav.dataset.ready = 'true';
  trackStickyHeights(nav);
  const state: NavState = {
    nav,
    status: nav.querySelector<HTMLElement>('[data-position]'),
    previousLink: nav.querySelector<HTMLAnchorElement>('[data-step="previous"]'),
    nextLink: nav.querySelector<HTMLAnchorElement>('[data-step="next"]'),
    toggle: nav.querySelector<HTMLInputElement>('[data-keys-toggle]'),
    current: undefined,
  };
  const keys = nav.querySelector<HTMLElement>('[data-keys]');
  state.current = rowFromHash();
  setUpKeysToggle(state.toggle);
  if (keys) keys.hidden = false;
  listenForSteps(state);
  update(state);
}

/** The keys can be turned off (they clash with some readers' own shortcuts); the choice outlives the page. */
function setUpKeysToggle(toggle: HTMLInputElement | null): void {
  if (!toggle) return;
  toggle.checked = window.localStorage.getItem(STORAGE_KEY) !== 'off';
  toggle.addEventListener('change', () => window.localStorage.setItem(STORAGE_KEY, toggle.checked ? 'on' : 'off'));
}

function keysOn(state: NavState): boolean {
  return state.toggle?.checked ?? true;
}

/** Shows the position and points the links at the neighbouring changes, so they work as plain links too. */
function update(state: NavState): void {
  const { status, previousLink, nextLink, current } = state;
  const rows = changeRows();
  const index = current ? rows.indexOf(current) : -1;
  if (status) status.textContent = index >= 0 ? `Change ${index + 1} of ${rows.length}` : `${rows.length} change${rows.length === 1 ? '' : 's'}`;
  const previous = index > 0 ? rows[index - 1] : undefined;
  const next = index >= 0 ? rows[index + 1] : rows[0];
  if (previousLink) {
    if (previous) previousLink.href = `#${previous.id}`;
    previousLink.toggleAttribute('aria-disabled', !previous);
  }
  if (nextLink) {
    if (next) nextLink.href = `#${next.id}`;
    nextLink.toggleAttribute('aria-disabled', !next);
  }
}

/** The row to move from: the current one if still shown, else where the reader has scrolled to. */
function target(state: NavState, step: 1 | -1): HTMLElement | undefined {
  const rows = changeRows();
  if (rows.length === 0) return undefined;
  const index = state.current ? rows.indexOf(state.current) : -1;
  if (index >= 0) return rows[index + step];
  const top = state.nav.getBoundingClientRect().bottom + 1;
  if (step === 1) return rows.find((row) => row.getBoundingClientRect().top > top) ?? undefined;
  return [...rows].reverse().find((row) => row.getBoundingClientRect().top < top);
}

function go(state: NavState, step: 1 | -1): void {
  const row = target(state, step);
  if (!row) {
    if (state.status) state.status.textContent = step === 1 ? 'No later change' : 'No earlier change';
    return;
  }
  state.current = row;
  window.location.hash = row.id;
  row.focus({ preventScroll: true });
  update(state);
}

/** Follows the reader: the links, the address's fragment, a change of view, and the keys. */
function listenForSteps(state: NavState): void {
  for (const [link, step] of [
    [state.previousLink, -1],
    [state.nextLink, 1],
  ] as const) {
    link?.addEventListener('click', (event) => {
      event.preventDefault();
      go(state, step);
    });
  }

  window.addEventListener('hashchange', () => {
    const row = rowFromHash();
    if (row) {
      state.current = row;
      update(state);
    }
  });

  document.addEventListener('change', (event) => {
    // A new view may hide the current row: count again.
    if (event.target instanceof HTMLInputElement && event.target.name !== 'hide-consequential') update(state);
  });

  document.addEventListener('keydown', (event) => onKey(state, event));
}

function onKey(state: NavState, event: KeyboardEvent): void {
  if (!keysOn(state) || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  // Typing in a field is not navigating; radio buttons and checkboxes take no letters.
  const field = event.target instanceof HTMLElement ? event.target.closest('input, textarea, select, [contenteditable]') : null;
  if (field && !(field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox'))) return;
  const step = event.key === 'n' || event.key === 'j' ? 1 : event.key === 'p' || event.key === 'k' ? -1 : 0;
  if (step === 0) return;
  event.preventDefault();
  go(state, step);
}
