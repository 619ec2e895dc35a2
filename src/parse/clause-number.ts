/**
 * Clause numbers as SEC documents write them, and the anchor slugs derived from them.
 *
 * Forms read: decimal numbers (`2.3`, `18.4`, `18`), a letter suffix for clauses inserted later
 * (`4.12A`), Section-letter numbers of the main SEC (`H14.36A`, `A3.35`), lettered sections
 * (`A.`), and sub-paragraph suffixes with or without a space (`X2.4(b)`, `F1.4 (e)`,
 * `4.12 (b)`, `18.4(a)(ii)`).
 */

/** A clause number split into its parts. */
export interface ClauseNumber {
  /** Exactly as written, e.g. `F1.4 (e)`. */
  raw: string;
  /** Without spaces or a trailing dot, e.g. `F1.4(e)`. Two clauses with the same normalised number are duplicates. */
  normalized: string;
  /** The dotted part, e.g. `F1.4`. */
  base: string;
  /** The dotted part split at dots, e.g. `["F1", "4"]`. */
  segments: string[];
  /** Sub-paragraph labels in brackets, e.g. `["e"]`. */
  subs: string[];
}

const SUB = String.raw`\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\)`;
const BASE = String.raw`(?:[A-Z]{1,2}\d+|\d+)(?:\.\d+[A-Z]{0,2})*|[A-Z]{1,2}\d+[A-Z]{0,2}|\d+[A-Z]{1,2}`;
const NUMBER_AT_START = new RegExp(String.raw`^(${BASE})((?:\s?${SUB})*)(\.?)(?=\s|$)`);
const LETTER_SECTION = /^([A-Z])\.(?=\s|$)/;
const SUB_AT_START = /^\(([a-z]{1,4}|[A-Z]{1,2}|\d{1,3})\)(?=\s|$)/;
/** Something that is meant as a number (digits then a dot then more) but may not parse. */
const LOOKS_NUMBERED = /^\d+\.\S/;
const HEADING_WORD = /^(?:(?:Section|Part|Clause|Schedule|Paragraph)\s+|§\s*)/i;

/** The result of reading a label at the start of a block of text. */
export interface LabelMatch {
  number: ClauseNumber;
  /** Length of the label and the whitespace after it, to strip from the text. */
  length: number;
}

function splitNumber(raw: string, base: string, subsText: string): ClauseNumber {
  const subs = [...subsText.matchAll(/\(([^)]+)\)/g)].map((m) => m[1] ?? '');
  const normalized = base + subs.map((s) => `(${s})`).join('');
  return { raw, normalized, base, segments: base.split('.'), subs };
}

function lengthWithSpace(text: string, labelLength: number): number {
  const rest = text.slice(labelLength);
  return labelLength + (rest.length - rest.trimStart().length);
}

/**
 * Reads a clause number at the start of a paragraph (`2.3 The DCC shall…`).
 * A lone integer (`2020 was…`) is not read as a number in running text; headings use
 * {@link readHeadingNumber}, which accepts it.
 */
export function readClauseNumber(text: string): LabelMatch | undefined {
  const match = NUMBER_AT_START.exec(text);
  if (!match) return undefined;
  const base = match[1] ?? '';
  const subsText = match[2] ?? '';
  if (/^\d+$/.test(base) && subsText === '') return undefined;
  const rawLength = match[0].length;
  const raw = text.slice(0, rawLength - (match[3] ?? '').length);
  return { number: splitNumber(raw, base, subsText), length: lengthWithSpace(text, rawLength) };
}

/**
 * Reads the number of a heading: `3 Migration`, `3. Migration`, `A. Definitions`,
 * `H14 Testing Services`, `Section 18 Device Behaviours`, `§ 1 Subject`, `4A Secure Enrolment`.
 */
export function readHeadingNumber(text: string): LabelMatch | undefined {
  const word = HEADING_WORD.exec(text);
  const offset = word ? word[0].length : 0;
  const rest = text.slice(offset);
  const letter = LETTER_SECTION.exec(rest) ?? (word ? /^([A-Z])(?=[\s:.–-]|$)/.exec(rest) : null);
  if (letter) {
    const base = letter[1] ?? '';
    const afterLetter = rest.slice(letter[0].length).replace(/^[:.–-]/, '');
    return {
      number: splitNumber(base, base, ''),
      length: text.length - afterLetter.trimStart().length,
    };
  }
  const match = NUMBER_AT_START.exec(rest) ?? /^(\d+)()(\.?)(?=\s|$)/.exec(rest);
  if (!match) return undefined;
  const base = match[1] ?? '';
  const subsText = match[2] ?? '';
  const rawLength = match[0].length;
  // `§ 1` is shown as written; "Section 18" shows its number alone.
  const sign = word?.[0].startsWith('§') ? word[0] : '';
  const raw = sign + rest.slice(0, rawLength - (match[3] ?? '').length);
  const after = rest.slice(rawLength).replace(/^\s*[:–-](?=\s)/, '');
  return { number: splitNumber(raw, base, subsText), length: text.length - after.trimStart().length };
}

/** Reads a bare sub-paragraph label at the start of a paragraph: `(a) `, `(ii) `, `(3) `. */
export function readSubLabel(text: string): { label: string; length: number } | undefined {
  const match = SUB_AT_START.exec(text);
  if (!match) return undefined;
  return { label: match[1] ?? '', length: lengthWithSpace(text, match[0].length) };
}

/**
 * True when a paragraph starts with something written as a clause number that
 * {@link readClauseNumber} cannot read (`2..3`, `2.3.a`), so the author can be told.
 */
export function looksLikeUnreadableNumber(text: string): string | undefined {
  if (readClauseNumber(text) || !LOOKS_NUMBERED.test(text)) return undefined;
  const token = text.split(/\s/, 1)[0] ?? '';
  // A decimal quantity such as "1.5" followed by words is ordinary prose.
  if (/^\d+\.\d+[,;:]?$/.test(token) === false && /^\d+\.\d*\D/.test(token)) return token;
  return undefined;
}

/**
 * The anchor slug of a clause number: lower case, brackets to hyphens, no spaces:
 * `2.3` → `2.3`, `18.4(a)(ii)` → `18.4-a-ii`, `4.12A` → `4.12a`, `F1.4 (e)` → `f1.4-e`.
 */
export function slugForNumber(normalized: string): string {
  return normalized
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\(([^)]*)\)/g, '-$1')
    .replace(/\.$/, '');
}

/** A URL- and id-safe slug for free text (headings without numbers, table row keys). */
export function slugForText(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'untitled';
}

/** The number of the clause one level up: `2.3(a)` → `2.3`, `2.3` → `2`, `H14.36A` → `H14`. */
export function parentNumber(number: ClauseNumber): string | undefined {
  if (number.subs.length > 0) {
    return (
      number.base +
      number.subs
        .slice(0, -1)
        .map((s) => `(${s})`)
        .join('')
    );
  }
  if (number.segments.length > 1) return number.segments.slice(0, -1).join('.');
  const letter = /^([A-Z]{1,2})\d/.exec(number.base);
  return letter ? letter[1] : undefined;
}

const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

/** Whether a lower-case label can be read as a roman numeral (`i`, `iv`, `xii`). */
function isRoman(label: string): boolean {
  return label.length > 0 && ROMAN.test(label);
}

/** Kinds of sub-paragraph label, used to tell nesting levels apart. */
export type LabelStyle = 'alpha' | 'roman' | 'digit' | 'upper';

/** The style of a label on its own; `i`, `v`, `x` are roman unless context says otherwise. */
export function labelStyle(label: string): LabelStyle {
  if (/^\d+$/.test(label)) return 'digit';
  if (/^[A-Z]+$/.test(label)) return 'upper';
  return isRoman(label) ? 'roman' : 'alpha';
}

/** The label that follows `label` in its style: `a` → `b`, `z` → `aa`, `iv` → `v`, `3` → `4`. */
export function nextLabel(label: string, style: LabelStyle): string {
  if (style === 'digit') return String(Number(label) + 1);
  if (style === 'roman') return toRoman(fromRoman(label) + 1);
  const upper = style === 'upper';
  const lower = label.toLowerCase();
  const last = lower.at(-1) ?? 'a';
  let next: string;
  if (last === 'z') next = 'a'.repeat(lower.length + 1);
  else next = lower.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
  return upper ? next.toUpperCase() : next;
}

const ROMAN_VALUES: Array<[string, number]> = [
  ['m', 1000],
  ['cm', 900],
  ['d', 500],
  ['cd', 400],
  ['c', 100],
  ['xc', 90],
  ['l', 50],
  ['xl', 40],
  ['x', 10],
  ['ix', 9],
  ['v', 5],
  ['iv', 4],
  ['i', 1],
];

/** Lower-case Roman numeral of a positive number (`4` → `iv`); zero and below stay as digits. */
export function toRoman(value: number): string {
  if (value < 1) return String(value);
  let rest = value;
  let out = '';
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

function fromRoman(label: string): number {
  let total = 0;
  let index = 0;
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (label.startsWith(symbol, index)) {
      total += amount;
      index += symbol.length;
    }
  }
  return total;
}

/**
 * Compares two clause numbers in document order (`2.9` < `2.10` < `2.10A` < `3`).
 * Returns a negative number, zero or a positive number.
 */
export function compareNumbers(a: ClauseNumber, b: ClauseNumber): number {
  const partsA = numberParts(a);
  const partsB = numberParts(b);
  const length = Math.min(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const x = partsA[i] as [number, string];
    const y = partsB[i] as [number, string];
    if (x[0] !== y[0]) return x[0] - y[0];
    if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

function numberParts(number: ClauseNumber): Array<[number, string]> {
  const parts: Array<[number, string]> = [];
  for (const segment of number.segments) {
    const match = /^([A-Z]*)(\d+)([A-Z]*)$/.exec(segment);
    if (!match) {
      parts.push([0, segment]);
      continue;
    }
    if (match[1]) parts.push([0, match[1]]);
    parts.push([Number(match[2]), match[3] ?? '']);
  }
  for (const sub of number.subs) {
    const style = labelStyle(sub);
    const value = style === 'digit' ? Number(sub) : style === 'roman' ? fromRoman(sub) : sub.toLowerCase().charCodeAt(0) - 96;
    parts.push([value, '']);
  }
  return parts;
}
