/**
 * The one grammar of cross-references in clause text: "Clause 8.6", "clauses 5.4 to 5.7",
 * "Section 8", "paragraph 4.2(b)", "Section H14.36A", a bare SEC number "X2.4(b)", "Annex A",
 * "Appendix AM", each optionally naming the document it points into ("of the Code", "of
 * Appendix AM", "of the SMETS1 Supporting Requirements"). Used to link references on the
 * version page, to warn about references that lead nowhere, and (through
 * src/compare/cross-references.ts) to tell renumbering from real change.
 */

/** A clause number as text refers to it: `5.7`, `4.12A`, `H14.36A`, `18.4(a)`, `18.4 (a)(ii)`. */
const NUMBER = String.raw`(?:[A-Z]{1,2}\d+|\d+)(?:\.\d+[A-Z]{0,2})*(?:\s?\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\))*(?![\p{L}\p{N}])`;
/** Sections may also be lettered: "Section E". */
const SECTION_LETTER = String.raw`[A-Z](?![\p{L}\p{N}])`;
/** Annexes and appendices are lettered: "Annex A", "Appendix AM". */
const LETTERS = String.raw`[A-Z]{1,2}\d{0,2}(?![\p{L}\p{N}])`;
const JOIN = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+)`;
const CLAUSE_WORD = '(?:[Cc]lauses?|[Pp]aragraphs?|[Aa]rticles?|[Ss]ub-?clauses?)';
const SECTION_WORD = '(?:[Ss]ections?|[Pp]arts?|[Ss]chedules?)';
const ANNEX_WORD = '(?:Annex(?:es)?|Appendix|Appendices)';
/** An SEC number written without a word in front: `H14.36A`, `X2.4(b)` (a letter prefix and a dot, so no plain decimal is caught). */
const BARE_SEC = String.raw`(?<![\p{L}\p{N}.])[A-Z]{1,2}\d+\.\d+[A-Z]{0,2}(?:\.\d+[A-Z]{0,2})*(?:\s?\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\))*(?![\p{L}\p{N}])`;

const REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<clause>${CLAUSE_WORD}\s+${NUMBER}(?:${JOIN}${NUMBER})*)` +
    String.raw`|(?<![\p{L}\p{N}])(?<section>${SECTION_WORD}\s+(?:${NUMBER}|${SECTION_LETTER})(?:${JOIN}(?:${NUMBER}|${SECTION_LETTER}))*)` +
    String.raw`|(?<![\p{L}\p{N}])(?<annex>${ANNEX_WORD}\s+${LETTERS}(?:${JOIN}${LETTERS})*)` +
    `|(?<bare>${BARE_SEC})`,
  'gu',
);
const NUMBER_IN_REFERENCE = new RegExp(String.raw`(?<=\s|^)(?:${NUMBER}|${SECTION_LETTER})`, 'gu');
const LETTERS_IN_REFERENCE = new RegExp(String.raw`(?<=\s|^)${LETTERS}`, 'gu');

/**
 * What may follow a reference to say which document it is in: an optional bracketed title
 * ("Section A (Definitions and Interpretation)"), then "of"/"to"/"in" and the Code, this
 * document, an appendix or annex, or ("of" only) a capitalised document title.
 */
const DOCUMENT_AFTER = new RegExp(
  String.raw`^(?:\s*\([^()]{1,80}\))?\s+(?:(?:of|to|in)\s+(?<fixed>the Code|the SEC|the Smart Energy Code|this [Dd]ocument|this Appendix|${ANNEX_WORD}\s+${LETTERS})|of\s+the\s+(?<title>[A-Z][\p{L}\p{N}-]*(?:\s+(?:[A-Z0-9][\p{L}\p{N}-]*|and|to|of))*))`,
  'u',
);

/** What a reference points at: a clause (or paragraph), a section, or an annex/appendix (a document). */
export type ReferenceKind = 'clause' | 'section' | 'annex';

/** One number or letter a reference names, where it is written. */
export interface ReferenceTarget {
  /** Offsets in the text: first character, and one past the last. */
  start: number;
  end: number;
  /** Normalised as clause numbers are (`18.4(a)`: no spaces); for an annex, prefixed with its word (`Annex A`, `Appendix AM`). */
  number: string;
}

/** A cross-reference found in text. */
export interface TextReference {
  /** The whole reference, from its word to its last number. */
  start: number;
  end: number;
  kind: ReferenceKind;
  /** The word in front as written (`Clauses`), or `` for a bare SEC number. */
  word: string;
  /** Each number named: a range ("5.4 to 5.7") names both ends. */
  targets: ReferenceTarget[];
  /** The document the text says it is in ("the Code", "Appendix AM", "SMETS1 Supporting Requirements"), when it says. */
  document?: string;
}

/** Normalises a number as written in text (`18.4 (a)`) to the form clause numbers take (`18.4(a)`). */
function normalizeNumber(written: string): string {
  return written.replace(/\s+/g, '');
}

/** The word of an annex reference in the singular, as documents' SEC references write it. */
function annexWord(word: string): string {
  return /^Annex/.test(word) ? 'Annex' : 'Appendix';
}

/** Every cross-reference in a text, in order. */
export function findTextReferences(text: string): TextReference[] {
  const found: TextReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const offset = match.index ?? 0;
    const groups = match.groups ?? {};
    const kind: ReferenceKind | 'bare' = groups.clause ? 'clause' : groups.section ? 'section' : groups.annex ? 'annex' : 'bare';
    const end = offset + match[0].length;
    let targets: ReferenceTarget[];
    let word = '';
    if (kind === 'bare') {
      targets = [{ start: offset, end, number: normalizeNumber(match[0]) }];
    } else {
      // Skip the leading word ("Clauses") so its letters are not read as a section letter.
      word = /^\S+/.exec(match[0])?.[0] ?? '';
      const body = match[0].slice(word.length);
      const pattern = kind === 'annex' ? LETTERS_IN_REFERENCE : NUMBER_IN_REFERENCE;
      targets = [...body.matchAll(pattern)].map((number) => {
        const start = offset + word.length + (number.index ?? 0);
        const written = normalizeNumber(number[0]);
        return { start, end: start + number[0].length, number: kind === 'annex' ? `${annexWord(word)} ${written}` : written };
      });
    }
    const after = DOCUMENT_AFTER.exec(text.slice(end));
    const document = after?.groups?.fixed ?? after?.groups?.title;
    found.push({ start: offset, end, kind: kind === 'bare' ? 'clause' : kind, word, targets, ...(document ? { document: document.replace(/\s+/g, ' ') } : {}) });
  }
  return found;
}
