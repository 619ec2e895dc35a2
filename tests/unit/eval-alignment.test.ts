import { describe, expect, it } from 'vitest';
import { parseKeyLine, scorePair } from '../../scripts/eval-alignment.ts';

const rows = (lines: string[]) => lines.map((line, n) => parseKeyLine(line, n + 1)).filter((row) => row !== undefined);

describe('alignment evaluation scoring', () => {
  it('reads key lines with comments, flags and empty sides', () => {
    expect(parseKeyLine('split 4-7 -> 4-7 4-8 reworded  # backups', 3)).toEqual({ kind: 'split', olds: ['4-7'], news: ['4-7', '4-8'], reworded: true, line: 3 });
    expect(parseKeyLine('deleted 9 ->', 1)).toMatchObject({ kind: 'deleted', olds: ['9'], news: [] });
    expect(parseKeyLine('inserted -> 2.3', 1)).toMatchObject({ kind: 'inserted', olds: [], news: ['2.3'] });
    expect(parseKeyLine('# a comment', 1)).toBeUndefined();
  });

  it('counts identity and kind right, false and missed changes', () => {
    const key = rows(['unchanged 1 -> 1', 'modified 2 -> 2', 'renumbered 3 -> 4', 'unchanged 5 -> 5', 'split 6 -> 6 7']);
    const actual = rows(['unchanged 1 -> 1', 'unchanged 2 -> 2', 'renumbered 3 -> 4 reworded', 'modified 5 -> 5', 'deleted 6 ->', 'inserted -> 6', 'inserted -> 7']);
    const score = scorePair(key, actual);
    expect(score).toMatchObject({ rows: 5, identity: 4, kind: 1, falseChanges: 1, missedChanges: 1 });
    expect(score.notes).toHaveLength(4);
  });
});
