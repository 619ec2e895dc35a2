import type { PdfPage, PdfRule, PdfTextItem } from './pdf-page.ts';

/** Text marked as changed: struck through (deleted), or underlined in colour outside a link (inserted). */
export interface ChangeMark {
  page: number;
  kind: 'struck' | 'coloured-underline';
  text: string;
}

/** A colour counts as a colour (not black or grey) when its channels differ by at least this much. */
const SATURATION = 0.25;

/**
 * Finds change marks, the signs of a red-lined document: a line drawn through the middle of
 * text (deleted words), or a coloured line under text that is not a link (inserted words).
 * Underlines alone (links, emphasis) and coloured text alone (headings) are not change marks.
 */
export function findChangeMarks(pages: readonly PdfPage[]): ChangeMark[] {
  const marks: ChangeMark[] = [];
  for (const page of pages) {
    const horizontal = page.rules.filter((r) => r.y1 - r.y0 <= 2.5 && r.x1 - r.x0 >= 3);
    for (const item of page.items) {
      if (item.text.trim().length === 0) continue;
      for (const rule of horizontal) {
        if (!overlaps(rule, item)) continue;
        const middle = (rule.y0 + rule.y1) / 2 - item.y;
        if (middle >= item.size * 0.15 && middle <= item.size * 0.6) {
          marks.push({ page: page.number, kind: 'struck', text: item.text.trim() });
          break;
        }
        if (middle < item.size * 0.05 && middle >= -item.size * 0.35 && saturated(rule.color) && !inLink(page, item)) {
          marks.push({ page: page.number, kind: 'coloured-underline', text: item.text.trim() });
          break;
        }
      }
    }
  }
  return marks;
}

/** The rule covers most of the text run, and is not much longer than it (a table border is). */
function overlaps(rule: PdfRule, item: PdfTextItem): boolean {
  const left = Math.max(rule.x0, item.x);
  const right = Math.min(rule.x1, item.x + item.width);
  const shared = right - left;
  return shared > 0 && shared >= Math.min(item.width, rule.x1 - rule.x0) * 0.6 && rule.x1 - rule.x0 <= item.width * 3 + item.size * 4;
}

function saturated([r, g, b]: [number, number, number]): boolean {
  return Math.max(r, g, b) - Math.min(r, g, b) >= SATURATION;
}

function inLink(page: PdfPage, item: PdfTextItem): boolean {
  const x = item.x + item.width / 2;
  const y = item.y + item.size / 3;
  return page.links.some((l) => x >= l.x0 && x <= l.x1 && y >= l.y0 - 2 && y <= l.y1 + 2);
}
