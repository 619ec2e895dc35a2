import type { Element } from '@xmldom/xmldom';
import { attribute, child, children, isOn, val } from '../ooxml.ts';

/** A style of styles.xml, with only what the importer uses. */
export interface WordStyle {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  /** Numbering set by the style (`w:pPr/w:numPr`); `ilvl` may be left to the level bound to the style. */
  numId?: string;
  ilvl?: number;
  /** Outline level 0–8 (`w:outlineLvl`): 0 is a top heading. */
  outlineLevel?: number;
  bold?: boolean;
  italic?: boolean;
}

/** The paragraph style as it applies, following `basedOn` to the styles it inherits from. */
export interface ResolvedStyle {
  id: string;
  name: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  bold?: boolean;
  italic?: boolean;
}

/** Reads styles.xml into styles by id. */
export function readWordStyles(root: Element | undefined): Map<string, WordStyle> {
  const styles = new Map<string, WordStyle>();
  if (!root) return styles;
  for (const element of children(root, 'style')) {
    const id = attribute(element, 'styleId');
    if (!id) continue;
    const pPr = child(element, 'pPr');
    const rPr = child(element, 'rPr');
    const numId = val(pPr, 'numPr', 'numId');
    const ilvl = val(pPr, 'numPr', 'ilvl');
    const outline = val(pPr, 'outlineLvl');
    const bold = isOn(rPr, 'b');
    const italic = isOn(rPr, 'i');
    styles.set(id, {
      id,
      type: attribute(element, 'type') ?? 'paragraph',
      name: val(element, 'name') ?? id,
      ...(val(element, 'basedOn') ? { basedOn: val(element, 'basedOn') as string } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
      ...(outline !== undefined ? { outlineLevel: Number(outline) } : {}),
      ...(bold !== undefined ? { bold } : {}),
      ...(italic !== undefined ? { italic } : {}),
    });
  }
  return styles;
}

/** A style with everything it inherits; the nearest definition of each property wins. */
export function resolveStyle(styles: ReadonlyMap<string, WordStyle>, id: string | undefined): ResolvedStyle | undefined {
  if (!id) return undefined;
  const chain: WordStyle[] = [];
  const seen = new Set<string>();
  for (let style = styles.get(id); style && !seen.has(style.id); style = style.basedOn ? styles.get(style.basedOn) : undefined) {
    seen.add(style.id);
    chain.push(style);
  }
  const first = chain[0];
  if (!first) return undefined;
  const pick = <K extends keyof WordStyle>(key: K): WordStyle[K] | undefined => chain.find((s) => s[key] !== undefined)?.[key];
  const resolved: ResolvedStyle = { id: first.id, name: first.name };
  const numbered = chain.find((s) => s.numId !== undefined);
  if (numbered?.numId !== undefined) {
    resolved.numId = numbered.numId;
    if (numbered.ilvl !== undefined) resolved.ilvl = numbered.ilvl;
  }
  const outlineLevel = pick('outlineLevel');
  if (outlineLevel !== undefined) resolved.outlineLevel = outlineLevel;
  else {
    // Some generators name headings without giving them an outline level.
    const heading = /^heading\s*([1-9])$/i.exec(first.name);
    if (heading) resolved.outlineLevel = Number(heading[1]) - 1;
  }
  const bold = pick('bold');
  if (bold !== undefined) resolved.bold = bold;
  const italic = pick('italic');
  if (italic !== undefined) resolved.italic = italic;
  return resolved;
}
