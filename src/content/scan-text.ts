/**
 * Checks of a content file's text made before it is parsed, each cheap and linear: characters
 * XML 1.0 does not allow (feeds and the search index are XML or choke on them), Markdown
 * containers nested too deep, and too many clauses. The Markdown parser and the renderers
 * recurse per level and hold every clause at once, so these are refused before they run.
 */
import type { SourcePoint } from '#model/clause.ts';
import { CONTENT_LIMITS } from './content-limits.ts';

/** A character XML 1.0 forbids: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; a lone surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** A character as a message names it: `U+FFFE`. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character XML 1.0 forbids in a string, if any. */
export function forbiddenCharacter(text: string): string | undefined {
  return FORBIDDEN.exec(text)?.[0];
}

/** Where the first character XML 1.0 forbids is in a text, what it is, and how many there are. */
export function findForbiddenCharacter(text: string): { at: SourcePoint; char: string; count: number } | undefined {
  const first = FORBIDDEN.exec(text);
  if (!first) return undefined;
  return { at: pointAt(text, first.index), char: first[0], count: text.match(FORBIDDEN_ALL)?.length ?? 1 };
}

/** A list item (`-`, `*`, `+`, `1.`, `1)`) or block quote marker at the start of what is left of a line. */
const CONTAINER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * How deep a line's Markdown containers go, estimated from above without parsing: the list and
 * quote markers it opens, plus its indentation in steps of two columns (a nested list item is
 * indented under its parent's text by at least two).
 */
function lineNesting(line: string): number {
  let rest = line;
  let indent = 0;
  let markers = 0;
  for (;;) {
    const spaces = /^[ \t]*/.exec(rest)?.[0] ?? '';
    indent += [...spaces].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);
    rest = rest.slice(spaces.length);
    const marker = CONTAINER.exec(rest);
    if (!marker) break;
    markers++;
    rest = rest.slice(marker[0].length);
  }
  return markers + Math.floor(indent / 2);
}

/** The first line (1-based, in `text`) whose containers nest deeper than the limit, with its depth. */
export function tooDeep(text: string, limit: number = CONTENT_LIMITS.nesting): { line: number; depth: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const depth = lineNesting(lines[i] ?? '');
    if (depth > limit) return { line: i + 1, depth };
  }
  return undefined;
}

/** A line that may start a clause: a heading, a numbered or lettered paragraph, or a table row. */
const CLAUSE_START = /^[ \t]{0,3}(?:#{1,6}[ \t]|\|)|^[ \t]*(?:[>*+-][ \t]+)*(?:\d+(?:\.\d+)*[A-Z]?[.)]?|\((?:[a-z]{1,4}|\d{1,3})\)|[a-z]{1,4}[.)])[ \t]/;

/**
 * The line (1-based, in `text`) at which the lines that may start a clause pass the limit: an
 * estimate from above of the clauses a text holds, made without parsing it.
 */
export function tooManyClauses(text: string, limit: number = CONTENT_LIMITS.clauses): number | undefined {
  let count = 0;
  let line = 1;
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end;
    if (CLAUSE_START.test(text.slice(at, Math.min(next, at + 40))) && ++count > limit) return line;
    at = next + 1;
    line++;
  }
  return undefined;
}

function pointAt(text: string, index: number): SourcePoint {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

/** Whether a version's Markdown body is within the limits the parser needs (nesting, clauses): check before parsing it anywhere. */
export function parsableWithinLimits(body: string): boolean {
  return tooDeep(body) === undefined && tooManyClauses(body) === undefined;
}
