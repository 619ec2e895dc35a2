import type { Clause } from '#model/clause.ts';
import { definedTerms } from '#parse/defined-terms.ts';

/**
 * For a comparison, the note each defining clause of the new version carries when a term it
 * defines reads differently from the old version's definition: "definition of “UTRN Cutover
 * Period” changed in v6.0". Keyed by the new clause's slug; several terms share one note.
 * A term defined only in the new version is left to its row, which already says "inserted".
 */
export function definitionNotes(before: readonly Clause[], after: readonly Clause[], toLabel: string): Map<string, string> {
  const old = new Map(definedTerms(before).map((t) => [t.term, t.clause.text]));
  const terms = new Map<string, string[]>();
  for (const { term, clause } of definedTerms(after)) {
    const was = old.get(term);
    if (was === undefined || was === clause.text) continue;
    terms.set(clause.slug, [...(terms.get(clause.slug) ?? []), term]);
  }
  const notes = new Map<string, string>();
  for (const [slug, list] of terms) {
    const names = list.map((t) => `“${t}”`).join(', ');
    notes.set(slug, `${list.length === 1 ? 'definition' : 'definitions'} of ${names} changed in ${toLabel}`);
  }
  return notes;
}
