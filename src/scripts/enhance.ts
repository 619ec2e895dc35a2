/**
 * Small enhancements on top of pages that work without JavaScript:
 * a clause's permalink control copies the absolute link as well as following it, and its
 * "cite" control copies the citation (text and link) instead of opening the clause's page.
 */

function announce(message: string): void {
  let region = document.getElementById('announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'announcer';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  region.textContent = '';
  // A fresh text node after clearing makes screen readers announce a repeated message.
  window.setTimeout(() => {
    if (region) region.textContent = message;
  }, 50);
}

/**
 * A link on the address the site is published at (`SITE_URL`, which the page's `og:url` is
 * built on), the one citations use, rather than wherever this copy is being read.
 */
function onSiteAddress(href: string): string {
  const published = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content;
  const here = new URL(href, window.location.href);
  if (!published) return here.href;
  const base = new URL(published);
  return new URL(`${here.pathname}${here.search}${here.hash}`, base.origin).href;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a[data-copy-link]') : null;
  if (!(target instanceof HTMLAnchorElement)) return;
  const url = onSiteAddress(target.getAttribute('href') ?? '');
  void navigator.clipboard
    ?.writeText(url)
    .then(() => {
      target.dataset.copied = 'true';
      announce('Link copied');
      window.setTimeout(() => delete target.dataset.copied, 2000);
    })
    .catch(() => announce('The link is in the address bar'));
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a[data-cite]') : null;
  if (!(target instanceof HTMLAnchorElement) || !navigator.clipboard) return;
  const citation = target.title;
  event.preventDefault();
  navigator.clipboard
    .writeText(citation)
    .then(() => {
      target.dataset.copied = 'true';
      announce('Citation copied');
      window.setTimeout(() => delete target.dataset.copied, 2000);
    })
    // Without clipboard access the link leads to the note on how to cite.
    .catch(() => window.location.assign(target.href));
});
