/**
 * A `latest` page leads to the version in effect with a meta refresh, which drops the clause
 * in the address (`/tmad/latest/#8.6`). This goes there first, keeping it.
 */
const target = document.querySelector<HTMLAnchorElement>('[data-latest-target]');
if (target && window.location.hash) window.location.replace(`${target.pathname}${window.location.hash}`);
