import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignColumns, diffTableRow } from '#compare/table-diff.ts';

const cells = (tag: 'td' | 'th', ...texts: string[]): ElementContent[] => texts.map((t) => h(tag, t));

describe('alignColumns', () => {
  it('aligns columns by header text, whatever their case and spacing', () => {
    expect(alignColumns(['Plan', 'Monthly  fee'], ['plan', 'Monthly fee'])).toEqual([
      { old: 0, new: 0 },
      { old: 1, new: 1 },
    ]);
  });

  it('marks an inserted and a deleted column', () => {
    expect(alignColumns(['Plan', 'Fee', 'Notes'], ['Plan', 'Roaming', 'Fee'])).toEqual([
      { old: 0, new: 0 },
      { old: null, new: 1 },
      { old: 1, new: 2 },
      { old: 2, new: null },
    ]);
  });

  it('pairs a renamed header by position between aligned columns', () => {
    expect(alignColumns(['Plan', 'Cohort', 'Fee'], ['Plan', 'Migration Cohort', 'Fee'])).toEqual([
      { old: 0, new: 0 },
      { old: 1, new: 1 },
      { old: 2, new: 2 },
    ]);
  });
});

describe('diffTableRow', () => {
  const headers = { old: cells('th', 'Plan', 'Fee'), new: cells('th', 'Plan', 'Roaming', 'Fee') };
  const columns = alignColumns(['Plan', 'Fee'], ['Plan', 'Roaming', 'Fee']);

  it('marks the cells of an inserted column and the changed words of a cell', () => {
    const diff = diffTableRow(columns, headers, { old: cells('td', 'Basic', '5 pounds'), new: cells('td', 'Basic', 'No', '6 pounds') });
    expect(diff.changed).toBe(true);
    expect(toHtml(diff.old)).toBe(
      '<table class="cmp-table"><thead><tr><th scope="col">Plan</th><th scope="col">Fee</th></tr></thead><tbody><tr><td>Basic</td><td><del>5</del> pounds</td></tr></tbody></table>',
    );
    expect(toHtml(diff.new)).toContain('<th scope="col" class="col-inserted"><ins class="whole">Roaming</ins></th>');
    expect(toHtml(diff.new)).toContain('<td class="col-inserted"><ins class="whole">No</ins></td><td><del class="diff-inline">5</del><ins>6</ins> pounds</td>');
  });

  it('reports no change for an identical row', () => {
    const same = alignColumns(['Plan', 'Fee'], ['Plan', 'Fee']);
    const row = { old: cells('td', 'Basic', '5'), new: cells('td', 'Basic', '5') };
    expect(diffTableRow(same, { old: headers.old, new: headers.old }, row).changed).toBe(false);
  });
});
