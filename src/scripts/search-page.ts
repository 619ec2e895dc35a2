/**
 * The search page: runs the query in the address (`/search/?q=UTRN`) over the page's Pagefind
 * bundle and draws the results, each a clause leading to its place in a version. On the search
 * of all versions, each clause is one result listing the versions it appears in and the words
 * that differ between them; statuses in the address (`?status=Superseded`) narrow it, and on the
 * default search they lead there. The address and the link to the other search follow the query.
 */
import { type ClauseGroup, type ClauseHit, type PagefindApi, type SearchSelection, searchClauses, wordChange } from './search-query.ts';
import type { FilterKind, SearchCatalogEntry } from '#publish/search-records.ts';
import { withBase } from '#publish/urls.ts';

/** The path the site is published under (`/` at a root): records hold site paths (`/tmad/v6.0/#8.6`). */
const base = document.querySelector<HTMLElement>('.search-app')?.dataset.base ?? '/';

function onSite(path: string): string {
  return withBase(path, base);
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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt (escaped text with `<mark>`), rebuilt as text and marks only. */
function excerpt(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') out.append(element('mark', undefined, node.textContent ?? ''));
    else out.append(node.textContent ?? '');
  }
  return out;
}

function versionLinks(hit: ClauseHit, prefix: string): HTMLElement {
  const line = element('p', 'search-hit-versions', prefix);
  hit.versions.forEach((version, index) => {
    const link = element('a', undefined, version.label);
    link.href = onSite(version.url);
    line.append(index === 0 ? ' ' : ', ', link);
  });
  return line;
}

/** A note for a text of the clause that differs from the lead's: its versions and the words that differ. */
function difference(other: ClauseHit, lead: ClauseHit): HTMLElement {
  const item = element('li');
  item.append(versionLinks(other, 'Different text in'));
  const change = wordChange(other.content, lead.content);
  if (change) {
    const words = element('p', 'search-hit-change');
    words.append(`${change.before} `);
    if (change.removed) words.append(element('del', undefined, change.removed), ' ');
    if (change.added) words.append(element('ins', undefined, change.added), ' ');
    words.append(change.after);
    item.append(words);
  }
  return item;
}

function result(group: ClauseGroup, scope: string): HTMLElement {
  const { lead } = group;
  const item = element('li', 'search-hit');
  const heading = element('h2', 'search-hit-title');
  const link = element('a', undefined, lead.title);
  link.href = onSite(lead.url);
  heading.append(link);
  if (lead.exact) heading.append(' ', element('span', 'search-hit-exact', '(clause number)'));
  const text = element('p', 'search-hit-excerpt');
  text.append(excerpt(lead.excerpt));
  item.append(heading, text);
  if (scope === 'all') {
    item.append(versionLinks(lead, lead.versions.length > 1 ? 'Same text in' : 'In'));
    if (group.others.length > 0) {
      const list = element('ul', 'search-hit-differences');
      list.setAttribute('aria-label', `Other texts of ${lead.name}`);
      for (const other of group.others) list.append(difference(other, lead));
      item.append(list);
    }
  }
  return item;
}

/** Results loaded before the first are drawn: a screen or two, each a request for the record's data. */
const FIRST_SCREEN = 12;

/** The values a filter offers, from the page's catalog (written by the build). */
function valuesOf(catalog: readonly SearchCatalogEntry[], kind: FilterKind): string[] {
  const values = catalog.flatMap((entry) => (kind === 'document' ? [entry.document] : kind === 'version' ? entry.versions : entry.statuses));
  return [...new Set(values)].sort();
}

/** The visible filters (`document:Document,…`), each a group of checkboxes. */
function drawFilters(pane: HTMLElement, spec: string, catalog: readonly SearchCatalogEntry[], selected: SearchSelection, changed: () => void): void {
  pane.replaceChildren();
  for (const entry of spec.split(',')) {
    const [kind = '', legend = ''] = entry.split(':');
    const name = kind as FilterKind;
    const values = valuesOf(catalog, name);
    if (values.length === 0) continue;
    const fieldset = element('fieldset', 'search-filter');
    fieldset.append(element('legend', undefined, legend));
    for (const value of values) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = selected[name]?.includes(value) ?? false;
      box.addEventListener('change', () => {
        const chosen = [...pane.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((b) => b.value);
        if (chosen.length > 0) selected[name] = chosen;
        else delete selected[name];
        changed();
      });
      label.append(box, ` ${value}`);
      fieldset.append(label);
    }
    pane.append(fieldset);
  }
}

async function start(app: HTMLElement): Promise<void> {
  const scope = app.dataset.scope ?? 'in-effect';
  const limit = Number(app.dataset.maxResults ?? '100');
  const input = app.querySelector<HTMLInputElement>('input[name="q"]');
  const form = app.querySelector<HTMLFormElement>('form');
  const filtersBox = app.querySelector<HTMLDetailsElement>('.search-filters');
  const pane = app.querySelector<HTMLElement>('.search-filter-groups');
  const summary = app.querySelector<HTMLElement>('.search-summary');
  const list = app.querySelector<HTMLOListElement>('.search-hits');
  const link = document.querySelector<HTMLAnchorElement>('[data-scope-link]');
  if (!input || !form || !filtersBox || !pane || !summary || !list) return;
  // On a phone the filters start folded, so the results are within the first screen.
  if (window.matchMedia('(max-width: 48rem)').matches) filtersBox.open = false;
  const params = new URLSearchParams(window.location.search);
  const catalog = JSON.parse(app.dataset.catalog ?? '[]') as SearchCatalogEntry[];
  const selected: SearchSelection = {};
  // The index of the versions in effect has no status filter: naming one there would match nothing.
  if (scope === 'all' && params.getAll('status').length > 0) selected.status = params.getAll('status');
  input.value = params.get('q') ?? '';
  if (link) carryQuery(link, input.value.trim());

  // Timings of Pagefind's calls, read by `npm run bench -- --only search`.
  performance.mark('search-start');
  const pagefind = (await import(/* @vite-ignore */ `${app.dataset.bundle}pagefind.js`)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };
  // Results as site paths (Pagefind would put the bundle's parent before them): the page adds the base when it draws links.
  await pagefind.options({ excerptLength: 30, baseUrl: '/' });
  await pagefind.init();
  performance.measure('search-init', 'search-start');
  let run = 0;
  let measured = false;
  const search = async () => {
    const term = input.value.trim();
    const id = ++run;
    if (!term) {
      summary.textContent = '';
      list.replaceChildren();
      return;
    }
    summary.textContent = `Searching for “${term}”…`;
    performance.mark('search-query-start');
    // The first results are drawn while the rest load; the summary (a live region) speaks once, at the end.
    const onFirst = (first: { groups: ClauseGroup[] }) => {
      if (id === run) list.replaceChildren(...first.groups.map((group) => result(group, scope)));
      if (!measured) performance.measure('search-first-results', 'search-query-start');
    };
    const found = await searchClauses(pagefind, term, selected, { group: scope === 'all', limit, catalog, first: FIRST_SCREEN, onFirst });
    if (!measured) performance.measure('search-query', 'search-query-start');
    measured = true;
    if (id !== run) return;
    list.replaceChildren(...found.groups.map((group) => result(group, scope)));
    const clauses = found.groups.length === 1 ? '1 clause' : `${found.groups.length} clauses`;
    if (found.total === 0) summary.textContent = `No clause matches “${term}”.`;
    else if (!found.complete)
      summary.textContent = `${clauses} from the best ${limit} of at least ${found.total} matches for “${term}”: add words or choose a document to narrow it.`;
    else if (found.total > limit) summary.textContent = `${clauses} from the best ${limit} of ${found.total} matches for “${term}”: add words or choose a document to narrow it.`;
    else summary.textContent = `${clauses} ${found.groups.length === 1 ? 'matches' : 'match'} “${term}”.`;
  };
  drawFilters(pane, app.dataset.filters ?? '', catalog, selected, () => void search());
  let timer: number | undefined;
  input.addEventListener('input', () => {
    const typed = input.value.trim();
    if (link) carryQuery(link, typed);
    // The address follows the query (once typing pauses), so a search can be shared, reloaded
    // and returned to with Back.
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      keepInAddress(typed);
      void search();
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    keepInAddress(input.value.trim());
    void search();
  });
  await search();
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

const app = document.querySelector<HTMLElement>('.search-app');
if (app && !movedToAllVersions()) {
  start(app).catch((error: unknown) => {
    const summary = app.querySelector('.search-summary');
    if (summary) summary.textContent = 'Search could not start in this browser. Browse the documents from the home page instead.';
    console.error(error);
  });
}
