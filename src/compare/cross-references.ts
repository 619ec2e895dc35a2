/**
 * Cross-references inside clause text ("Clause 5.7", "Clauses 2.3(a) and 2.4", "Section E")
 * and the renumbering that makes some of them change without any change of meaning. The
 * grammar is src/parse/find-references.ts.
 */
import { findTextReferences } from '#parse/find-references.ts';

/** Where one clause number sits in a text, inside a cross-reference. */
export interface ReferenceSpan {
  /** Offset of the first character, and one past the last. */
  start: number;
  end: number;
  /** The number as normalised clause numbers are (`18.4(a)`: no spaces). */
  number: string;
}

/** A word every reference {@link findReferences} keeps starts with ("Clause", "sub-clauses", "Paragraph", "Article", "Section", "Part", "Schedule"), anywhere in a text. */
const REFERENCE_WORD = /[Cc]lause|[Pp]aragraph|[Aa]rticle|[Ss]ection|[Pp]art|[Ss]chedule/;

/**
 * Every clause number that a cross-reference in the text names with its word ("Clause",
 * "Sections"), in order. Annexes and bare SEC numbers are left out: renumbering is read from
 * clauses and sections only, so comparisons stay as they were before annexes were linked.
 */
export function findReferences(text: string): ReferenceSpan[] {
  // Most texts name no clause or section: the words the grammar needs are looked for first, so
  // those texts skip its full search (the result is the same: no word, no reference).
  if (!REFERENCE_WORD.test(text)) return [];
  return findTextReferences(text)
    .filter((reference) => reference.kind !== 'annex' && reference.word !== '')
    .flatMap((reference) => reference.targets);
}

/**
 * Rewrites the cross-references of an old text to the numbers their targets have in the new
 * version. When the result equals the new text, every change between the two was consequential.
 */
export function mapReferences(text: string, renumbered: ReadonlyMap<string, string>): string {
  if (renumbered.size === 0) return text;
  let out = '';
  let last = 0;
  for (const span of findReferences(text)) {
    const target = renumbered.get(span.number);
    if (target === undefined) continue;
    // Keep the way the text writes it ("18.4 (a)" stays spaced) so only the number differs.
    const written = text.slice(span.start, span.end);
    const spaced = /\s\(/.test(written) ? target.replace('(', ' (') : target;
    out += text.slice(last, span.start) + spaced;
    last = span.end;
  }
  return out + text.slice(last);
}
