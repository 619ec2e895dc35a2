/**
 * On a version that is not in effect, the banner's link to the version in effect follows the
 * clause in the address: at `/tmad/v5.0/#5.4` it leads to the same clause in the version in
 * effect (`/tmad/v6.0/#5.5`), as that clause's own "same clause" link does.
 */
import { fragmentId } from './fragment-id.ts';
const banner = document.querySelector<HTMLAnchorElement>('a[data-same-clause-banner]');

function sameClauseHref(): string | undefined {
  const slug = fragmentId(window.location.hash);
  const clause = slug ? document.getElementById(slug) : null;
  if (!clause) return undefined;
  // The clause's own tool, not one of a clause nested in it (table rows sit inside their table).
  const tool = [...clause.querySelectorAll<HTMLAnchorElement>('a[data-same-clause]')].find((a) => a.closest('[id]') === clause);
  return tool?.getAttribute('href') ?? undefined;
}

if (banner) {
  const versionHref = banner.getAttribute('href') ?? '';
  const update = () => banner.setAttribute('href', sameClauseHref() ?? versionHref);
  update();
  window.addEventListener('hashchange', update);
}
