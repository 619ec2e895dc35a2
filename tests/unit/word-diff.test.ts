import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseClauses } from '#parse/parse-clauses.ts';
import { diffTokens, isWhitespace, tokenize, wordDiff } from '#compare/word-diff.ts';

const content = (markdown: string): ElementContent[] => parseClauses(markdown, { file: 't.md' }).clauses[0]?.content ?? [];
const html = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes });

describe('wordDiff', () => {
  it('marks changed words in both columns', () => {
    const diff = wordDiff(content('8.6 The UTRN Cutover Period is 48 hours.'), content('8.6 The UTRN Cutover Period is 336 hours.'));
    expect(diff.changed).toBe(true);
    expect(html(diff.old)).toBe('<p>The UTRN Cutover Period is <del>48</del> hours.</p>');
    expect(html(diff.new)).toBe('<p>The UTRN Cutover Period is <del class="diff-inline">48</del><ins>336</ins> hours.</p>');
  });

  it('keeps formatting and links around unchanged and changed words', () => {
    const diff = wordDiff(content('2.1 See **Clause 4.41** and [the list](#x) now.'), content('2.1 See **Clause 4.42** and [the list](#x) now.'));
    expect(html(diff.new)).toBe('<p>See <strong>Clause <del class="diff-inline">4.41</del><ins>4.42</ins></strong> and <a href="#x">the list</a> now.</p>');
  });

  it('marks a clause number as one word', () => {
    const diff = wordDiff(content('1.1 within 1.5 hours under 4.12A.'), content('1.1 within 2.5 hours under 4.12B.'));
    expect(html(diff.old)).toBe('<p>within <del>1.5</del> hours under <del>4.12A</del>.</p>');
  });

  it('marks a case-only change on the letters that changed', () => {
    const diff = wordDiff(content('1.1 the account holder'), content('1.1 the Account holder'));
    expect(diff.changed).toBe(true);
    expect(html(diff.old)).toBe('<p>the <del class="case">a</del>ccount holder</p>');
    expect(html(diff.new)).toBe('<p>the <del class="diff-inline case">a</del><ins class="case">A</ins>ccount holder</p>');
  });

  it('marks a cross-reference that follows its renumbered target as consequential', () => {
    const renumbered = new Map([['5.7', '5.8']]);
    const diff = wordDiff(content('6.5 under Clause 5.7, it shall act within 5 days.'), content('6.5 under Clause 5.8, it shall act within 10 days.'), { renumbered });
    expect(diff.consequential).toBe(true);
    expect(html(diff.old)).toBe('<p>under Clause <del class="consequential">5.7</del>, it shall act within <del>5</del> days.</p>');
    expect(html(diff.new)).toBe(
      '<p>under Clause <del class="diff-inline consequential">5.7</del><ins class="consequential">5.8</ins>, it shall act within <del class="diff-inline">5</del><ins>10</ins> days.</p>',
    );
  });

  it('does not mark a reference as consequential when it points somewhere new', () => {
    const diff = wordDiff(content('6.5 under Clause 5.7.'), content('6.5 under Clause 5.9.'), { renumbered: new Map([['5.7', '5.8']]) });
    expect(diff.consequential).toBe(false);
    expect(html(diff.new)).toBe('<p>under Clause <del class="diff-inline">5.7</del><ins>5.9</ins>.</p>');
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

describe('isWhitespace', () => {
  it('says of every character of the Basic Multilingual Plane what \\s says', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhitespace(code) !== /^\s/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
    // Astral characters are never whitespace: a token's first unit there is a lead surrogate.
    expect(isWhitespace('𝐀'.charCodeAt(0))).toBe(false);
  });
});
