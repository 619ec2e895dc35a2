import { findTextReferences } from '#parse/find-references.ts';
import { linkableContent, linkableTexts } from '#parse/linkable-text.ts';
import { type ReferableDocument, resolveReference } from '#parse/resolve-reference.ts';
import type { CheckContext } from './cross-checks.ts';

/**
 * Every cross-reference in a version's clauses ("Clause 8.6", "Sections 2 to 7", "Annex A")
 * leads to a clause or document on the site, or names a document that is not on it (the
 * Code). One that leads nowhere stays text on the page; this warns about it, at its clause.
 * Headings, rows' first cells and text already in a link are not linked, so not checked.
 */
export function referencesResolve({ records, sink }: CheckContext): void {
  const documents: ReferableDocument[] = [...records.documents.values()].map((document) => ({ ...document, versions: records.versions.get(document.id) ?? [] }));
  for (const document of documents) {
    for (const version of records.versions.get(document.id) ?? []) {
      const scope = { document, version, documents };
      for (const clause of version.clauses) {
        for (const text of linkableTexts(linkableContent(clause))) {
          for (const reference of findTextReferences(text)) {
            // One warning per reference, however many of its numbers lead nowhere ("Sections 8 to 17").
            const reasons = reference.targets.flatMap((target) => {
              const resolved = resolveReference(reference, target, scope);
              return resolved.kind === 'unresolved' ? [resolved.reason] : [];
            });
            if (reasons.length > 0) {
              const written = text.slice(reference.start, reference.end);
              sink.warn(
                version.file,
                clause.start,
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
