import { Parser } from 'htmlparser2';
import { scanTags, type TagAttributes, type TagHandlers } from './scan-tags.ts';

/** A link found in a built page: what it points at and where it is written. */
export interface PageLink {
  href: string;
  /** The element carrying it: `a`, `link`, `script`, `form`, `meta` (a refresh). */
  element: string;
  line: number;
  column: number;
  /** The id of the clause the link sits in, when it is in a version's text. */
  clause?: string;
}

/** What the link checker and the URL ledger need of a built page. */
export interface BuiltPage {
  /** Its URL path: `/tmad/v6.0/`, `/404.html`. */
  url: string;
  /** Every fragment target: element ids and `<a name>`. */
  ids: Set<string>;
  /** Clause anchors (the ids of clauses, table rows and tables), in page order: the ones the URL ledger records. */
  anchors: string[];
  links: PageLink[];
  /** Whether this page is a tombstone standing for a removed page. */
  tombstone: boolean;
  /** Links to an id of the page itself (`#1.1`) that were found there and left out of `links` (see {@link withoutResolvedFragments}). */
  resolvedInPage?: number;
}

/**
 * The page without its links to ids it has itself (`href="#8.6"`), counted instead: those are
 * checked as the page is read, so the link check of a large site does not hold the permalinks,
 * cross-references and term links of every version page at once. A link to a missing id stays,
 * to be reported with the others.
 */
export function withoutResolvedFragments(page: BuiltPage): BuiltPage {
  let resolved = 0;
  const links = page.links.filter((link) => {
    if (!link.href.startsWith('#')) return true;
    let fragment: string;
    try {
      fragment = decodeURIComponent(link.href.slice(1));
    } catch {
      return true;
    }
    if (fragment !== '' && !page.ids.has(fragment)) return true;
    resolved += 1;
    return false;
  });
  return { ...page, links, resolvedInPage: (page.resolvedInPage ?? 0) + resolved };
}

/** Classes the version renderer gives the elements whose ids are clause anchors (an alias is one too: cited links may use it). */
const ANCHOR_CLASSES = new Set(['clause', 'clause-row', 'clause-table', 'clause-alias']);

/** The URL a built file is served at: `tmad/index.html` → `/tmad/`, `404.html` → `/404.html`. */
export function urlOfFile(relativePath: string): string {
  const path = `/${relativePath.split(/[\\/]/).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * A copy of a string that does not share memory with the page it was read from. Attribute values
 * are slices of the whole page's HTML, and a slice keeps all of it alive: kept for every page of
 * a large site, they would hold every page in memory.
 */
function own(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** The attributes {@link readPageLinks} reads. */
const READ_ATTRIBUTES = new Set(['id', 'class', 'name', 'href', 'src', 'action', 'http-equiv', 'content']);

/** How {@link readPageLinks} reads tags: the scanner, falling back to htmlparser2 for a page it leaves (the default); or htmlparser2 alone. */
export type TagReader = 'scan' | 'htmlparser2';

/**
 * Reads the ids, clause anchors and links of a built page from its HTML. Not a tree: the check
 * reads every page of the site after every build, tens of thousands at the scale of the whole
 * SEC, and needs only attributes and where they are. Tags are read by {@link scanTags}, which
 * finds them without reading the text between; a page it does not follow is read by
 * htmlparser2, a streaming parser, with the same result.
 */
export function readPageLinks(url: string, html: string, reader: TagReader = 'scan'): BuiltPage {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  if (reader === 'scan') {
    const page = pageReader(url, lineStarts);
    if (scanTags(html, READ_ATTRIBUTES, page)) return page.result();
  }
  const page = pageReader(url, lineStarts);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        page.open(name, attributes, parser.startIndex);
      },
      onclosetag() {
        page.close();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.end(html);
  return page.result();
}

/** What a page's tags make of it, tag by tag (`start`: the offset of the tag's `<`, for its line and column). */
function pageReader(url: string, lineStarts: readonly number[]): TagHandlers & { result(): BuiltPage } {
  const ids = new Set<string>();
  const anchors: string[] = [];
  const links: PageLink[] = [];
  let tombstone = false;
  // The clause anchor each open element sits in (its own id when it is one), innermost last.
  const open: Array<string | undefined> = [];
  const positionOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
  return {
    open(name: string, attributes: TagAttributes, start: number) {
      const classes = attributes.class;
      // Most elements have a class and no id: the class is split only when it can matter.
      const id = attributes.id === undefined || attributes.id === '' ? undefined : own(attributes.id);
      const anchor = id !== undefined && (classes?.split(/\s+/).some((c) => ANCHOR_CLASSES.has(c)) ?? false);
      if (id !== undefined) {
        ids.add(id);
        if (anchor) anchors.push(id);
      }
      if (name === 'a' && attributes.name !== undefined) ids.add(own(attributes.name));
      if (classes?.includes('tombstone') && classes.split(/\s+/).includes('tombstone')) tombstone = true;
      const clause = anchor ? id : open.at(-1);
      open.push(clause);
      const add = (href: string | undefined) => {
        if (href === undefined) return;
        const at = positionOf(start);
        links.push({ href: own(href), element: name, line: at.line, column: at.column, ...(clause ? { clause } : {}) });
      };
      if (name === 'a' || name === 'link' || name === 'area') add(attributes.href);
      if (name === 'script' || name === 'img' || name === 'iframe') add(attributes.src);
      if (name === 'form') add(attributes.action);
      if (name === 'meta' && (attributes['http-equiv'] ?? '').toLowerCase() === 'refresh') {
        const target = /url\s*=\s*(.+)$/i.exec(attributes.content ?? '')?.[1];
        add(target?.trim().replace(/^['"]|['"]$/g, ''));
      }
    },
    close() {
      open.pop();
    },
    result: () => ({ url, ids, anchors, links, tombstone }),
  };
}
