import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { segmentsToPhrasing, withLabel } from '#import/phrasing.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const root = (...children: RootContent[]): Root => ({ type: 'root', children });

describe('mdastToMarkdown', () => {
  it('leaves clause numbers unescaped so that the parser reads them back', () => {
    const labels = ['2.3', '4.12A', '18.4(a)(ii)', 'H14.36A', 'X2.4(b)', 'F1.4 (e)', '(a)', '(ii)', '(3)'];
    const markdown = mdastToMarkdown(
      root({ type: 'heading', depth: 2, children: [{ type: 'text', value: '4 Migration Process' }] }, ...labels.map((label) => paragraph(`${label} The text.`))),
    );
    expect(markdown).not.toMatch(/\\[.(]/);
    const { clauses, problems } = parseClauses(markdown, { file: 'x.md' });
    expect(clauses.map((c) => c.label)).toEqual(['4', ...labels]);
    expect(clauses.slice(1).every((c) => c.text === 'The text.')).toBe(true);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('escapes what would change the structure: a paragraph starting "1. " stays a paragraph', () => {
    const markdown = mdastToMarkdown(root(paragraph('1. Not a list'), paragraph('- nor a bullet'), paragraph('# nor a heading')));
    expect(markdown).toBe('1\\. Not a list\n\n\\- nor a bullet\n\n\\# nor a heading\n');
    const { clauses } = parseClauses(markdown, { file: 'x.md' });
    expect(clauses.map((c) => [c.kind, c.text])).toEqual([
      ['paragraph', '1. Not a list'],
      ['paragraph', '- nor a bullet'],
      ['paragraph', '# nor a heading'],
    ]);
  });

  it('writes pipe tables without padding, escaping pipes in cells', () => {
    const markdown = mdastToMarkdown(
      root({
        type: 'table',
        align: [null, null],
        children: [
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: [{ type: 'text', value: 'Device Model' }] },
              { type: 'tableCell', children: [{ type: 'text', value: 'S1SR clauses' }] },
            ],
          },
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: [{ type: 'text', value: 'A | B' }] },
              { type: 'tableCell', children: [{ type: 'text', value: '18.4, 18.10' }] },
            ],
          },
        ],
      }),
    );
    expect(markdown).toBe('| Device Model | S1SR clauses |\n| - | - |\n| A \\| B | 18.4, 18.10 |\n');
    const rows = parseClauses(markdown, { file: 'x.md' }).clauses.filter((c) => c.kind === 'row');
    expect(rows.map((r) => r.label)).toEqual(['A | B']);
  });
});

describe('segmentsToPhrasing', () => {
  it('merges runs with the same formatting and moves edge spaces out of emphasis', () => {
    const phrasing = segmentsToPhrasing([{ text: ' The ' }, { text: 'DCC ', bold: true }, { text: 'shall', bold: true }, { text: '  not ' }]);
    expect(mdastToMarkdown(root({ type: 'paragraph', children: phrasing }))).toBe('The **DCC shall** not\n');
  });

  it('keeps a space between two bold runs inside the emphasis', () => {
    const phrasing = segmentsToPhrasing([{ text: 'Aclara', bold: true }, { text: ' ' }, { text: 'meter', bold: true }]);
    expect(phrasing).toEqual([{ type: 'strong', children: [{ type: 'text', value: 'Aclara meter' }] }]);
  });

  it('puts a label before the text', () => {
    expect(withLabel('2.3', [{ type: 'text', value: 'The DCC' }])).toEqual([{ type: 'text', value: '2.3 The DCC' }]);
    expect(withLabel('(a)', [{ type: 'strong', children: [{ type: 'text', value: 'x' }] }])).toEqual([
      { type: 'text', value: '(a) ' },
      { type: 'strong', children: [{ type: 'text', value: 'x' }] },
    ]);
  });
});
