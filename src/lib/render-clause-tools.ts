import type { Element } from 'hast';
import { h } from 'hastscript';
import { citationText, type CitationTarget } from './citation.ts';
import { clauseName } from './render-version.ts';
import { clausePageUrl, clauseUrl } from './urls.ts';

/**
 * The "cite" control beside a clause. Without JavaScript it is a link to the clause's own page,
 * which shows the citation to copy, and its title holds the citation; with JavaScript it copies
 * the citation (text and absolute link together).
 */
export function citeLink(target: CitationTarget, site: URL | string): Element {
  const { document, version, clause } = target;
  const citation = citationText(target, site);
  return h(
    'a',
    {
      className: ['cite'],
      href: clausePageUrl(document.id, version.version, clause.slug),
      dataCopyCitation: citation,
      title: citation,
      ariaLabel: `Cite ${clauseName(clause)}`,
    },
    'cite',
  );
}

/**
 * On a version that is not in effect, the link from a clause to the same clause (as aligned by
 * the diff engine, so followed through renumbering) in the version in effect.
 */
export function sameClauseLink(target: CitationTarget): Element {
  const { document, version, clause } = target;
  return h(
    'a',
    {
      className: ['same-clause'],
      href: clauseUrl(document.id, version.version, clause.slug),
      dataSameClause: '',
      ariaLabel: `Same clause in v${version.version}, the version in effect: ${clauseName(clause)}`,
    },
    `v${version.version}`,
  );
}
