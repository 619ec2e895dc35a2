import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ClauseHistory } from '#compare/clause-history.ts';
import { documentUrl, historyUrl } from '#publish/urls.ts';
import { illustrativeBanner } from './illustrative-banner.ts';
import { type HistoryContext, historyName, latestClause, renderHistory } from './render-history.ts';
import { type RemovedUrl, renderRemovedAnchors } from './removed-anchors.ts';

/** A clause history's page: what its layout shows about it, and its main content. */
export interface HistoryPage {
  /** The page's site path, `/tmad/clauses/8-6/`. */
  path: string;
  title: string;
  description: string;
  /** The children of `<main>`; links are site paths, to be put under the site's base. */
  main: ElementContent[];
}

/**
 * A clause history as a whole page's content: breadcrumb, heading, the illustrative banner when
 * any of its versions is ours, a lead, the history, and the anchors the page once had.
 */
export function renderHistoryPage(history: ClauseHistory, context: HistoryContext, removed: readonly RemovedUrl[] = []): HistoryPage {
  const { document } = context;
  const name = historyName(latestClause(history));
  const title = `${document.shortName} ${name}: history`;
  const path = historyUrl(document.id, history.slug);
  const illustrative = history.entries.some((e) => e.version.illustrative);
  const anchors = renderRemovedAnchors(removed, path);
  const main: ElementContent[] = [
    h('nav', { ariaLabel: 'Breadcrumb', className: ['breadcrumb'] }, [
      h('a', { href: '/' }, 'Documents'),
      ' › ',
      h('a', { href: documentUrl(document.id) }, document.shortName),
      ` › ${name} › history`,
    ]),
    h('h1', title),
    ...(illustrative ? [illustrativeBanner()] : []),
    h(
      'p',
      { className: ['lead'] },
      `${name.charAt(0).toUpperCase() + name.slice(1)} in every version of the ${document.shortName} it appears in, followed through renumbering and moves: its number in each, what changed, and the direction that made each change law.`,
    ),
    renderHistory(history, context),
    ...(anchors ? [anchors] : []),
  ];
  return { path, title, description: `How ${name} of SEC ${document.secReference} changed from version to version.`, main };
}
