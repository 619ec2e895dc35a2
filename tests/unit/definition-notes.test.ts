import { describe, expect, it } from 'vitest';
import { definitionNotes } from '#compare/definition-notes.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const parse = (lines: string[]) => parseClauses(lines.join('\n\n'), { file: 'v.md' }).clauses;
const before = parse([
  '## 1 Definitions',
  '1.1 "Batch" means a group of Devices moved together.',
  '1.2 "Window" means a period in which a Batch is moved.',
  '1.3 "Panel" means the SEC Panel.',
]);

describe('definitionNotes', () => {
  it('notes the defining clause of a term whose definition reads differently, by its new slug', () => {
    const after = parse([
      '## 1 Definitions',
      '1.1 "Batch" means a group of Devices moved together on one day.',
      '1.2 "Panel" means the SEC Panel.',
      '1.3 "Window" means a period in which a Batch is moved.',
      '1.4 "Cohort" means Devices moved with the same capability.',
    ]);
    const notes = definitionNotes(before, after, 'v2.0');
    expect([...notes]).toEqual([['1.1', 'definition of “Batch” changed in v2.0']]);
  });

  it('joins the terms of one clause, and says nothing when no definition changed', () => {
    const after = parse(['## 1 Definitions', '1.1 "Batch" means a set of Devices, and "Window" means a day in which a Batch is moved.', '1.3 "Panel" means the SEC Panel.']);
    expect(definitionNotes(before, after, 'v2.0').get('1.1')).toBe('definitions of “Batch”, “Window” changed in v2.0');
    expect(definitionNotes(before, before, 'v1.0').size).toBe(0);
  });
});
