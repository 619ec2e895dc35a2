import { findTextReferences } from '#parse/find-references.ts';
import { linkableContent, linkableTexts } from '#parse/linkable-text.ts';
import { type ReferableDocument, resolveReference } from '#parse/resolve-reference.ts';
import type { Clause, SourcePoint } from '#model/clause.ts';
import type { CheckContext } from './cross-checks.ts';
import type { FrontMatterFile } from './read-front-matter.ts';

/**
 * Where a reference is written in the file: clause text has its whitespace collapsed, so the
 * reference is looked for in the clause's lines with any whitespace between its words. The
 * clause's start when it cannot be found (inside markup, say).
 */
function locate(front: FrontMatterFile | undefined, clause: Clause, written: string, occurrence: number): SourcePoint {
  if (!front) return clause.start;
  const first = clause.start.line - front.bodyOffset - 1;
  const lines = front.body.split('\n').slice(first, clause.end.line - front.bodyOffset);
  const pattern = new RegExp(
    written
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+') + String.raw`(?![\p{L}\p{N}]|\.\d|\s?\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\))`,
    'gu',
  );
  // Not the start of a longer number ("Section 8" in "Section 8.1(a)"); the same reference written twice in a clause: the nth warning is at the nth place.
  const at = [...lines.join('\n').matchAll(pattern)][occurrence];
  if (!at) return clause.start;
  const before = lines.join('\n').slice(0, at.index).split('\n');
  const line = clause.start.line + before.length - 1;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column };
}

/**
 * Every cross-reference in a version's clauses ("Clause 8.6", "Sections 2 to 7", "Annex A")
 * leads to a clause or document on the site, or names a document that is not on it (the
 * Code). One that leads nowhere stays text on the page; this warns about it, where it is written.
 * Headings, rows' first cells and text already in a link are not linked, so not checked.
 */
export function referencesResolve({ records, sink }: CheckContext): void {
  const fronts = new Map([...records.versionEntries].map(([draft, entry]) => [draft, entry.front]));
  const documents: ReferableDocument[] = [...records.documents.values()].map((document) => ({ ...document, versions: records.versions.get(document.id) ?? [] }));
  for (const document of documents) {
    for (const version of records.versions.get(document.id) ?? []) {
      const scope = { document, version, documents };
      for (const clause of version.clauses) {
        const seen = new Map<string, number>();
        for (const text of linkableTexts(linkableContent(clause))) {
          for (const reference of findTextReferences(text)) {
            // One warning per reference, however many of its numbers lead nowhere ("Sections 8 to 17").
            const reasons = reference.targets.flatMap((target) => {
              const resolved = resolveReference(reference, target, scope);
              return resolved.kind === 'unresolved' ? [resolved.reason] : [];
            });
            if (reasons.length > 0) {
              const written = text.slice(reference.start, reference.end);
              const occurrence = seen.get(written) ?? 0;
              seen.set(written, occurrence + 1);
              sink.warn(
                version.file,
                locate(fronts.get(version), clause, written, occurrence),
                `cross-reference "${written}" in ${clause.number ?? clause.slug} leads nowhere: ${reasons.join('; ')}`,
                'correct the number, or add "of the Code" (or the document it is in) if it points outside this document; it is shown as plain text until then',
              );
            }
          }
        }
      }
    }
  }
}
