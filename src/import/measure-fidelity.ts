import { alignClauses } from '#compare/align-clauses.ts';
import type { Clause } from '#model/clause.ts';

/** How faithfully an imported version reproduces the original, clause by clause. */
export interface Fidelity {
  /** Clauses of the original (headings, clauses, paragraphs, tables, rows). */
  clauses: number;
  /** Of those, the ones that carry a number (headings and numbered clauses). */
  numbered: number;
  /** Numbered clauses found in the import under the same number. */
  numbersExact: number;
  /** Clauses found in the import with exactly the same text. */
  textsExact: number;
  /** Share of numbered clauses with the number exact, 0–1 (1 when there are none). */
  numberShare: number;
  /** Share of clauses with the text exact, 0–1. */
  textShare: number;
  /** The clauses that did not come back exact, for a reviewer: the original's slug and what went wrong. */
  misses: Array<{ slug: string; problem: 'missing' | 'number' | 'text'; expected: string; actual?: string }>;
}

/**
 * Compares an imported version with the original using the site's own alignment: each clause
 * of the original is paired with the imported clause it became, then its number and its text
 * (whitespace collapsed, label excluded) are compared exactly. Extra blocks in the import (a
 * cover page, say) do not count against it.
 */
export function measureFidelity(original: readonly Clause[], imported: readonly Clause[]): Fidelity {
  const rows = alignClauses(original, imported);
  let numbered = 0;
  let numbersExact = 0;
  let textsExact = 0;
  let clauses = 0;
  const misses: Fidelity['misses'] = [];
  for (const row of rows) {
    const old = row.old;
    if (!old) continue;
    clauses++;
    if (old.number) numbered++;
    const found = row.new;
    if (!found) {
      misses.push({ slug: old.slug, problem: 'missing', expected: old.text });
      continue;
    }
    if (old.number) {
      if (found.number === old.number) numbersExact++;
      else misses.push({ slug: old.slug, problem: 'number', expected: old.number, ...(found.number ? { actual: found.number } : {}) });
    }
    if (found.text === old.text) textsExact++;
    else misses.push({ slug: old.slug, problem: 'text', expected: old.text, actual: found.text });
  }
  return {
    clauses,
    numbered,
    numbersExact,
    textsExact,
    numberShare: numbered === 0 ? 1 : numbersExact / numbered,
    textShare: clauses === 0 ? 1 : textsExact / clauses,
    misses,
  };
}
