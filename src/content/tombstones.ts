import { isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'astro/zod';
import type { ContentProblem } from '#model/content-problem.ts';

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

/**
 * Reads `tombstones.yaml`: a list of `{ url, reason, goTo }`. Problems name the file and line.
 */
export function loadTombstones(file: string, text: string): { tombstones: Tombstone[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problem = (line: number, message: string, hint: string) => problems.push({ file, line, column: 1, severity: 'error', message, hint });
  for (const error of doc.errors) problem(lineOf(error.pos[0]), `invalid YAML: ${error.message.split('\n')[0]}`, 'each entry is "- url: …" then "  reason: …" and "  goTo: …"');
  if (doc.errors.length > 0) return { tombstones: [], problems };
  if (doc.contents !== null && !isSeq(doc.contents)) {
    problem(1, 'tombstones must be a list', 'start each entry with "- url: "');
    return { tombstones: [], problems };
  }
  const tombstones: Tombstone[] = [];
  const seen = new Map<string, number>();
  (doc.contents?.items ?? []).forEach((item, index) => {
    const line = lineOf(isNode(item) ? item.range?.[0] : undefined);
    const parsed = entrySchema.safeParse((doc.toJS() as unknown[])[index]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        problem(line, `tombstone ${index + 1}: ${field ? `${field}: ` : ''}${issue.code === 'invalid_type' ? 'missing or not text' : issue.message}`, 'each entry needs url, reason and goTo');
      }
      return;
    }
    const { url, reason, goTo } = parsed.data;
    const first = seen.get(url);
    if (first !== undefined) {
      problem(line, `two tombstones for ${url} (first at line ${first})`, 'keep one');
      return;
    }
    seen.set(url, line);
    const hash = url.indexOf('#');
    let anchor: string | undefined;
    if (hash >= 0) {
      try {
        anchor = decodeURIComponent(url.slice(hash + 1));
      } catch {
        problem(line, `tombstone ${url} has a malformed %-escape`, 'write the anchor as it appears in the address bar');
        return;
      }
    }
    tombstones.push({ url, page: hash >= 0 ? url.slice(0, hash) : url, ...(anchor !== undefined ? { anchor } : {}), reason, goTo, line });
  });
  return { tombstones, problems };
}
