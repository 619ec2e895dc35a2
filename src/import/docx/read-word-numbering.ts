import type { Element } from '@xmldom/xmldom';
import { checkLimit } from '../import-limits.ts';
import { attribute, child, children, isOn, val } from '../ooxml.ts';
import type { WordStyle } from './read-word-styles.ts';
import type { AbstractNumbering, LevelOverride, NumberingDefinitions, NumberingInstance, NumberingLevel } from './word-numbering.ts';

/**
 * Reads numbering.xml into the plain definitions {@link NumberingCounter} computes with.
 * A definition that only points at a numbering style (`w:numStyleLink`) takes the levels of
 * the definition that style leads to, as Word does.
 */
export function readWordNumbering(root: Element | undefined, styles: ReadonlyMap<string, WordStyle>): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNumbering>();
  const instances = new Map<string, NumberingInstance>();
  if (!root) return { abstracts, instances };
  const links = new Map<string, string>();
  const styleLinks = new Map<string, string>();
  for (const element of children(root, 'abstractNum')) {
    const id = attribute(element, 'abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, NumberingLevel>();
    for (const lvl of children(element, 'lvl')) {
      const index = Number(attribute(lvl, 'ilvl') ?? '0');
      levels.set(index, readLevel(lvl));
    }
    abstracts.set(id, { levels });
    const numStyleLink = val(element, 'numStyleLink');
    if (numStyleLink) links.set(id, numStyleLink);
    const styleLink = val(element, 'styleLink');
    if (styleLink) styleLinks.set(styleLink, id);
  }
  for (const element of children(root, 'num')) {
    const numId = attribute(element, 'numId');
    const abstractId = val(element, 'abstractNumId');
    if (numId === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, LevelOverride>();
    for (const override of children(element, 'lvlOverride')) {
      const index = Number(attribute(override, 'ilvl') ?? '0');
      const start = val(override, 'startOverride');
      const lvl = child(override, 'lvl');
      overrides.set(index, {
        ...(start !== undefined ? { start: startValue(start, `list ${numId}, level ${index + 1}, startOverride`) } : {}),
        ...(lvl ? { level: readLevel(lvl) } : {}),
      });
    }
    instances.set(numId, { abstractId, overrides });
  }
  for (const [id, styleId] of links) {
    const target = styleLinks.get(styleId) ?? abstractOfStyle(styleId);
    const levels = target ? abstracts.get(target)?.levels : undefined;
    if (levels && target !== id) abstracts.set(id, { levels });
  }
  return { abstracts, instances };

  function abstractOfStyle(styleId: string): string | undefined {
    const numId = styles.get(styleId)?.numId;
    return numId ? instances.get(numId)?.abstractId : undefined;
  }
}

/** The level bound to a paragraph style (`w:pStyle` in a level), for style numbering without an explicit level. */
export function levelForStyle(definitions: NumberingDefinitions, numId: string, styleId: string): number | undefined {
  const instance = definitions.instances.get(numId);
  const abstract = instance ? definitions.abstracts.get(instance.abstractId) : undefined;
  if (!abstract) return undefined;
  for (const [index, level] of abstract.levels) if (level.style === styleId) return index;
  return undefined;
}

function readLevel(lvl: Element): NumberingLevel {
  const start = val(lvl, 'start');
  const restart = val(lvl, 'lvlRestart');
  const style = val(lvl, 'pStyle');
  return {
    start: start !== undefined ? startValue(start, `level ${Number(attribute(lvl, 'ilvl') ?? '0') + 1}, start`) : 0,
    format: val(lvl, 'numFmt') ?? 'decimal',
    text: val(lvl, 'lvlText') ?? '',
    ...(restart !== undefined ? { restart: Number(restart) } : {}),
    ...(isOn(lvl, 'isLgl') ? { legal: true } : {}),
    ...(style ? { style } : {}),
  };
}

/**
 * A list's start value, refused over the limit before any label is made: a letter or roman
 * label is written by repetition (value 1,000,000 in letters is 38,462 letters, per paragraph).
 */
function startValue(text: string, where: string): number {
  const value = Number(text);
  checkLimit('numberingStart', Math.abs(value), `numbering.xml, ${where} ${text}`);
  return value;
}
