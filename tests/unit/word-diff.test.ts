import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../src/lib/parse-clauses.ts';
import { diffTokens, tokenize, wordDiff } from '../../src/lib/word-diff.ts';

const content = (markdown: string): ElementContent[] => parseClauses(markdown, { file: 't.md' }).clauses[0]?.content ?? [];
const html = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes });

describe('wordDiff', () => {
  it('marks changed words in both columns', () => {
    const diff = wordDiff(
      content('8.6 The UTRN Cutover Period is 48 hours.'),
      content('8.6 The UTRN Cutover Period is 336 hours.'),
    );
    expect(diff.changed).toBe(true);
    expect(html(diff.old)).toBe('<p>The UTRN Cutover Period is <del>48</del> hours.</p>');
    expect(html(diff.new)).toBe('<p>The UTRN Cutover Period is <del class="diff-inline">48</del><ins>336</ins> hours.</p>');
  });

  it('keeps formatting and links around unchanged and changed words', () => {
    const diff = wordDiff(
      content('2.1 See **Clause 4.41** and [the list](#x) now.'),
      content('2.1 See **Clause 4.42** and [the list](#x) now.'),
    );
    expect(html(diff.new)).toBe(
      '<p>See <strong>Clause 4.<del class="diff-inline">41</del><ins>42</ins></strong> and <a href="#x">the list</a> now.</p>',
    );
  });

  it('groups a multi-word change as one deletion and one insertion', () => {
    const diff = wordDiff(content('1.1 migrate the meter now.'), content('1.1 enrol the Secure meter now.'));
    expect(html(diff.old)).toBe('<p><del>migrate</del> the meter now.</p>');
    expect(html(diff.new)).toContain('<ins>enrol</ins>');
    expect(html(diff.new)).toContain('<ins>Secure </ins>');
  });

  it('does not count a hard wrap or extra spaces as a change', () => {
    const diff = wordDiff(content('1.1 one two\nthree'), content('1.1 one   two three'));
    expect(diff.changed).toBe(false);
    expect(html(diff.new)).not.toContain('<ins>');
  });

  it('escapes text that looks like HTML', () => {
    const diff = wordDiff(content('1.1 use `a`'), content('1.1 use \\<script\\>alert(1)\\</script\\>'));
    expect(html(diff.new)).toContain('&#x3C;script>');
    expect(html(diff.new)).not.toContain('<script>');
  });
});

describe('diffTokens', () => {
  it('falls back to whole replacement when the edit is too large to compute', () => {
    const a = tokenize([{ type: 'text', value: Array.from({ length: 4500 }, (_, i) => `a${i}`).join(' ') }]);
    const b = tokenize([{ type: 'text', value: Array.from({ length: 4500 }, (_, i) => `b${i}`).join(' ') }]);
    const runs = diffTokens(a, b);
    expect(runs.map((r) => [r.op, r.tokens.length])).toEqual([
      ['removed', a.length],
      ['added', b.length],
    ]);
  });
});
