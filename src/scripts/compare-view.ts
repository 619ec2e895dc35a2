/**
 * Keeps a reader's view of a comparison (side by side or inline, how much unchanged text
 * around the changes, consequential changes hidden) across reloads and in the address, so a
 * view can be shared: `?view=inline&show=0`. A choice in the address wins over one remembered
 * on this device. On a narrow screen, with no choice made, unchanged clauses start collapsed
 * ("changes only"), so the changes come first.
 */

const STORAGE_KEY = 'compare-view';
const NARROW = '(max-width: 48rem)';

/** Each control group: its input name and the address parameter it is kept in. */
const GROUPS = [
  { name: 'view', param: 'view' },
  { name: 'context', param: 'show' },
] as const;
const CONSEQUENTIAL = { id: 'hide-consequential', param: 'consequential', value: 'hidden' } as const;

function remembered(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function check(name: string, value: string | undefined): void {
  if (!value) return;
  const input = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`);
  if (input) input.checked = true;
}

/** Applies the remembered or addressed view, then records every change of it. Called once the controls are on the page. */
export function initCompareView(): void {
  const controls = document.querySelector<HTMLElement>('.cmp-controls');
  if (!controls || controls.dataset.viewReady) return;
  controls.dataset.viewReady = 'true';
  const params = new URLSearchParams(window.location.search);
  const stored = remembered();
  for (const { name, param } of GROUPS) {
    const fallback = name === 'context' && window.matchMedia(NARROW).matches ? '0' : undefined;
    check(name, params.get(param) ?? stored[param] ?? fallback);
  }
  const consequential = document.getElementById(CONSEQUENTIAL.id);
  const hidden = params.get(CONSEQUENTIAL.param) ?? stored[CONSEQUENTIAL.param];
  if (consequential instanceof HTMLInputElement && hidden) consequential.checked = hidden === CONSEQUENTIAL.value;

  controls.addEventListener('change', () => {
    const url = new URL(window.location.href);
    const choice: Record<string, string> = {};
    for (const { name, param } of GROUPS) {
      const value = controls.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
      if (value) {
        choice[param] = value;
        url.searchParams.set(param, value);
      }
    }
    if (consequential instanceof HTMLInputElement) {
      const value = consequential.checked ? CONSEQUENTIAL.value : 'shown';
      choice[CONSEQUENTIAL.param] = value;
      url.searchParams.set(CONSEQUENTIAL.param, value);
    }
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
    window.history.replaceState(window.history.state, '', url);
  });
}
