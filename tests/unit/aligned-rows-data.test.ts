import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { decodeRows, encodeRows } from '#compare/aligned-rows-data.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const clauses = (lines: string[]) => parseClauses(lines.join('\n\n'), { file: 't.md' }).clauses;

describe('aligned rows as data', () => {
  const before = clauses([
    '## 2 Records',
    '2.1 Keep every record for six years. Show any record to the Authority on request.',
    '2.2 The Operator shall read each Device at least once a month, under Clause 2.1.',
    '2.3 Old text that goes away entirely.',
  ]);
  const after = clauses([
    '## 2 Records',
    '2.1 Keep every record for six years.',
    '2.2 Show any record to the Authority on request.',
    '2.3 The Operator shall read each Device at least once a month, under Clause 2.1.',
    '2.4 A new clause about something else.',
  ]);
  const rows = alignClauses(before, after);

  it('round-trips rows onto the same clause objects, splits and deletions included', () => {
    const decoded = decodeRows(JSON.parse(JSON.stringify(encodeRows(rows, before, after))), before, after);
    expect(decoded).toEqual(rows);
    expect(decoded.map((r) => r.kind)).toContain('split');
    for (const [i, row] of decoded.entries()) {
      expect(row.old).toBe(rows[i]?.old);
      expect(row.new).toBe(rows[i]?.new);
    }
  });

  it('refuses rows that name a clause the version does not have', () => {
    const encoded = encodeRows(rows, before, after);
    expect(() => decodeRows(encoded, before.slice(0, 1), after)).toThrow(/names clause \d+, which the version does not have/);
  });
});
