import { parentNumber, type ClauseNumber } from './clause-number.ts';

/**
 * The full number of a heading numbered afresh inside a numbered or lettered section, as many
 * real documents write them: `### 1. Required Information` under `## B. Account Terms` is
 * `B.1` (anchor `b.1`), under `## 4 Fees` it is `4.1`, and so at every depth (`B.1.2`). Only a
 * bare number or letter (`1`, `4A`, `C`) is read in context; one written in full (`4.1`,
 * `H14`, `18.4(a)`) says where it belongs and is kept. The label shown stays as written.
 */
export function numberInSection(number: ClauseNumber, section: string | null | undefined): ClauseNumber {
  const bare = number.subs.length === 0 && number.segments.length === 1 && parentNumber(number) === undefined;
  if (!section || !bare) return number;
  const full = section.endsWith(')') ? `${section}(${number.normalized})` : `${section}.${number.normalized}`;
  return { raw: number.raw, normalized: full, base: full, segments: full.split('.'), subs: [] };
}
