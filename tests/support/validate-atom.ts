/**
 * A validator for Atom feed documents (RFC 4287), written for this project's tests because npm
 * has no maintained Atom validator and RELAX NG validators need the schema converted by Java
 * tools. It checks what the normative schema of RFC 4287 (appendix B) expresses — which
 * elements and attributes each Atom element may have, and how many — and the rules in the
 * prose that the schema cannot express: an author for every entry, content or an alternate
 * link in every entry, a summary for out-of-line or base64 content, one alternate link per type
 * and language, RFC 3339 dates with upper-case T and Z, absolute IRIs as ids. On top of the RFC,
 * and stricter than it, entry ids must be unique within a feed, and the feed should link itself.
 */
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** One problem: where (a path of element names) and what. */
export interface AtomProblem {
  path: string;
  message: string;
}

/** An element with its namespace resolved. */
interface Node {
  element: Element;
  ns: string | undefined;
  local: string;
  path: string;
  /** Attributes without a prefix (Atom's own), by name. */
  plain: Map<string, string>;
  /** Prefixed attributes other than `xmlns`, resolved: `{namespace}local`. */
  qualified: Map<string, string>;
  children: Node[];
  /** Non-whitespace text directly inside. */
  text: string;
}

const TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'summary', 'rights']);
const PERSON_CONSTRUCTS = new Set(['author', 'contributor']);
const DATE_CONSTRUCTS = new Set(['updated', 'published']);
const REGISTERED_RELS = new Set(['alternate', 'related', 'self', 'enclosure', 'via']);

/** Unprefixed attributes each Atom element may carry (xml:base and xml:lang are allowed everywhere). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  title: ['type'],
  subtitle: ['type'],
  summary: ['type'],
  rights: ['type'],
  content: ['type', 'src'],
  link: ['href', 'rel', 'type', 'hreflang', 'title', 'length'],
  category: ['term', 'scheme', 'label'],
  generator: ['uri', 'version'],
};

/** Atom children each container may have, with how many: `1` exactly one, `?` at most one, `*` any. */
const CHILDREN: Record<string, Record<string, '1' | '?' | '*'>> = {
  feed: {
    author: '*',
    category: '*',
    contributor: '*',
    generator: '?',
    icon: '?',
    id: '1',
    link: '*',
    logo: '?',
    rights: '?',
    subtitle: '?',
    title: '1',
    updated: '1',
    entry: '*',
  },
  entry: {
    author: '*',
    category: '*',
    content: '?',
    contributor: '*',
    id: '1',
    link: '*',
    published: '?',
    rights: '?',
    source: '?',
    summary: '?',
    title: '1',
    updated: '1',
  },
  source: {
    author: '*',
    category: '*',
    contributor: '*',
    generator: '?',
    icon: '?',
    id: '?',
    link: '*',
    logo: '?',
    rights: '?',
    subtitle: '?',
    title: '?',
    updated: '?',
  },
  author: { name: '1', uri: '?', email: '?' },
  contributor: { name: '1', uri: '?', email: '?' },
};

/** Elements whose content is text only (no child elements at all). */
const TEXT_ONLY = new Set(['id', 'icon', 'logo', 'updated', 'published', 'name', 'uri', 'email', 'generator']);

function resolve(element: Element, scope: Map<string, string>, path: string): Node {
  const inner = new Map(scope);
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xmlns') inner.set('', value ?? '');
    else if (name.startsWith('xmlns:')) inner.set(name.slice(6), value ?? '');
  }
  const [prefix, local] = element.name.includes(':') ? (element.name.split(':', 2) as [string, string]) : ['', element.name];
  const ns = prefix === 'xml' ? XML_NS : inner.get(prefix) || undefined;
  const plain = new Map<string, string>();
  const qualified = new Map<string, string>();
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || value === undefined || value === null) continue;
    if (!name.includes(':')) plain.set(name, value);
    else {
      const [p, l] = name.split(':', 2) as [string, string];
      qualified.set(`{${p === 'xml' ? XML_NS : (inner.get(p) ?? `unbound:${p}`)}}${l}`, value);
    }
  }
  const here = `${path}/${local}`;
  return {
    element,
    ns,
    local,
    path: here,
    plain,
    qualified,
    children: element.children.filter((c): c is Element => c.type === 'element').map((c) => resolve(c, inner, here)),
    text: textOf(element.children).trim(),
  };
}

function textOf(children: readonly ElementContent[]): string {
  return children.map((c) => (c.type === 'text' || c.type === 'cdata' ? c.value : '')).join('');
}

function fullText(element: Element): string {
  return element.children.map((c) => (c.type === 'element' ? fullText(c) : c.type === 'text' || c.type === 'cdata' ? c.value : '')).join('');
}

const isAtom = (node: Node) => node.ns === ATOM_NS;
const atomChildren = (node: Node, local?: string) => node.children.filter((c) => isAtom(c) && (local === undefined || c.local === local));

/** RFC 3339 `date-time`, as RFC 4287 §3.3 narrows it: upper-case `T` and `Z`, a real calendar date. */
export function isAtomDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!match) return false;
  const [, y, mo, d, h, mi, s, oh, om] = match.map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(y as number, mo as number, 0)).getUTCDate();
  return (
    (mo as number) >= 1 &&
    (mo as number) <= 12 &&
    (d as number) >= 1 &&
    (d as number) <= daysInMonth &&
    (h as number) <= 23 &&
    (mi as number) <= 59 &&
    (s as number) <= 60 &&
    (oh === undefined || Number.isNaN(oh) || oh <= 23) &&
    (om === undefined || Number.isNaN(om) || om <= 59)
  );
}

/** An absolute IRI (RFC 3987): a scheme, then no spaces or characters IRIs exclude. */
export function isAbsoluteIri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/u.test(text);
}

function isIriReference(text: string): boolean {
  return text.length > 0 && /^[^\s<>"{}|\\^`]+$/u.test(text);
}

const MIME = /^[A-Za-z0-9!#$&.+^_-]+\/[A-Za-z0-9!#$&.+^_-]+(\s*;.*)?$/;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Validates an Atom feed document. Returns every problem found; an empty list means the feed
 * conforms to everything this validator checks.
 */
export function validateAtom(xml: string): AtomProblem[] {
  const problems: AtomProblem[] = [];
  let root: Root;
  try {
    root = fromXml(xml);
  } catch (error) {
    return [{ path: '/', message: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const top = root.children.filter((c): c is Element => c.type === 'element');
  if (top.length !== 1) return [{ path: '/', message: 'a document has exactly one root element' }];
  const feed = resolve(top[0] as Element, new Map([['xml', XML_NS]]), '');
  const problem = (node: Node | { path: string }, message: string) => problems.push({ path: node.path, message });

  if (!isAtom(feed) || feed.local !== 'feed') {
    problem(feed, `the root element must be atom:feed in the namespace ${ATOM_NS}, not ${feed.element.name} in ${feed.ns ?? 'no namespace'}`);
    return problems;
  }

  const visit = (node: Node, parent: Node | undefined) => {
    if (!isAtom(node)) return; // Extension elements: any content.
    checkAttributes(node, problem);
    const allowed = CHILDREN[node.local];
    if (allowed) {
      for (const child of node.children) {
        if (isAtom(child) && !(child.local in allowed)) problem(child, `atom:${child.local} is not allowed in atom:${node.local}`);
        if (!isAtom(child) && child.ns === undefined)
          problem(child, `${child.element.name} has no namespace; only Atom or namespaced extension elements may appear in atom:${node.local}`);
      }
      for (const [local, count] of Object.entries(allowed)) {
        const n = atomChildren(node, local).length;
        if (count === '1' && n !== 1) problem(node, `atom:${node.local} must contain exactly one atom:${local} (found ${n})`);
        if (count === '?' && n > 1) problem(node, `atom:${node.local} must not contain more than one atom:${local} (found ${n})`);
      }
      if (node.text) problem(node, `atom:${node.local} must not contain text outside its child elements`);
    }
    if (TEXT_ONLY.has(node.local) && node.children.length > 0) problem(node, `atom:${node.local} must contain text only, no elements`);
    if (TEXT_CONSTRUCTS.has(node.local)) checkText(node, problem);
    if (DATE_CONSTRUCTS.has(node.local) && !isAtomDate(node.text)) problem(node, `atom:${node.local} must be an RFC 3339 date-time with upper-case T and Z (got "${node.text}")`);
    if (node.local === 'id' && !isAbsoluteIri(node.text)) problem(node, `atom:id must be an absolute IRI (got "${node.text}")`);
    if ((node.local === 'icon' || node.local === 'logo') && !isIriReference(node.text)) problem(node, `atom:${node.local} must be an IRI reference`);
    if (node.local === 'uri' && !isIriReference(node.text)) problem(node, 'atom:uri must be an IRI reference');
    if (node.local === 'email' && !/^[^\s@]+@[^\s@]+$/.test(node.text)) problem(node, `atom:email must be an e-mail address (got "${node.text}")`);
    if (node.local === 'name' && parent && PERSON_CONSTRUCTS.has(parent.local) && node.text.length === 0) problem(node, 'atom:name must not be empty');
    if (node.local === 'link') checkLink(node, problem);
    if (node.local === 'category' && !node.plain.has('term')) problem(node, 'atom:category must have a term attribute');
    if (node.local === 'category' && node.plain.has('scheme') && !isIriReference(node.plain.get('scheme') as string)) problem(node, 'atom:category scheme must be an IRI');
    if (node.local === 'content') checkContent(node, problem);
    if (node.local === 'entry') checkEntry(node, problem);
    if (node.local === 'generator' && node.plain.has('uri') && !isIriReference(node.plain.get('uri') as string)) problem(node, 'atom:generator uri must be an IRI reference');
    // Children of text constructs and content are checked as markup, not as Atom.
    if (!TEXT_CONSTRUCTS.has(node.local) && node.local !== 'content') for (const child of node.children) visit(child, node);
  };
  visit(feed, undefined);

  checkAlternates(feed, problem);
  const entries = atomChildren(feed, 'entry');
  if (atomChildren(feed, 'author').length === 0) {
    for (const entry of entries) {
      const source = atomChildren(entry, 'source')[0];
      if (atomChildren(entry, 'author').length === 0 && !(source && atomChildren(source, 'author').length > 0)) {
        problem(entry, 'an entry must have an atom:author when the feed has none');
      }
    }
  }
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const id = atomChildren(entry, 'id')[0]?.text;
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) problem(entry, `entry id "${id}" is used twice (first at ${first})`);
    else seen.set(id, entry.path);
  }
  const links = atomChildren(feed, 'link');
  if (!links.some((l) => l.plain.get('rel') === 'self')) problem(feed, 'the feed should have a link with rel="self" (RFC 4287 §4.1.1)');
  return problems;
}

function checkAttributes(node: Node, problem: (node: Node, message: string) => void): void {
  const allowed = new Set(ATTRIBUTES[node.local] ?? []);
  for (const name of node.plain.keys()) if (!allowed.has(name)) problem(node, `atom:${node.local} must not have the attribute "${name}"`);
  for (const name of node.qualified.keys()) {
    if (name.startsWith('{unbound:')) problem(node, `attribute ${name} uses an undeclared prefix`);
    if (name.startsWith(`{${ATOM_NS}}`)) problem(node, `attribute ${name} is in the Atom namespace, which defines no attributes`);
  }
  const lang = node.qualified.get(`{${XML_NS}}lang`);
  if (lang !== undefined && lang !== '' && !LANGUAGE_TAG.test(lang)) problem(node, `xml:lang must be a language tag (got "${lang}")`);
}

function checkText(node: Node, problem: (node: Node, message: string) => void): void {
  const type = node.plain.get('type') ?? 'text';
  if (!['text', 'html', 'xhtml'].includes(type)) problem(node, `atom:${node.local} type must be text, html or xhtml (got "${type}")`);
  if (type === 'xhtml') checkXhtmlDiv(node, problem);
  else if (node.children.length > 0) problem(node, `atom:${node.local} of type ${type} must not contain elements (escape markup in html)`);
}

function checkXhtmlDiv(node: Node, problem: (node: Node, message: string) => void): void {
  const [div, ...rest] = node.children;
  if (!div || rest.length > 0 || div.ns !== XHTML_NS || div.local !== 'div') {
    problem(node, `atom:${node.local} of type xhtml must contain exactly one xhtml:div (namespace ${XHTML_NS})`);
  }
  if (node.text) problem(node, `atom:${node.local} of type xhtml must have no text outside its xhtml:div`);
}

function checkLink(node: Node, problem: (node: Node, message: string) => void): void {
  const href = node.plain.get('href');
  if (href === undefined) problem(node, 'atom:link must have an href attribute');
  else if (!isIriReference(href)) problem(node, `atom:link href must be an IRI reference (got "${href}")`);
  const rel = node.plain.get('rel');
  if (rel !== undefined && !REGISTERED_RELS.has(rel) && !isAbsoluteIri(rel) && !/^[a-z0-9.-]+$/.test(rel))
    problem(node, `atom:link rel "${rel}" is neither a registered name nor an IRI`);
  const type = node.plain.get('type');
  if (type !== undefined && !MIME.test(type)) problem(node, `atom:link type must be a media type (got "${type}")`);
  const hreflang = node.plain.get('hreflang');
  if (hreflang !== undefined && !LANGUAGE_TAG.test(hreflang)) problem(node, `atom:link hreflang must be a language tag (got "${hreflang}")`);
  const length = node.plain.get('length');
  if (length !== undefined && !/^\d+$/.test(length)) problem(node, `atom:link length must be a non-negative integer (got "${length}")`);
  if (node.children.length > 0 || node.text) problem(node, 'atom:link must be empty');
}

function checkContent(node: Node, problem: (node: Node, message: string) => void): void {
  const type = node.plain.get('type') ?? 'text';
  const src = node.plain.get('src');
  if (src !== undefined) {
    if (!isIriReference(src)) problem(node, 'atom:content src must be an IRI reference');
    if (['text', 'html', 'xhtml'].includes(type)) problem(node, 'atom:content with src must have a media type as its type, not text, html or xhtml');
    if (node.children.length > 0 || fullText(node.element).trim()) problem(node, 'atom:content with src must be empty');
    return;
  }
  if (type === 'xhtml') checkXhtmlDiv(node, problem);
  else if (type === 'text' || type === 'html') {
    if (node.children.length > 0) problem(node, `atom:content of type ${type} must not contain elements`);
  } else if (!MIME.test(type)) problem(node, `atom:content type must be text, html, xhtml or a media type (got "${type}")`);
}

function checkEntry(entry: Node, problem: (node: Node, message: string) => void): void {
  const content = atomChildren(entry, 'content')[0];
  const alternates = atomChildren(entry, 'link').filter((l) => (l.plain.get('rel') ?? 'alternate') === 'alternate');
  if (!content && alternates.length === 0) problem(entry, 'an entry without atom:content must have a link with rel="alternate"');
  if (content && atomChildren(entry, 'summary').length === 0) {
    const type = content.plain.get('type') ?? 'text';
    const textual = ['text', 'html', 'xhtml'].includes(type) || /^text\//i.test(type) || /[+/]xml(\s*;.*)?$/i.test(type);
    if (content.plain.has('src')) problem(entry, 'an entry whose content is out of line (src) must have an atom:summary');
    else if (!textual) problem(entry, 'an entry whose content is base64-encoded must have an atom:summary');
  }
  checkAlternates(entry, problem);
}

function checkAlternates(node: Node, problem: (node: Node, message: string) => void): void {
  const seen = new Set<string>();
  for (const link of atomChildren(node, 'link')) {
    if ((link.plain.get('rel') ?? 'alternate') !== 'alternate') continue;
    const key = `${link.plain.get('type') ?? ''}\u0000${link.plain.get('hreflang') ?? ''}`;
    if (seen.has(key)) {
      problem(node, `atom:${node.local} must not have two rel="alternate" links with the same type and hreflang (${link.plain.get('type') ?? 'no type'})`);
    }
    seen.add(key);
  }
}
