/**
 * The limits the content check enforces, each checked before the work it protects (reading a
 * file, parsing its YAML or Markdown, building pages), so that oversized or hostile input is
 * refused in seconds with one positioned message instead of exhausting memory or the stack
 * later in the build. content/README.md lists them with the reason for each value; to raise
 * one, change it here (one place: the check and the build read the same module) and run the
 * build tests.
 */
export const CONTENT_LIMITS = {
  /** Bytes in one content file (a version, index.md, a direction, tombstones.yaml). */
  fileBytes: 4 * 1024 * 1024,
  /** Clauses (numbered clauses, sub-paragraphs, rows) in one version. */
  clauses: 10_000,
  /** Markdown containers (lists, block quotes) nested inside one another, counted before parsing. */
  nesting: 32,
  /** Elements nested inside one another in one clause once parsed (a list level is two: list and item). */
  elementDepth: 80,
  /** Segments of a clause number: `1.2.3.4` has four. */
  clauseNumberSegments: 12,
  /** UTF-8 bytes in a clause id (its anchor and, for history pages, part of a file name). */
  slugBytes: 120,
  /** Characters in a document or direction id, or a version number. */
  idLength: 64,
  /** YAML aliases (`*name`) in one file's front matter or in tombstones.yaml. */
  yamlAliases: 100,
  /** Entries in tombstones.yaml. */
  tombstones: 50_000,
} as const;

/** The name of a limit, as content/README.md lists it. */
export type ContentLimit = keyof typeof CONTENT_LIMITS;

/** The hint every refusal ends with: where the limit is set. */
export function raiseHint(limit: ContentLimit): string {
  return `the limit (${limit} = ${CONTENT_LIMITS[limit]}) is set in src/content/content-limits.ts: see content/README.md before raising it`;
}
