import type { PhrasingContent } from 'mdast';

/** A run of text with the formatting the importers keep. */
export interface TextSegment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** An external link target. */
  url?: string;
}

const same = (a: TextSegment, b: TextSegment) =>
  Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && Boolean(a.strike) === Boolean(b.strike) && a.url === b.url;

/**
 * Builds mdast phrasing from formatted runs: adjacent runs with the same formatting merge,
 * whitespace runs collapse to one space, and spaces at the edges of emphasis move outside it
 * (`**word **` is not emphasis in Markdown). Leading and trailing whitespace is dropped.
 */
export function segmentsToPhrasing(segments: readonly TextSegment[]): PhrasingContent[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const text = segment.text.replace(/[\s\u00a0]+/g, ' ');
    if (text === '') continue;
    // Formatting on spaces alone is invisible: keep the space, drop the formatting.
    const normalized: TextSegment = text.trim() === '' && !segment.url ? { text } : { ...segment, text };
    const last = merged.at(-1);
    // A space between two runs is invisible: it joins the run before it, so "**a** **b**" stays "**a b**".
    if (last && (same(last, normalized) || (normalized.text === ' ' && !normalized.url))) last.text += normalized.text;
    else merged.push({ ...normalized });
  }
  const first = merged[0];
  if (first) first.text = first.text.replace(/^ +/, '');
  const last = merged.at(-1);
  if (last) last.text = last.text.replace(/ +$/, '');

  const out: PhrasingContent[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const previous = out.at(-1);
    if (previous?.type === 'text') previous.value = (previous.value + value).replace(/ {2,}/g, ' ');
    else out.push({ type: 'text', value });
  };
  for (const segment of merged) {
    const lead = /^ */.exec(segment.text)?.[0] ?? '';
    const trail = / *$/.exec(segment.text)?.[0] ?? '';
    const core = segment.text.slice(lead.length, segment.text.length - trail.length);
    pushText(lead);
    if (core !== '') {
      let node: PhrasingContent = { type: 'text', value: core };
      if (segment.strike) node = { type: 'delete', children: [node] };
      if (segment.italic) node = { type: 'emphasis', children: [node] };
      if (segment.bold) node = { type: 'strong', children: [node] };
      if (segment.url) node = { type: 'link', url: segment.url, children: [node] };
      if (node.type === 'text') pushText(node.value);
      else out.push(node);
    }
    pushText(trail);
  }
  return out;
}

/** Puts a clause label (`2.3`, `(a)`) in front of a paragraph's text, as the parser reads it. */
export function withLabel(label: string, phrasing: PhrasingContent[]): PhrasingContent[] {
  if (label === '') return phrasing;
  const head = phrasing[0];
  if (head?.type === 'text') return [{ type: 'text', value: `${label} ${head.value}` }, ...phrasing.slice(1)];
  return [{ type: 'text', value: `${label} ` }, ...phrasing];
}

/** The plain text of phrasing content. */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? phrasingText(node.children) : '')).join('');
}
