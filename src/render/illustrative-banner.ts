import type { Element } from 'hast';
import { h } from 'hastscript';

/** The banner shown wherever the text is ours, not the legal text of the SEC. */
export function illustrativeBanner(): Element {
  return h('div', { className: ['banner', 'banner-illustrative'], role: 'note', ariaLabel: 'Illustrative text' }, [
    h('strong', 'Illustrative text.'),
    ' This text is written by this project to show how versions are compared. It is not the legal text of the Smart Energy Code; the dates, document names and the direction of 24 July 2020 are real.',
  ]);
}
