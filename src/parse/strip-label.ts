import type { PhrasingContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';

/** Removes the label (and the space after it) from the start of a paragraph or heading. */
export function stripLabel(node: { children: PhrasingContent[] }, length: number): void {
  let rest = length;
  while (rest > 0 && node.children.length > 0) {
    const first = node.children[0] as PhrasingContent;
    if (first.type !== 'text') {
      // A label split across formatting (e.g. "**2.3** text"): strip within it.
      if ('children' in first) {
        const inner = mdastText(first).length;
        if (inner <= rest) {
          node.children.shift();
          rest -= inner;
          continue;
        }
        stripLabel(first as { children: PhrasingContent[] }, rest);
      }
      return;
    }
    if (first.value.length <= rest) {
      rest -= first.value.length;
      node.children.shift();
    } else {
      first.value = first.value.slice(rest).replace(/^\s+/, '');
      rest = 0;
    }
  }
  const head = node.children[0];
  if (head?.type === 'text') head.value = head.value.replace(/^\s+/, '');
}
