/**
 * Cross-references inside clause text ("Clause 5.7", "Clauses 2.3(a) and 2.4", "Section E")
 * and the renumbering that makes some of them change without any change of meaning.
 */

/** A clause number as text refers to it: `5.7`, `4.12A`, `H14.36A`, `18.4(a)`, `18.4 (a)(ii)`. */
const NUMBER = String.raw`(?:[A-Z]{1,2}\d+|\d+)(?:\.\d+[A-Z]{0,2})*(?:\s?\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\))*(?![\p{L}\p{N}])`;
/** Sections may also be lettered: "Section E". */
const SECTION_LETTER = String.raw`[A-Z](?![\p{L}\p{N}])`;
const JOIN = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+)`;
const CLAUSE_WORD = '(?:[Cc]lauses?|[Pp]aragraphs?|[Aa]rticles?|[Ss]ub-?clauses?)';
const SECTION_WORD = '(?:[Ss]ections?|[Pp]arts?|[Ss]chedules?)';

/** "Clause 5.7", "Clauses 5.4 and 5.5", "Section E", "Sections 3 to 5". */
const REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${CLAUSE_WORD}\s+${NUMBER}(?:${JOIN}${NUMBER})*|${SECTION_WORD}\s+(?:${NUMBER}|${SECTION_LETTER})(?:${JOIN}(?:${NUMBER}|${SECTION_LETTER}))*)`,
  'gu',
);
const NUMBER_IN_REFERENCE = new RegExp(String.raw`(?<=\s|^)(?:${NUMBER}|${SECTION_LETTER})`, 'gu');

/** Where one clause number sits in a text, inside a cross-reference. */
export interface ReferenceSpan {
  /** Offset of the first character, and one past the last. */
  start: number;
  end: number;
  /** The number as normalised clause numbers are (`18.4(a)`: no spaces). */
  number: string;
}

/** Normalises a number as written in text (`18.4 (a)`) to the form clause numbers take (`18.4(a)`). */
function normalizeReference(written: string): string {
  return written.replace(/\s+/g, '');
}

/** Every clause number that a cross-reference in the text names, in order. */
export function findReferences(text: string): ReferenceSpan[] {
  const spans: ReferenceSpan[] = [];
  for (const reference of text.matchAll(REFERENCE)) {
    const offset = reference.index ?? 0;
    // Skip the leading word ("Clauses") so its letters are not read as a section letter.
    const words = /^\S+/.exec(reference[0])?.[0].length ?? 0;
    const body = reference[0].slice(words);
    for (const number of body.matchAll(NUMBER_IN_REFERENCE)) {
      const start = offset + words + (number.index ?? 0);
      spans.push({ start, end: start + number[0].length, number: normalizeReference(number[0]) });
    }
  }
  return spans;
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
