import type { Element } from 'hast';
import { h } from 'hastscript';

/** What a page needs of a tombstone (see `#content/tombstones.ts`). */
export interface RemovedUrl {
  /** Its page: `/tmad/v6.0/`. */
  page: string;
  /** Its clause anchor, when it is one: `8.6`. */
  anchor?: string;
  /** Why it went. */
  reason: string;
  /** Where to go instead. */
  goTo: string;
}

/**
 * The clause anchors a page once had, each keeping its id, with why it went and where to go, so
 * a cited link such as /tmad/v6.0/#8.6 still lands on an explanation. Undefined when the page
 * (a site path, `/tmad/v6.0/`) lost none. Links are site paths: put them under the site's base.
 */
export function renderRemovedAnchors(tombstones: readonly RemovedUrl[], page: string): Element | undefined {
  const removed = tombstones.filter((t) => t.page === page && t.anchor !== undefined);
  if (removed.length === 0) return undefined;
  return h('section', { className: ['removed-anchors'], ariaLabel: 'Removed clauses' }, [
    h('h2', 'Removed clauses'),
    h(
      'ul',
      removed.map((t) => h('li', { id: t.anchor }, [h('strong', `#${t.anchor}`), `: ${t.reason} `, h('a', { href: t.goTo }, `Go to ${t.goTo}`)])),
    ),
  ]);
}
