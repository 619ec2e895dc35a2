import { isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'astro/zod';
import type { ContentProblem } from '#model/content-problem.ts';
import { CONTENT_LIMITS, raiseHint } from './content-limits.ts';
import { yamlData } from './read-front-matter.ts';
import { codePoint, forbiddenCharacter } from './scan-text.ts';

/**
 * A published URL the site no longer has, with why and where to go instead. A page URL
 * (`/tmad/v6.1/`) gets a page of its own saying so; a clause anchor (`/tmad/v6.0/#8.6`) gets a
 * note with that id at the foot of its page, so the link still lands somewhere that explains.
 */
export interface Tombstone {
  /** The URL as published: `/tmad/v6.1/` or `/tmad/v6.0/#8.6`. */
  url: string;
  /** Its page: `/tmad/v6.0/`. */
  page: string;
  /** Its clause anchor, decoded, when it is one: `8.6`. */
  anchor?: string;
  /** Why it went, in a sentence. */
  reason: string;
  /** Where to go instead: a URL on this site (`/tmad/v6.0/#8.7`) or an absolute one. */
  goTo: string;
  /** Where it is written in the tombstones file. */
  line: number;
}

/** A page path with its trailing slash (never the home page), optionally with a `#anchor`. */
const URL_PATTERN = /^\/[^\s#?]+\/(?:#\S+)?$/;

const entrySchema = z.strictObject({
  url: z.string().regex(URL_PATTERN, 'write the URL as published, from the first slash: /tmad/v6.1/ or /tmad/v6.0/#8.6'),
  reason: z.string().min(1, 'say why the URL was removed'),
  goTo: z.string().regex(/^(?:\/|https:\/\/)\S*$/, 'a URL on this site (/tmad/v6.0/) or an absolute https:// one'),
});

const ENTRY_HINT = 'each entry is "- url: …" then "  reason: …" and "  goTo: …"';

type Report = (line: number, message: string, hint: string) => void;

/**
 * Reads `tombstones.yaml`: a list of `{ url, reason, goTo }`. Problems name the file and line.
 * `reserved` holds the site's own top-level folders (see src/node/site-folders.ts): a tombstone
 * there would replace what the build writes.
 */
export function loadTombstones(file: string, text: string, reserved: ReadonlySet<string> = new Set()): { tombstones: Tombstone[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problem: Report = (line, message, hint) => problems.push({ file, line, column: 1, severity: 'error', message, hint });
  for (const error of doc.errors) problem(lineOf(error.pos[0]), `invalid YAML: ${error.message.split('\n')[0]}`, ENTRY_HINT);
  if (doc.errors.length > 0) return { tombstones: [], problems };
  if (doc.contents !== null && !isSeq(doc.contents)) {
    problem(1, 'tombstones must be a list', 'start each entry with "- url: "');
    return { tombstones: [], problems };
  }
  const items = doc.contents?.items ?? [];
  const beyond = items[CONTENT_LIMITS.tombstones];
  if (beyond) {
    problem(
      lineOf(isNode(beyond) ? beyond.range?.[0] : undefined),
      `more than ${CONTENT_LIMITS.tombstones} tombstones`,
      `merge tombstones of one page into one for the page; ${raiseHint('tombstones')}`,
    );
    return { tombstones: [], problems };
  }
  // Converted once: converting the whole document per entry made a long file quadratic.
  const values = yamlData(file, doc, (offset) => ({ line: lineOf(offset), column: 1 }), problems);
  if (!Array.isArray(values)) return { tombstones: [], problems };
  const tombstones: Tombstone[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const line = lineOf(isNode(item) ? item.range?.[0] : undefined);
    const tombstone = readEntry(values[index], index, line, reserved, problem);
    if (!tombstone) return;
    const first = seen.get(tombstone.url);
    if (first !== undefined) {
      problem(line, `two tombstones for ${tombstone.url} (first at line ${first})`, 'keep one');
      return;
    }
    seen.set(tombstone.url, line);
    tombstones.push(tombstone);
  });
  return { tombstones, problems };
}

/** One entry, checked; undefined (reported) when it is not valid. */
function readEntry(value: unknown, index: number, line: number, reserved: ReadonlySet<string>, problem: Report): Tombstone | undefined {
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      problem(
        line,
        `tombstone ${index + 1}: ${field ? `${field}: ` : ''}${issue.code === 'invalid_type' ? 'missing or not text' : issue.message}`,
        'each entry needs url, reason and goTo',
      );
    }
    return undefined;
  }
  const { url, reason, goTo } = parsed.data;
  const wrong = entryProblem(url, reason, goTo, reserved);
  if (wrong) {
    problem(line, `tombstone ${index + 1}: ${wrong[0]}`, wrong[1]);
    return undefined;
  }
  const hash = url.indexOf('#');
  let anchor: string | undefined;
  if (hash >= 0) {
    try {
      anchor = decodeURIComponent(url.slice(hash + 1));
    } catch {
      problem(line, `tombstone ${url} has a malformed %-escape`, 'write the anchor as it appears in the address bar');
      return undefined;
    }
  }
  return { url, page: hash >= 0 ? url.slice(0, hash) : url, ...(anchor !== undefined ? { anchor } : {}), reason, goTo, line };
}

/** What is wrong with a well-formed entry, as message and hint. */
function entryProblem(url: string, reason: string, goTo: string, reserved: ReadonlySet<string>): [string, string] | undefined {
  // Browsers read `//host/…` and `/\host/…` as addresses on another site.
  if (/^\/[/\\]/.test(goTo) || goTo.includes('\\')) {
    return [`goTo ${JSON.stringify(goTo)} leads to another site`, 'write a path on this site (/tmad/v6.0/), or the full https:// address of the other site'];
  }
  const top = url.split('/')[1] ?? '';
  if (reserved.has(top)) return [`url ${url} is in /${top}/, which the build writes itself`, 'a tombstone there would replace part of the site: check the URL'];
  const bad = [url, reason, goTo].map(forbiddenCharacter).find((c) => c !== undefined);
  if (bad) return [`character ${codePoint(bad)} is not allowed (XML 1.0 forbids it)`, 'remove the escape (\\u…, \\x…) that writes it'];
  return undefined;
}
