/**
 * Opens the search page on the query in the address (`/search/?q=UTRN`). On the search of all
 * versions, statuses in the address (`/search/all/?q=UTRN&status=Superseded`) narrow it; on the
 * default search they lead there. The link to the other search, and the address, carry the query
 * as it is typed.
 */
interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

/** Points the link to the other search at the same query. */
function carryQuery(link: HTMLAnchorElement, term: string): void {
  const url = new URL(link.href);
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  link.href = `${url.pathname}${url.search}`;
}

/** Puts the query in the address (`?q=`), keeping the other parameters (statuses). */
function keepInAddress(term: string): void {
  const url = new URL(window.location.href);
  if ((url.searchParams.get('q') ?? '') === term) return;
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  window.history.replaceState(window.history.state, '', url);
}

function start(components: PagefindComponents): void {
  const app = document.querySelector<HTMLElement>('.search-app');
  const params = new URLSearchParams(window.location.search);
  const term = params.get('q') ?? '';
  const statuses = params.getAll('status');
  // The index of the versions in effect has no status filter: naming one there would match nothing.
  const filters: Record<string, string[]> = app?.dataset.scope === 'all' && statuses.length > 0 ? { status: statuses } : {};
  const instance = components.getInstanceManager().getInstance('default');
  instance.triggerSearchWithFilters(term, filters);
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input && term) input.value = term;
  const link = document.querySelector<HTMLAnchorElement>('[data-scope-link]');
  if (link) carryQuery(link, term);
  let timer: number | undefined;
  input?.addEventListener('input', () => {
    const typed = input.value.trim();
    if (link) carryQuery(link, typed);
    // The address follows the query (once typing pauses), so a search can be shared, reloaded
    // and returned to with Back.
    window.clearTimeout(timer);
    timer = window.setTimeout(() => keepInAddress(typed), 400);
  });
}

function whenReady(attempt = 0): void {
  const components = (window as unknown as { PagefindComponents?: PagefindComponents }).PagefindComponents;
  if (components) {
    // Let the custom elements connect to their instance first.
    window.requestAnimationFrame(() => start(components));
  } else if (attempt < 100) {
    window.setTimeout(() => whenReady(attempt + 1), 50);
  }
}

/**
 * Addresses of the time before the search of all versions had its own page
 * (`/search/?q=UTRN&status=Superseded`) still lead to the same search.
 */
function movedToAllVersions(): boolean {
  const app = document.querySelector<HTMLElement>('.search-app');
  const link = document.querySelector<HTMLAnchorElement>('[data-scope-link]');
  if (app?.dataset.scope === 'all' || !link || !new URLSearchParams(window.location.search).has('status')) return false;
  window.location.replace(`${new URL(link.href).pathname}${window.location.search}`);
  return true;
}

if (!movedToAllVersions()) whenReady();
