import { describe, expect, it } from 'vitest';
import { findReferences, mapReferences } from '#compare/cross-references.ts';

describe('findReferences', () => {
  it('finds each clause number a cross-reference names, with its place', () => {
    const text = 'as set out in Clauses 5.4 and 5.5, or 18.4 (a)(ii), and in Section E';
    expect(findReferences(text).map((r) => [r.number, text.slice(r.start, r.end)])).toEqual([
      ['5.4', '5.4'],
      ['5.5', '5.5'],
      ['18.4(a)(ii)', '18.4 (a)(ii)'],
      ['E', 'E'],
    ]);
  });

  it('reads letter suffixes and section-letter numbers, and ignores numbers outside references', () => {
    expect(findReferences('under clause 4.12A and Clause H14.36A within 5.5 hours').map((r) => r.number)).toEqual(['4.12A', 'H14.36A']);
  });

  it('finds every word of the grammar, and nothing where no such word is written', () => {
    const words = ['Sub-clause 3.2', 'paragraphs 3.2', 'Article 3.2', 'sections 3.2', 'Part 3.2', 'Schedule 3.2'];
    for (const text of words)
      expect(
        findReferences(`see ${text} here`).map((r) => r.number),
        text,
      ).toEqual(['3.2']);
    // A bare SEC number and an annex are left out, with or without a word in the text.
    expect(findReferences('see H14.36A and Annex A, then 3.2')).toEqual([]);
  });
});

describe('mapReferences', () => {
  const renumbered = new Map([
    ['5.4', '5.5'],
    ['5.5', '5.6'],
    ['18.4(a)', '18.5(a)'],
  ]);

  it('rewrites every renumbered target at once, keeping how the text writes it', () => {
    expect(mapReferences('Clauses 5.4 and 5.5 and Clause 18.4 (a).', renumbered)).toBe('Clauses 5.5 and 5.6 and Clause 18.5 (a).');
  });

  it('leaves references to clauses that kept their number', () => {
    expect(mapReferences('under Clause 5.3', renumbered)).toBe('under Clause 5.3');
  });
});
