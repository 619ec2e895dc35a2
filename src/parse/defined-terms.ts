import type { Clause } from '#model/clause.ts';

/** A term a version defines, and where. */
export interface DefinedTerm {
  /** As defined, capitalised as written: `UTRN Cutover Period`. */
  term: string;
  /** The defining clause (or definitions-table row). */
  clause: Clause;
}

const OPEN = '["“]';
const CLOSE = '["”]';
/** A term as drafters capitalise one: starts with a capital or a digit, at most ten words. */
const TERM = String.raw`[\p{Lu}\p{N}][^"“”()\n]{0,79}?`;
/** `"UTRN Cutover Period" means …`, `"Matrix" has the meaning given …`. */
const MEANS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${OPEN}(${TERM})${CLOSE}\s+(?:means|shall mean|has the meanings?|have the meanings?|shall have the meanings?|occurs (?:where|when))(?![\p{L}])`,
  'gu',
);
/** `… (the "UTRN Cutover Period")`, `(each an "Excluded Installation")`, `(together, the "TMAD Child Documents")`. */
const IN_BRACKETS = new RegExp(String.raw`\((?:[^()"“”]{0,40}?\s)?${OPEN}(${TERM})${CLOSE}\)`, 'gu');
/** The header of a definitions table: its first column holds terms, or its second meanings. */
const TERM_HEADER = /^(?:(?:defined\s+)?terms?|expressions?|words?|definitions?)$/i;
const MEANING_HEADER = /^(?:meanings?|definitions?)$/i;

function cellText(node: Clause['content'][number] | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(cellText).join('');
}

function isTerm(text: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text) && text.length <= 80 && text.split(/\s+/).length <= 10;
}

/** The terms a clause defines in prose. */
function termsInProse(text: string): string[] {
  return [...text.matchAll(MEANS), ...text.matchAll(IN_BRACKETS)]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((m) => (m[1] ?? '').trim())
    .filter(isTerm);
}

/** Tables whose header says they define terms (`Term | Meaning`), by slug. */
function definitionTables(clauses: readonly Clause[]): Set<string> {
  const tables = new Set<string>();
  for (const clause of clauses) {
    if (clause.kind !== 'table') continue;
    const [first, second] = clause.content.filter((c) => c.type === 'element').map((c) => cellText(c).trim());
    if (TERM_HEADER.test(first ?? '') || MEANING_HEADER.test(second ?? '')) tables.add(clause.slug);
  }
  return tables;
}

/**
 * The terms a version defines, in the order of the text: `"X" means …` (straight or curly
 * quotes), a bracketed `(the "X")` after the words it names, and each row of a definitions
 * table (header `Term | Meaning`) whose first cell is the term. A term defined twice keeps
 * its first definition. Headings define nothing.
 */
export function definedTerms(clauses: readonly Clause[]): DefinedTerm[] {
  const tables = definitionTables(clauses);
  const seen = new Map<string, DefinedTerm>();
  for (const clause of clauses) {
    let terms: string[] = [];
    if (clause.kind === 'row' && clause.table !== undefined && tables.has(clause.table)) {
      const first = cellText(clause.content.find((c) => c.type === 'element'))
        .trim()
        .replace(/^["“](.*)["”]$/u, '$1');
      terms = isTerm(first) ? [first] : [];
    } else if (clause.kind === 'clause' || clause.kind === 'paragraph') {
      terms = termsInProse(clause.text);
    }
    for (const term of terms) if (!seen.has(term)) seen.set(term, { term, clause });
  }
  return [...seen.values()];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term as used in running text: as defined, or in the other number ("Migration Batches" for "Migration Batch"). */
function forms(term: string): string[] {
  const plural = /(?:s|x|ch|sh)$/.test(term) ? `${term}es` : /[^aeiou]y$/.test(term) ? `${term.slice(0, -1)}ies` : `${term}s`;
  const singular = /[^s]s$/.test(term) ? term.slice(0, -1) : undefined;
  return [term, plural, ...(singular && singular.length > 1 ? [singular] : [])];
}

/** One use of a defined term in a text. */
export interface TermUse {
  start: number;
  end: number;
  /** The term as defined (the key into {@link definedTerms}). */
  term: string;
}

/** Finds uses of a set of defined terms in text. */
export type TermFinder = (text: string) => TermUse[];

/**
 * A finder for uses of the terms: exact capitalisation, whole words, the longest term first
 * ("Migration Authorisation" before "Migration"), each term also in its plural or singular
 * form. Uses are found left to right and never overlap.
 */
export function termFinder(terms: readonly string[]): TermFinder {
  const byForm = new Map<string, string>();
  for (const term of terms) for (const form of forms(term)) if (!byForm.has(form) || form === term) byForm.set(form, term);
  if (byForm.size === 0) return () => [];
  const alternatives = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${alternatives.join('|')})(?![\p{L}\p{N}]|-[\p{L}\p{N}])`, 'gu');
  return (text) => [...text.matchAll(pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, term: byForm.get(m[0]) as string }));
}
