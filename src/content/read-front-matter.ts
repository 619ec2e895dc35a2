import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { SourcePoint } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import { CONTENT_LIMITS, raiseHint } from './content-limits.ts';
import { codePoint, forbiddenCharacter } from './scan-text.ts';

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/** A content file split into its YAML front matter and Markdown body. */
export interface FrontMatterFile {
  /** The parsed front matter (unvalidated), or undefined when there is none or it is broken. */
  data: unknown;
  /** The Markdown body, with line endings normalised to `\n` and any byte-order mark removed. */
  body: string;
  /** How many lines of the file come before the body. */
  bodyOffset: number;
  /** Where a front-matter field (by path) is written; the opening `---` when absent. */
  locate(path: ReadonlyArray<PropertyKey>): SourcePoint;
  problems: ContentProblem[];
}

/**
 * Decodes a file's bytes as UTF-8, refusing invalid sequences (a Word export saved as
 * Windows-1252, say) with the line where the first bad byte is.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string; problems: ContentProblem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    let line = 1;
    let column = 1;
    let at = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (; at < bytes.length; at++) {
      const byte = bytes[at] as number;
      const width = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
      try {
        if (width === 0) throw new Error('continuation byte');
        decoder.decode(bytes.subarray(at, at + width));
      } catch {
        break;
      }
      if (byte === 0x0a) {
        line++;
        column = 1;
      } else {
        column++;
      }
      at += width - 1;
    }
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      problems: [
        {
          file,
          line,
          column,
          severity: 'error',
          message: `invalid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')})`,
          hint: 'save the file as UTF-8; text pasted from Word is often Windows-1252',
        },
      ],
    };
  }
}

/**
 * Splits `---` YAML front matter from the Markdown body. A byte-order mark and CRLF line
 * endings are accepted. Problems point at the file and line.
 */
export function readFrontMatter(file: string, source: string): FrontMatterFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: ContentProblem[] = [];
  const top: SourcePoint = { line: 1, column: 1 };
  const opening = /^---[ \t]*\n/.exec(text);
  const closing = opening ? /^---[ \t]*$/m.exec(text.slice(opening[0].length)) : null;
  if (!opening || !closing) {
    problems.push({
      file,
      ...top,
      severity: 'error',
      message: opening ? 'front matter is not closed' : 'missing front matter',
      hint: opening ? 'end the front matter with a line containing only ---' : 'start the file with a --- line, the fields (title: …), and another --- line',
    });
    return { data: undefined, body: opening ? '' : text, bodyOffset: 0, locate: () => top, problems };
  }
  const yamlStart = opening[0].length;
  // A copy, not a slice: the fields' values are cut from the YAML text, and a slice of the whole
  // file would keep the whole version's text alive as long as any field (a direction's id) is held.
  const yamlText = UTF8_DECODER.decode(UTF8_ENCODER.encode(text.slice(yamlStart, yamlStart + closing.index)));
  const afterClosing = yamlStart + closing.index + closing[0].length;
  const body = text.slice(afterClosing).replace(/^\n/, '');
  const bodyOffset = text.slice(0, text.length - body.length).split('\n').length - 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pointAt = (offset: number): SourcePoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  for (const error of doc.errors) {
    problems.push({
      file,
      ...pointAt(error.pos[0]),
      severity: 'error',
      message: `invalid front matter: ${error.message.split('\n')[0]}`,
      hint: 'front matter is YAML: one "field: value" per line; quote values containing ": " or starting with special characters',
    });
  }
  const locate = (path: ReadonlyArray<PropertyKey>): SourcePoint => {
    const node = find(doc, path);
    return node?.range ? pointAt(node.range[0]) : top;
  };
  const data = doc.errors.length > 0 ? undefined : yamlData(file, doc, pointAt, problems);
  const bad = data === undefined ? undefined : forbiddenIn(data, []);
  if (bad) {
    problems.push({
      file,
      ...locate(bad.path),
      severity: 'error',
      message: `character ${codePoint(bad.char)} is not allowed in a field (XML 1.0 forbids it)`,
      hint: 'remove the escape (\\u…, \\x…) that writes it, or write the character you meant',
    });
    return { data: undefined, body, bodyOffset, locate, problems };
  }
  return { data, body, bodyOffset, locate, problems };
}

/**
 * The YAML's value, or undefined (with one problem at the first alias) when its aliases expand
 * beyond the limit: a few lines of anchors and aliases can otherwise stand for billions of nodes.
 */
export function yamlData(file: string, doc: Document, pointAt: (offset: number) => SourcePoint, problems: ContentProblem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: CONTENT_LIMITS.yamlAliases }) ?? {};
  } catch (error) {
    let first: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first ??= node.range?.[0];
        return visit.BREAK;
      },
    });
    problems.push({
      file,
      ...(first === undefined ? { line: 1, column: 1 } : pointAt(first)),
      severity: 'error',
      message: `YAML aliases (*name) expand to too many values (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      hint: `write the values out instead of repeating them through anchors (&name) and aliases (*name); ${raiseHint('yamlAliases')}`,
    });
    return undefined;
  }
}

/** The path to the first string (or key) in a value holding a character XML 1.0 forbids. */
function forbiddenIn(value: unknown, path: PropertyKey[]): { path: PropertyKey[]; char: string } | undefined {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      const char = forbiddenCharacter(item.value);
      if (char) return { path: item.path, char };
    } else if (Array.isArray(item.value)) {
      for (const [i, child] of item.value.entries()) stack.push({ value: child, path: [...(item?.path ?? []), i] });
    } else if (item.value !== null && typeof item.value === 'object' && !(item.value instanceof Date)) {
      for (const [key, child] of Object.entries(item.value)) {
        const char = forbiddenCharacter(key);
        if (char) return { path: [...item.path, key], char };
        stack.push({ value: child, path: [...item.path, key] });
      }
    }
  }
  return undefined;
}

/** The deepest YAML node along a path: the key for a map entry (so the line shows the field name). */
function find(doc: Document, path: ReadonlyArray<PropertyKey>): YamlNode | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = doc.contents ?? undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      found = (isScalar(pair.key) ? pair.key : found) as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      found = item as YamlNode;
      node = item;
    } else {
      break;
    }
  }
  return found;
}
