import { decodeHTMLAttribute } from 'entities/decode';

/** The attributes of an open tag the link check reads, by lower-case name (the first of each name, its entities decoded). */
export type TagAttributes = Partial<Record<string, string>>;

/** What {@link scanTags} reports, in document order: the same calls htmlparser2 makes for these pages. */
export interface TagHandlers {
  /** An open tag: its lower-case name, its attributes, and the offset of its `<`. */
  open(name: string, attributes: TagAttributes, start: number): void;
  /** The element opened last is closed (by its end tag, or at once for a void element). */
  close(): void;
}

/** Elements without content or end tag, as htmlparser2 counts them. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is text up to their end tag, never tags. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'iframe', 'noembed', 'noframes', 'xmp']);

/** Elements that htmlparser2 treats in ways this scanner does not follow (the page is then left to it). */
const UNFOLLOWED = new Set(['plaintext', 'svg', 'math']);

const FORM_PARTS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const BLOCK_CLOSES_P = [
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
];

/**
 * The HTML rule that opening an element closes the one it sits in (`<p>` in an open `<p>`, `<li>`
 * in an open `<li>`, a heading in a paragraph): for each element, the innermost open elements it
 * closes. Built pages close every element themselves, so a page where the rule applies is one
 * this scanner leaves to htmlparser2, which follows it.
 */
const CLOSED_BY: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, ReadonlySet<string>] => [h, new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'])]),
  ...[...FORM_PARTS.filter((t) => t !== 'option' && t !== 'optgroup'), 'output'].map((t): [string, ReadonlySet<string>] => [t, new Set(FORM_PARTS)]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ...BLOCK_CLOSES_P.map((t): [string, ReadonlySet<string>] => [t, new Set(['p'])]),
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

// Whitespace is HTML's five characters (not JavaScript's `\s`, which has more), as in htmlparser2.
/** A tag name: htmlparser2 ends it at whitespace, `/` or `>`. */
const TAG_NAME = /[a-zA-Z][^\t\n\f\r />]*/y;
/**
 * An attribute's name. Attributes need no whitespace between them (`a="1"b="2"` is two), as in
 * htmlparser2; a value is double-quoted, single-quoted, or unquoted up to whitespace or `>`.
 */
const ATTRIBUTE_NAME = /[^\t\n\f\r />=]+/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]+/y;
/** The rest of an end tag after its name. */
const END_TAG_END = /[\t\n\f\r ]*>/y;

/**
 * Reports the open and end tags of a page as htmlparser2 would (lower-case names, attributes
 * with entities decoded, the first of a repeated attribute, void elements closed at once, the
 * text of `<script>`, `<style>` and the like not read for tags), finding each `<` with a native
 * search and reading a tag with a few regular expressions: the link check reads every page of
 * the site, and htmlparser2 reads every character of each. Only `wanted` attributes are
 * reported.
 *
 * Built pages are well formed; where a page is not as this scanner expects (an end tag that
 * does not close the innermost open element, an element the HTML rules close implicitly, a
 * processing instruction, CDATA, SVG or MathML, a malformed tag), it stops and returns false, and
 * the caller reads the page with htmlparser2 instead. Handlers may then have been called for
 * the part before: the caller starts again from nothing.
 */
export function scanTags(html: string, wanted: ReadonlySet<string>, handlers: TagHandlers): boolean {
  const blank: TagAttributes = Object.fromEntries([...wanted].map((name) => [name, undefined]));
  const open: string[] = [];
  let at = html.indexOf('<');
  while (at !== -1) {
    const next = html.charCodeAt(at + 1);
    let end: number;
    if (isLetter(next)) {
      const read = readOpenTag(html, at, wanted, blank);
      if (read === undefined) return false;
      const { name, attributes, selfClosing } = read;
      const innermost = open.at(-1);
      if (UNFOLLOWED.has(name) || (innermost !== undefined && CLOSED_BY.get(name)?.has(innermost)) || (name === 'form' && open.includes('form'))) return false;
      handlers.open(name, attributes, at);
      end = read.end;
      if (VOID.has(name)) handlers.close();
      else if (selfClosing) return false;
      else if (RAW_TEXT.has(name)) {
        const close = endOfRawText(html, end, name);
        if (close === -1) return false;
        open.push(name);
        // Its end tag is read next, as any other.
        at = close;
        continue;
      } else open.push(name);
    } else if (next === 0x2f /* / */) {
      const innermost = open.at(-1);
      // Built pages write end tags as `</name>`: read without a regular expression.
      if (innermost !== undefined && html.startsWith(innermost, at + 2) && html.charCodeAt(at + 2 + innermost.length) === 0x3e /* > */) {
        open.pop();
        handlers.close();
        at = html.indexOf('<', at + 3 + innermost.length);
        continue;
      }
      TAG_NAME.lastIndex = at + 2;
      const written = TAG_NAME.exec(html)?.[0];
      const name = written === undefined ? undefined : lowerCase(written);
      if (name === undefined || open.at(-1) !== name) return false;
      END_TAG_END.lastIndex = TAG_NAME.lastIndex;
      if (END_TAG_END.exec(html) === null) return false;
      open.pop();
      handlers.close();
      end = END_TAG_END.lastIndex;
    } else if (next === 0x21 /* ! */) {
      end = endOfDeclaration(html, at);
      if (end === -1) return false;
    } else if (next === 0x3f /* ? */) {
      return false;
    } else {
      // A `<` that starts no tag is text.
      end = at + 1;
    }
    at = html.indexOf('<', end);
  }
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** An open tag at `at`: its name, wanted attributes and where it ends, or undefined when it is malformed. */
function readOpenTag(
  html: string,
  at: number,
  wanted: ReadonlySet<string>,
  blank: TagAttributes,
): { name: string; attributes: TagAttributes; selfClosing: boolean; end: number } | undefined {
  TAG_NAME.lastIndex = at + 1;
  if (!TAG_NAME.test(html)) return undefined;
  const name = lowerCase(html.slice(at + 1, TAG_NAME.lastIndex));
  // Every wanted attribute present (undefined until read): one object shape for every tag, so the handler's reads stay fast.
  const attributes: TagAttributes = { ...blank };
  let position = TAG_NAME.lastIndex;
  for (;;) {
    position = skipSpace(html, position);
    const code = html.charCodeAt(position);
    if (code === 0x3e /* > */) return { name, attributes, selfClosing: false, end: position + 1 };
    if (code === 0x2f /* / */ && html.charCodeAt(position + 1) === 0x3e) return { name, attributes, selfClosing: true, end: position + 2 };
    ATTRIBUTE_NAME.lastIndex = position;
    if (!ATTRIBUTE_NAME.test(html)) return undefined;
    const attributeName = lowerCase(html.slice(position, ATTRIBUTE_NAME.lastIndex));
    position = skipSpace(html, ATTRIBUTE_NAME.lastIndex);
    let value = '';
    if (html.charCodeAt(position) === 0x3d /* = */) {
      position = skipSpace(html, position + 1);
      const quote = html.charCodeAt(position);
      if (quote === 0x22 /* " */ || quote === 0x27 /* ' */) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", position + 1);
        if (close === -1) return undefined;
        value = html.slice(position + 1, close);
        position = close + 1;
      } else {
        UNQUOTED_VALUE.lastIndex = position;
        if (!UNQUOTED_VALUE.test(html)) return undefined;
        value = html.slice(position, UNQUOTED_VALUE.lastIndex);
        position = UNQUOTED_VALUE.lastIndex;
      }
    }
    if (wanted.has(attributeName) && attributes[attributeName] === undefined) attributes[attributeName] = value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
}

/** HTML's whitespace: space, line feed, tab, carriage return, form feed. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

/** The first position from `from` that is not HTML whitespace. */
function skipSpace(html: string, from: number): number {
  let at = from;
  while (isSpace(html.charCodeAt(at))) at++;
  return at;
}

/** Names as written are nearly always lower case already: no new string then. */
function lowerCase(name: string): string {
  return /[A-Z]/.test(name) ? name.toLowerCase() : name;
}

/** Where the end tag of a raw text element starts (`</script`), or -1. */
function endOfRawText(html: string, from: number, name: string): number {
  const lower = `</${name}`;
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at, at + lower.length).toLowerCase() !== lower) continue;
    const after = html.charCodeAt(at + lower.length);
    // htmlparser2 ends raw text at `</name` followed by whitespace, `/` or `>`.
    if (after === 0x3e || after === 0x2f || isSpace(after)) return at;
  }
  return -1;
}

/** The end of a comment (`<!-- … -->`) or doctype (`<!doctype html>`) at `at`, or -1 for anything else (CDATA, bogus comments). */
function endOfDeclaration(html: string, at: number): number {
  if (html.startsWith('<!--', at)) {
    // `<!-->` and `<!--->` end at once in HTML; `--!>` ends a comment too: left to htmlparser2.
    if (html.startsWith('>', at + 4) || html.startsWith('->', at + 4)) return -1;
    const close = html.indexOf('-->', at + 4);
    if (close === -1) return -1;
    const bang = html.indexOf('--!>', at + 4);
    if (bang !== -1 && bang < close) return -1;
    return close + 3;
  }
  if (html.slice(at + 2, at + 9).toLowerCase() === 'doctype') {
    const close = html.indexOf('>', at);
    return close === -1 ? -1 : close + 1;
  }
  return -1;
}
