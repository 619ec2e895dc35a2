/**
 * Opens the search page on the query in the address (`/search/?q=UTRN`) and, unless the
 * address names statuses (`&status=Superseded`), searches only the versions in effect.
 */
interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

function start(components: PagefindComponents): void {
  const app = document.querySelector<HTMLElement>('.search-app');
  const params = new URLSearchParams(window.location.search);
  const term = params.get('q') ?? '';
  const statuses = params.getAll('status');
  const filters = { status: statuses.length > 0 ? statuses : [app?.dataset.defaultStatus ?? 'In effect'] };
  const instance = components.getInstanceManager().getInstance('default');
  instance.triggerSearchWithFilters(term, filters);
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input && term) input.value = term;
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

whenReady();
