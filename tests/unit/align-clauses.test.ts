import { describe, expect, it } from 'vitest';
import { alignClauses, dice } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const clauses = (markdown: string) => parseClauses(markdown, { file: 'test.md' }).clauses;
const summary = (oldMd: string, newMd: string) => alignClauses(clauses(oldMd), clauses(newMd)).map((row) => [row.kind, row.old?.slug ?? null, row.new?.slug ?? null, row.reworded]);

const base = [
  '## 5 Service Requests',
  '5.1 The DCC shall process each Service Request in the order received from the Supplier Party.',
  '5.2 A Supplier Party shall not send a Service Request for a Dormant Meter before its Migration.',
  '5.3 The DCC shall reject a Service Request that names a Device Model not on the list.',
  '5.4 Where a Service Request fails, the DCC shall tell the Supplier Party within one Working Day.',
];
const md = (lines: string[]) => lines.join('\n\n');

describe('alignClauses', () => {
  it('pairs identical versions as unchanged', () => {
    expect(summary(md(base), md(base)).every(([kind]) => kind === 'unchanged')).toBe(true);
  });

  it('marks a reworded clause with the same number as modified', () => {
    const changed = [...base];
    changed[2] = '5.2 A Supplier Party shall not send any Service Request for a Dormant Meter before its Migration is complete.';
    expect(summary(md(base), md(changed))[2]).toEqual(['modified', '5.2', '5.2', true]);
  });

  it('marks a new clause as inserted and a removed one as deleted, in place', () => {
    const removed = base.filter((_, i) => i !== 3);
    expect(summary(md(base), md(removed))).toEqual([
      ['unchanged', '5', '5', false],
      ['unchanged', '5.1', '5.1', false],
      ['unchanged', '5.2', '5.2', false],
      ['deleted', '5.3', null, true],
      ['unchanged', '5.4', '5.4', false],
    ]);
  });

  it('follows clauses renumbered by an insertion instead of deleting and re-inserting them', () => {
    const inserted = [
      ...base.slice(0, 2),
      '5.2 The DCC shall publish a list of the Device Models it supports, and keep it up to date.',
      '5.3 A Supplier Party shall not send a Service Request for a Dormant Meter before its Migration.',
      '5.4 The DCC shall reject a Service Request that names a Device Model not on the list.',
      '5.5 Where a Service Request fails, the DCC shall tell the Supplier Party within one Working Day.',
    ];
    expect(summary(md(base), md(inserted))).toEqual([
      ['unchanged', '5', '5', false],
      ['unchanged', '5.1', '5.1', false],
      ['inserted', null, '5.2', true],
      ['renumbered', '5.2', '5.3', false],
      ['renumbered', '5.3', '5.4', false],
      ['renumbered', '5.4', '5.5', false],
    ]);
  });

  it('follows a renumbered clause whose text also changed a little', () => {
    const shifted = [
      base[0] as string,
      '5.1 The DCC shall publish a list of the Device Models it supports, and keep it up to date.',
      '5.2 The DCC shall process each Service Request in the order received from the Supplier Party.',
      '5.3 A Supplier Party shall not send a Service Request for a Dormant Meter before its Migration.',
      '5.4 The DCC shall reject a Service Request that names a Device Model not on the published list.',
      '5.5 Where a Service Request fails, the DCC shall tell the Supplier Party within one Working Day.',
    ];
    const rows = summary(md(base), md(shifted));
    expect(rows).toContainEqual(['renumbered', '5.3', '5.4', true]);
    expect(rows.filter(([kind]) => kind === 'inserted')).toEqual([['inserted', null, '5.1', true]]);
  });

  it('marks a clause that moved to another section as moved', () => {
    const old = md([...base, '## 6 Errors', '6.1 The DCC shall keep a record of every failed Migration for two years.']);
    const moved = md([
      ...base,
      '5.5 The DCC shall keep a record of every failed Migration for two years.',
      '## 6 Errors',
      '6.1 Errors are handled under the Migration Error Handling and Retry Strategy.',
    ]);
    const rows = summary(old, moved);
    expect(rows).toContainEqual(['moved', '6.1', '5.5', false]);
    expect(rows).toContainEqual(['inserted', null, '6.1', true]);
  });

  it('does not pair unrelated clauses that share a number', () => {
    const replaced = [...base];
    replaced[4] = '5.4 Communications Hubs installed before 2019 are out of scope.';
    expect(summary(md(base), md(replaced)).slice(-2)).toEqual([
      ['deleted', '5.4', null, true],
      ['inserted', null, '5.4', true],
    ]);
  });
});

describe('dice', () => {
  it('is 1 for the same words and 0 for none shared', () => {
    expect(dice(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(dice(['a'], ['b'])).toBe(0);
    expect(dice(['a', 'a', 'b'], ['a', 'b', 'c'])).toBeCloseTo(2 / 3);
  });
});

describe('alignClauses determinism', () => {
  it('gives the same rows for the same versions, every time', () => {
    const old = clauses(md([...base, '## 6 Errors', '6.1 The DCC shall keep a record of every failed Migration for two years.']));
    const changed = clauses(
      md([base[0] as string, '5.1 A new first clause about Device Models.', ...base.slice(1).map((line) => line.replace(/^5\.(\d)/, (_, n) => `5.${Number(n) + 1}`))]),
    );
    const first = JSON.stringify(alignClauses(old, changed));
    for (let k = 0; k < 3; k++) expect(JSON.stringify(alignClauses(old, changed))).toBe(first);
  });
});
