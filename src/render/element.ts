import type { Element, ElementContent, Properties } from 'hast';

/** What {@link element} takes as children: nodes, strings (text nodes) and lists of them; null and undefined are skipped. */
export type Child = ElementContent | string | null | undefined | readonly Child[];

/**
 * A hast element made directly, for the renderers' hottest paths (every row of a comparison,
 * every clause of a version page): `hastscript`'s `h` looks up each property's schema on every
 * call (some 5 µs for a comparison row's element, 0.1 µs made directly), which at the scale of
 * the whole SEC is tens of seconds of a build. `properties` are taken as hast properties, as `h`
 * would leave them: `className`, `rel` and the ARIA id lists (`ariaDescribedBy`) as lists,
 * `dataX` for `data-x`, numbers as numbers; null and undefined values are left out. The
 * serialised HTML is the same as `h`'s (tests/unit/element.test.ts compares them).
 */
export function element(tagName: string, properties: Properties = {}, children: readonly Child[] = []): Element {
  const kept: Properties = {};
  for (const key in properties) {
    const value = properties[key];
    if (value !== null && value !== undefined) kept[key] = value;
  }
  const nodes: ElementContent[] = [];
  addChildren(nodes, children);
  return { type: 'element', tagName, properties: kept, children: nodes };
}

function addChildren(nodes: ElementContent[], children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined) continue;
    if (typeof child === 'string') nodes.push({ type: 'text', value: child });
    else if (Array.isArray(child)) addChildren(nodes, child);
    else nodes.push(child as ElementContent);
  }
}
