import { describe, expect, it } from 'vitest';
import { blankFrontMatter, parseClauses } from '#parse/parse-clauses.ts';

const parse = (markdown: string, lineOffset = 0) => parseClauses(markdown, { file: 'content/documents/x/v1.0.md', lineOffset });

describe('parseClauses', () => {
  const markdown = [
    '## 1 Introduction', // 1
    '',
    'This document sets out the rules.', // 3
    '',
    '1.1 The DCC shall publish the Migration Window.', // 5
    '',
    '1.2 In this document:', // 7
    '',
    '(a) "Active Meter" means a meter in use;', // 9
    '',
    '(b) "Dormant Meter" means a meter not in use, which:',
    '',
    '(i) has no Supplier Party; or',
    '',
    '(ii) has not been enrolled.',
    '',
    '1.2A A clause inserted later.',
    '',
    '### 1. Account Terms',
    '',
    'H14.36A SMETS1 Pending Product Combinations Tests apply.',
    '',
    'X2.4(b) the Panel shall decide.',
    '',
    'F1.4 (e) with a space.',
    '',
    '## A. Definitions',
    '',
    '| Device Model | Clauses |',
    '| --- | --- |',
    '| Model A | 18.3 |',
    '| Model B | 18.4A |',
  ].join('\n');
  const { clauses, problems } = parse(markdown);
  const bySlug = new Map(clauses.map((c) => [c.slug, c]));

  it('gives every numbering form its slug', () => {
    expect(clauses.map((c) => c.slug)).toEqual(
      ['1', '1-p1', '1.1', '1.2', '1.2-a', '1.2-b', '1.2-b-i', '1.2-b-ii', '1.2a', '1', 'h14.36a', 'x2.4-b', 'f1.4-e', 'a', 'a-table', 'a-table-model-a', 'a-table-model-b'].map(
        (slug, index) => (index === 9 ? '1.1~2' : slug),
      ),
    );
  });

  it('reads a heading numbered afresh in its section, and warns of the duplicate that makes, with both lines', () => {
    // `### 1. Account Terms` inside `## 1 Introduction` is 1.1, which clause 1.1 already is.
    expect(clauses[9]).toMatchObject({ kind: 'heading', number: '1.1', label: '1', slug: '1.1~2', parent: '1' });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', line: 19, message: 'duplicate clause 1.1 (lines 5 and 19): this one is anchored #1.1~2' }));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps numbers, labels and text apart', () => {
    const clause = bySlug.get('1.2-b-i');
    expect(clause).toMatchObject({ number: '1.2(b)(i)', label: '(i)', text: 'has no Supplier Party; or', depth: 2, parent: '1.2-b' });
    expect(bySlug.get('f1.4-e')).toMatchObject({ number: 'F1.4(e)', label: 'F1.4 (e)', text: 'with a space.' });
    expect(bySlug.get('1')).toMatchObject({ kind: 'heading', number: '1', label: '1', text: 'Introduction', rank: 2 });
    expect(bySlug.get('1.1')).toMatchObject({ kind: 'clause', parent: '1', depth: 0, path: ['1 Introduction'] });
  });

  it('gives unnumbered paragraphs a fallback anchor under their heading', () => {
    expect(bySlug.get('1-p1')).toMatchObject({ kind: 'paragraph', number: null, text: 'This document sets out the rules.' });
  });

  it('keys table rows by their first cell', () => {
    expect(bySlug.get('a-table')).toMatchObject({ kind: 'table', text: 'Device Model | Clauses' });
    expect(bySlug.get('a-table-model-b')).toMatchObject({ kind: 'row', label: 'Model B', table: 'a-table', text: 'Model B | 18.4A' });
  });

  it('records source lines, shifted past the front matter', () => {
    const shifted = parse(markdown, 6).clauses;
    expect(shifted.find((c) => c.slug === '1.1')?.start).toEqual({ line: 11, column: 1 });
    expect(bySlug.get('1.2-a')?.start.line).toBe(9);
  });
});

describe('sub-paragraph labels', () => {
  it('reads (i) after (h) as a letter, and after (a) as a numeral', () => {
    const letters = 'abcdefghi'.split('').map((l) => `(${l}) item ${l}`);
    const { clauses } = parse(['2.1 Lead:', ...letters].join('\n\n'));
    expect(clauses.at(-1)).toMatchObject({ slug: '2.1-i', number: '2.1(i)', depth: 1 });

    const nested = parse(['2.1 Lead:', '(a) first, where:', '(i) one;', '(ii) two;', '(b) second.'].join('\n\n')).clauses;
    expect(nested.map((c) => [c.slug, c.parent])).toEqual([
      ['2.1', null],
      ['2.1-a', '2.1'],
      ['2.1-a-i', '2.1-a'],
      ['2.1-a-ii', '2.1-a'],
      ['2.1-b', '2.1'],
    ]);
  });

  it('continues a list written as list items', () => {
    const { clauses } = parse('3.1 Lead:\n\n- (a) one;\n- (b) two.');
    expect(clauses.map((c) => c.slug)).toEqual(['3.1', '3.1-a', '3.1-b']);
  });
});

describe('problems', () => {
  it('warns of a duplicate clause at the second, naming both lines (and not also as going backwards)', () => {
    const { problems, clauses } = parse('2.3 First.\n\n2.4 Second.\n\n2.3 Again.\n\n2.3 Once more.', 4);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/documents/x/v1.0.md',
        line: 9,
        column: 1,
        severity: 'warning',
        message: 'duplicate clause 2.3 (lines 5 and 9): this one is anchored #2.3~2',
      }),
      expect.objectContaining({ line: 11, severity: 'warning', message: 'duplicate clause 2.3 (lines 5 and 11): this one is anchored #2.3~3' }),
    ]);
    expect(clauses.map((c) => [c.slug, c.number, c.label])).toEqual([
      ['2.3', '2.3', '2.3'],
      ['2.4', '2.4', '2.4'],
      ['2.3~2', '2.3', '2.3'],
      ['2.3~3', '2.3', '2.3'],
    ]);
  });

  it('warns when numbers go backwards', () => {
    const { problems } = parse('4.3 First.\n\n4.2 Second.');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3, message: 'clause numbers go backwards: 4.2 comes after 4.3 (line 1)' })]);
  });

  it('reports a number it cannot read', () => {
    const { problems } = parse('2..3 The DCC shall.');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: 'cannot read clause number "2..3"' })]);
  });
});

describe('content safety', () => {
  it('keeps text that looks like HTML as text and drops raw scripts', () => {
    const { clauses } = parse('2.1 Use `<script>` and \\<b\\> here.\n\n2.2 Raw <script>alert(1)</script><b onclick="x()">bold</b>.');
    expect(clauses[0]?.text).toBe('Use <script> and <b> here.');
    const raw = JSON.stringify(clauses[1]?.content);
    expect(raw).not.toContain('script');
    expect(raw).not.toContain('onclick');
    expect(clauses[1]?.text).toBe('Raw bold.');
  });
});

describe('generic legal Markdown', () => {
  const markdown = [
    '---', // 1
    'title: Terms',
    'owner: Legal',
    '---',
    '',
    '<!-- drafting note: not part of the text -->', // 6
    '',
    '## A. Definitions', // 8
    '',
    '1. "Account" means the account of {{ party_name }}.', // 10
    '2. "Provider" means [Provider Name].',
    '   1. Nested first.',
    '   2. Nested second.',
    '      - a bullet that belongs to it',
    '',
    '> [!NOTE]', // 16
    '> Definitions apply throughout.',
    '',
    '### 1. Account Terms', // 19
    '',
    'You agree that:', // 21
    '',
    '1. You are eighteen or over.', // 23
    '2. You keep your password safe.',
  ].join('\n');
  const { clauses, problems } = parse(markdown);
  const bySlug = new Map(clauses.map((c) => [c.slug, c]));

  it('numbers ordered list items under their section, nested lists under their item', () => {
    expect(clauses.map((c) => [c.slug, c.number, c.label, c.parent])).toEqual([
      ['a', 'A', 'A', null],
      ['a.1', 'A.1', '1.', 'a'],
      ['a.2', 'A.2', '2.', 'a'],
      ['a.2.1', 'A.2.1', '1.', 'a.2'],
      ['a.2.2', 'A.2.2', '2.', 'a.2'],
      ['a-p1', null, 'Note', 'a'],
      // Numbered afresh inside section A, the heading is A.1, as the first definition already is.
      ['a.1~2', 'A.1', '1', 'a'],
      ['a.1~2-p1', null, null, 'a.1~2'],
      ['a.1.1', 'A.1.1', '1.', 'a.1~2'],
      ['a.1.2', 'A.1.2', '2.', 'a.1~2'],
    ]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 19, message: 'duplicate clause A.1 (lines 10 and 19): this one is anchored #a.1~2' })]);
  });

  it('ignores front matter and comments in the body, keeping line numbers', () => {
    expect(clauses.some((c) => /title|drafting note/.test(c.text))).toBe(false);
    expect(bySlug.get('a')?.start.line).toBe(8);
    expect(bySlug.get('a.1.1')?.start.line).toBe(23);
  });

  it('keeps template placeholders and bullets inside an item as text', () => {
    expect(bySlug.get('a.1')?.text).toBe('"Account" means the account of {{ party_name }}.');
    expect(bySlug.get('a.2')?.text).toBe('"Provider" means [Provider Name].');
    expect(bySlug.get('a.2.2')?.text).toBe('Nested second. a bullet that belongs to it');
  });

  it('makes an alert block a paragraph of its own, labelled by its type', () => {
    const note = bySlug.get('a-p1');
    expect(note).toMatchObject({ kind: 'paragraph', label: 'Note', text: 'Definitions apply throughout.' });
    expect(note?.content[0]).toMatchObject({ type: 'element', tagName: 'div', properties: { className: ['alert', 'alert-note'] } });
  });

  it('leaves a body that merely starts with a thematic break alone', () => {
    expect(blankFrontMatter('---\n\nText after a rule.\n\n---\n')).toBe('---\n\nText after a rule.\n\n---\n');
    expect(blankFrontMatter('---\nkey: value\n---\nText')).toBe('\n\n\nText');
  });
});
