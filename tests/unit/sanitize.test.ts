import { toHtml } from 'hast-util-to-html';
import type { RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blocksToHast } from '#parse/blocks-to-hast.ts';

const render = (markdown: string) => toHtml({ type: 'root', children: blocksToHast(unified().use(remarkParse).use(remarkGfm).parse(markdown).children as RootContent[]) });

describe('raw HTML in content', () => {
  it('drops scripts, styles, frames, objects and SVG with everything inside them', () => {
    expect(render('a <script>alert(1)</script> b')).toBe('<p>a  b</p>');
    expect(render('<style>p { display: none }</style>\n\ntext').trim()).toBe('<p>text</p>');
    expect(render('a <iframe src="https://x.example/"></iframe><object data="x"></object> b')).toBe('<p>a  b</p>');
    expect(render('a <svg><text>drawn</text><script>alert(1)</script></svg> b')).toBe('<p>a  b</p>');
  });

  it('removes event handlers, style attributes and dangerous URLs, keeping the text', () => {
    expect(render('<b onclick="x()" style="display:none">bold</b>')).toBe('<p><b>bold</b></p>');
    expect(render('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](vbscript:x)')).toBe(
      '<p><a>a</a> <b>b</b> <a>c</a> <a>d</a></p>'.replace('<b>b</b>', '<a>b</a>'),
    );
    expect(render('<a href="jav&#x09;ascript:alert(1)">e</a>')).toBe('<p><a>e</a></p>');
  });

  it('shows text that details, hidden or ruby would hide (details stay open), and drops forms and inputs', () => {
    expect(render('<details><summary>More</summary>shown</details>')).toBe('<details open><summary>More</summary>shown</details>');
    expect(render('<details open ontoggle="alert(1)"><summary>More</summary>shown</details>')).toBe('<details open><summary>More</summary>shown</details>');
    expect(render('<span hidden>secret</span>')).toBe('<p><span>secret</span></p>');
    expect(render('<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>')).toBe('<p>漢(kan)</p>');
    expect(render('<form action="/x"><input value="v"><button>Go</button></form>')).toBe('Go');
  });

  it('takes no keyboard shortcuts, focus order or screen-reader labels from content', () => {
    expect(render('<a href="/x/" accesskey="s" tabindex="1" aria-label="other words">link</a>')).toBe('<p><a href="/x/">link</a></p>');
  });

  it('prefixes content ids so they cannot clash with the page’s own', () => {
    expect(render('<span id="main">x</span>')).toBe('<p><span id="user-content-main">x</span></p>');
  });
});
