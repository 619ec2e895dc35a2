/**
 * On the 404 page: a comparison asked for newest first (`/tmad/compare/v6.0...v5.0/`) leads to
 * the same comparison in the site's order, oldest first, when that page exists.
 */
const match = /^(.*\/compare\/)([^/]+)\.\.\.([^/]+)\/?$/.exec(window.location.pathname);
if (match) {
  const [, base, first, second] = match;
  const reversed = `${base}${second}...${first}/`;
  fetch(reversed, { method: 'HEAD' })
    .then((response) => {
      if (response.ok) window.location.replace(`${reversed}${window.location.hash}`);
    })
    .catch(() => undefined);
}
