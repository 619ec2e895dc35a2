import { describe, expect, it } from 'vitest';
import { alignClauses, type AlignedRow } from '#compare/align-clauses.ts';
import { changeSteps } from '#compare/change-steps.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const parse = (lines: string[]) => parseClauses(lines.join('\n\n'), { file: 'v.md' }).clauses;
const before = parse(['## 1 Scope', '1.1 This applies to the Operator.', '1.2 It applies from the start date.', '## 2 Duties', '2.1 The Operator shall keep a register.']);
const number = (row: AlignedRow) => (row.new ?? row.old)?.number;

describe('changeSteps', () => {
  it('makes a wholly inserted section one step, its heading, with its clauses part of it', () => {
    const after = parse([
      '## 1 Scope',
      '1.1 This applies to the Operator and the Panel.',
      '1.2 It applies from the start date.',
      '## 2 Duties',
      '2.1 The Operator shall keep a register.',
      '## 3 Reporting',
      '3.1 The Operator shall report each month.',
      '3.2 Reports shall be published.',
      '3.3 The Panel may ask for more.',
    ]);
    const rows = alignClauses(before, after);
    const { steps, sections, partOf } = changeSteps(rows);
    expect(steps.map(number)).toEqual(['1.1', '3']);
    const [head] = [...sections.keys()];
    expect(head && number(head)).toBe('3');
    expect(head && sections.get(head)?.map(number)).toEqual(['3.1', '3.2', '3.3']);
    expect(partOf.size).toBe(3);
  });

  it('does the same for a section deleted as a whole', () => {
    const after = parse(['## 1 Scope', '1.1 This applies to the Operator.', '1.2 It applies from the start date.']);
    const { steps, partOf } = changeSteps(alignClauses(before, after));
    expect(steps.map(number)).toEqual(['2']);
    expect([...partOf.keys()].map(number)).toEqual(['2.1']);
  });

  it('keeps every change a step when a new heading is followed by clauses that were already there', () => {
    const after = parse([
      '## 1 Scope',
      '1.1 This applies to the Operator.',
      '## 2 Start',
      '2.1 It applies from the start date.',
      '## 3 Duties',
      '3.1 The Operator shall keep a register.',
    ]);
    const { steps, sections } = changeSteps(alignClauses(before, after));
    expect(sections.size).toBe(0);
    expect(steps.length).toBeGreaterThan(1);
  });
});
