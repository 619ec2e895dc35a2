import type { Properties } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { element } from '#render/element.ts';
import { hastToHtml } from '#render/hast-to-html.ts';

/**
 * Properties as the renderers pass them to `element` and, where `h` was given them otherwise
 * (a list as one string, an ARIA name in its attribute's case), as they passed them to `h`.
 */
const CASES: Array<{ tag: string; direct: Properties; viaH?: Record<string, unknown> }> = [
  {
    tag: 'div',
    direct: {
      className: ['cmp-row', 'cmp-change'],
      id: 'r-1',
      dataChange: 'modified',
      dataFrom: undefined,
      dataNav: '',
      tabIndex: -1,
      role: 'group',
      ariaLabel: 'Clause 1: "changed" & <moved>',
    },
  },
  { tag: 'a', direct: { href: '#r-2', rel: ['prev'] }, viaH: { href: '#r-2', rel: 'prev' } },
  { tag: 'a', direct: { className: ['xref'], href: '#x', ariaDescribedBy: ['p1'] }, viaH: { className: ['xref'], href: '#x', ariaDescribedby: 'p1' } },
  { tag: 'span', direct: { className: ['preview'], id: 'p1', dataPagefindIgnore: '' } },
  { tag: 'a', direct: { className: ['permalink'], href: '#s', dataCopyLink: '', title: 'Link to clause 1', ariaLabel: 'Link to clause 1' } },
  { tag: 'th', direct: { scope: 'row' } },
  { tag: 'span', direct: { id: 'alias', className: ['clause-alias'] } },
];

describe('element', () => {
  it.each(CASES)('makes the element h makes: <$tag> with the same properties and HTML', ({ tag, direct, viaH }) => {
    const made = element(tag, direct, ['text & <more>', h('em', 'emphasis'), [' nested', null, undefined]]);
    const expected = h(tag, (viaH ?? direct) as Properties, 'text & <more>', h('em', 'emphasis'), [' nested', null, undefined]);
    expect(made).toEqual(expected);
    expect(hastToHtml(made)).toBe(hastToHtml(expected));
  });

  it('leaves out null and undefined values, keeps empty strings, false and zero', () => {
    const properties = { checked: false, value: '', tabIndex: 0, title: null, hidden: undefined } as unknown as Properties;
    expect(element('input', properties).properties).toEqual({ checked: false, value: '', tabIndex: 0 });
  });

  it('turns strings into text nodes and flattens lists, in order', () => {
    expect(element('p', {}, ['a', ['b', [{ type: 'text', value: 'c' }]], null]).children).toEqual([
      { type: 'text', value: 'a' },
      { type: 'text', value: 'b' },
      { type: 'text', value: 'c' },
    ]);
  });
});
