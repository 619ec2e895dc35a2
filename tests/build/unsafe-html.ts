import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visitParents } from 'unist-util-visit-parents';

/** Classes of the site's own `<details>`, which start closed. */
const OWN_DISCLOSURES = new Set(['cmp-fold', 'cmp-changelist', 'picker-fold', 'clause-notes']);
/** Our own scripts: Astro's bundles and Pagefind's search UI. Anything else is not ours. */
const OUR_SCRIPT = /^\/(?:_astro\/[\w.-]+\.js|pagefind\/pagefind-component-ui\.js)$/;
/** Elements no page may contain at all. */
const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'svg', 'math', 'style', 'template', 'img', 'video', 'audio', 'xss']);
/** Attributes holding a URL that a browser follows or loads. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'cite', 'poster', 'background', 'longDesc', 'xLinkHref', 'ping', 'manifest', 'codeBase'];
/** Attributes that load something by themselves: these must stay on this site. */
const LOADING_PROPERTIES = new Set(['src', 'data', 'poster', 'background', 'codeBase', 'manifest']);

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** A URL as a browser reads its scheme: whitespace and control characters ignored, any case. */
function scheme(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters and spaces from a URL before reading its scheme; so does this check
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/** A same-site URL: a path, not another origin or a scheme. */
function internal(url: string, siteUrl: string): boolean {
  return (url.startsWith('/') && !url.startsWith('//')) || url.startsWith(`${siteUrl}/`) || url.startsWith('#');
}

/** Script types that are data, never run (`<script type="application/json">`). */
const DATA_SCRIPT = /^application\/(?:ld\+)?json$/i;

/**
 * Everything in a built page that could run code, load from elsewhere, or send elsewhere:
 * script elements that are not ours (an inline script is allowed only as a JSON data block),
 * event-handler attributes, `javascript:`, `data:` and `vbscript:` URLs, frames, objects and
 * other forbidden elements, `style` elements and attributes, `srcdoc`, `accesskey`, positive
 * `tabindex`, forms that send elsewhere, meta refreshes that leave the site, links (`<link>`)
 * to other sites, and `<details>` that start closed (other than the site's own disclosures). The
 * site's own controls (search form, view switch, forms of other pages) pass as long as they stay
 * on the site. Returns one line per finding; an empty list means the page is clean.
 */
export function unsafeHtml(tree: Root, siteUrl: string): string[] {
  const found: string[] = [];
  visitParents(tree, 'element', (element) => {
    const tag = element.tagName;
    const props = element.properties;
    const where = `<${tag}${props.id ? ` id="${String(props.id)}"` : ''}> at line ${element.position?.start.line ?? '?'}`;

    for (const key of Object.keys(props)) {
      if (/^on/i.test(key)) found.push(`event handler ${key} on ${where}`);
    }
    if (props.style !== undefined) found.push(`style attribute on ${where}`);
    if (props.srcDoc !== undefined) found.push(`srcdoc on ${where}`);
    if (props.accessKey !== undefined) found.push(`accesskey on ${where}`);
    // The site's own scroll regions (a wide table in a named region) take focus so that a
    // keyboard can scroll them; any other focusable element in content is a finding.
    const scrollRegion = tag === 'div' && classes(element).includes('table-wrap') && props.role === 'region' && typeof props.ariaLabel === 'string' && Number(props.tabIndex) === 0;
    if (props.tabIndex !== undefined && Number(props.tabIndex) >= 0 && !scrollRegion) found.push(`tabindex ${String(props.tabIndex)} on ${where}`);
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value !== 'string') continue;
      const read = scheme(value);
      if (/^(?:javascript|vbscript|data|livescript):/.test(read)) found.push(`${name}="${value}" on ${where}`);
      if (LOADING_PROPERTIES.has(name) && /^[a-z][a-z0-9+.-]*:|^\/\//.test(read)) found.push(`${name} loads from elsewhere: "${value}" on ${where}`);
    }

    if (FORBIDDEN.has(tag)) found.push(`forbidden element ${where}`);
    // Only the site's own disclosures may start closed: the comparison's folds of unchanged
    // clauses, its change list and picker, and a clause's amendment notes (content cannot make
    // them: raw HTML keeps no class).
    if (tag === 'details' && props.open === undefined && !classes(element).some((c) => OWN_DISCLOSURES.has(c))) found.push(`closed details ${where}`);
    if (tag === 'script') {
      const data = typeof props.type === 'string' && DATA_SCRIPT.test(props.type) && props.src === undefined;
      const ours = typeof props.src === 'string' && OUR_SCRIPT.test(props.src) && toText(element).trim() === '';
      if (!data && !ours) found.push(`script that is not ours: ${where} src=${String(props.src)}`);
    }
    if (tag === 'form' && !internal(String(props.action ?? '/'), siteUrl)) found.push(`form that sends elsewhere: ${where}`);
    if (tag === 'meta' && props.httpEquiv !== undefined) {
      const kind = String(props.httpEquiv).toLowerCase();
      const target = /url\s*=\s*(.*)$/i.exec(String(props.content ?? ''))?.[1] ?? '';
      const ok = kind === 'content-security-policy' || (kind === 'refresh' && target.startsWith('/') && !target.startsWith('//'));
      if (!ok) found.push(`meta http-equiv="${String(props.httpEquiv)}" content="${String(props.content)}"`);
    }
    if (tag === 'link' && !internal(String(props.href ?? ''), siteUrl)) found.push(`link to another site: ${String(props.href)}`);
  });
  return found;
}
