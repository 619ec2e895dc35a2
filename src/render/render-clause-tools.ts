import type { Element } from 'hast';
import { element } from './element.ts';
import { citationText, type CitationTarget } from '#publish/citation.ts';
import { clauseName } from '#model/clause-name.ts';
import { clauseUrl } from '#publish/urls.ts';

/** Id of the version page's note on how to cite a clause. */
export const HOW_TO_CITE = 'how-to-cite';

/**
 * The "cite" control beside a clause. With JavaScript it copies the citation (text and absolute
 * link together). Without, its title holds the citation and it leads to the page's note on how to
 * cite. (A page per clause would give richer link previews, but at the scale of the whole SEC it
 * would mean hundreds of thousands of pages: the version's preview is the fallback the issue allows.)
 */
export function citeLink(target: CitationTarget, site: URL | string): Element {
  const { clause } = target;
  const citation = citationText(target, site);
  return element(
    'a',
    {
      className: ['cite'],
      href: `#${HOW_TO_CITE}`,
      // The script copies the title: the citation is written once per clause, not twice.
      dataCite: '',
      title: citation,
      ariaLabel: `Cite ${clauseName(clause)}`,
    },
    ['cite'],
  );
}

/**
 * On a version that is not in effect, the link from a clause to the same clause (as aligned by
 * the diff engine, so followed through renumbering) in the version in effect.
 */
export function sameClauseLink(target: CitationTarget): Element {
  const { document, version, clause } = target;
  return element(
    'a',
    {
      className: ['same-clause'],
      href: clauseUrl(document.id, version.version, clause.slug),
      dataSameClause: '',
      ariaLabel: `Same clause in v${version.version}, the version in effect: ${clauseName(clause)}`,
    },
    [`v${version.version}`],
  );
}
