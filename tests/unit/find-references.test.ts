import { describe, expect, it } from 'vitest';
import { findTextReferences } from '#parse/find-references.ts';

/** Each reference as [kind, what it covers, its numbers, the document it names]. */
function read(text: string) {
  return findTextReferences(text).map((r) => [r.kind, text.slice(r.start, r.end), r.targets.map((t) => t.number), r.document]);
}

describe('findTextReferences', () => {
  it('reads a clause, a section, a paragraph with a sub-paragraph, an annex and an appendix', () => {
    expect(read('Subject to Clause 8.6, Section 8 and paragraph 4.2(b), see Annex A and Appendix AM.')).toEqual([
      ['clause', 'Clause 8.6', ['8.6'], undefined],
      ['section', 'Section 8', ['8'], undefined],
      ['clause', 'paragraph 4.2(b)', ['4.2(b)'], undefined],
      ['annex', 'Annex A', ['Annex A'], undefined],
      ['annex', 'Appendix AM', ['Appendix AM'], undefined],
    ]);
  });

  it('names both ends of a range and every number of a list, each where it is written', () => {
    const text = 'under clauses 5.4 to 5.7, or Clauses 2.3(a), 2.4 and 2.6';
    const found = findTextReferences(text);
    expect(found.map((r) => r.targets.map((t) => [t.number, text.slice(t.start, t.end)]))).toEqual([
      [
        ['5.4', '5.4'],
        ['5.7', '5.7'],
      ],
      [
        ['2.3(a)', '2.3(a)'],
        ['2.4', '2.4'],
        ['2.6', '2.6'],
      ],
    ]);
  });

  it("reads the SEC's letter-prefixed numbers, with a word or bare, and normalises a spaced sub-paragraph", () => {
    expect(read('as Section H14.36A requires, and X2.4(b) and F1.4 (e) allow')).toEqual([
      ['section', 'Section H14.36A', ['H14.36A'], undefined],
      ['clause', 'X2.4(b)', ['X2.4(b)'], undefined],
      ['clause', 'F1.4 (e)', ['F1.4(e)'], undefined],
    ]);
  });

  it('leaves numbers that are not references: durations, plain decimals, words that contain a number', () => {
    expect(read('within 5.5 hours, version 6.0 of SMETS1, 24 hours after 4.2')).toEqual([]);
  });

  it('records the document a reference says it is in', () => {
    expect(read('Section A (Definitions and Interpretation) of the Code')).toEqual([['section', 'Section A', ['A'], 'the Code']]);
    expect(read('Clause 3.1 of Appendix AM')).toEqual([
      ['clause', 'Clause 3.1', ['3.1'], 'Appendix AM'],
      ['annex', 'Appendix AM', ['Appendix AM'], undefined],
    ]);
    expect(read('Clause 2.2 of the SMETS1 Supporting Requirements applies')[0]?.[3]).toBe('SMETS1 Supporting Requirements');
    expect(read('the Matrix, which forms Annex A to this document')).toEqual([['annex', 'Annex A', ['Annex A'], 'this document']]);
  });
});
