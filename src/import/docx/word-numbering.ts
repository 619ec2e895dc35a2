/**
 * Word's automatic numbering, computed the way Word displays it.
 *
 * A .docx file does not contain the numbers a reader sees in front of numbered paragraphs
 * ("2.3", "18.4(a)"): it holds numbering definitions (numbering.xml) and, on each paragraph,
 * which list and level it belongs to. This module turns that sequence into the displayed
 * labels. It is pure: the definitions come in as plain data (see read-word-numbering.ts).
 */

import { toRoman } from '#parse/clause-number.ts';

/** A number format of a level (`w:numFmt`); the common ones are formatted, others fall back to decimal. */
export type NumberFormat = 'decimal' | 'decimalZero' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman' | 'bullet' | 'none' | (string & {});

/** One level of a multilevel list (`w:lvl`). */
export interface NumberingLevel {
  /** First value of the counter (`w:start`); the file format's default is 0. */
  start: number;
  format: NumberFormat;
  /** Level text such as `%1.%2` or `(%3)`: `%n` stands for the counter of level n (1-based). */
  text: string;
  /**
   * `w:lvlRestart`: the counter restarts when a level numbered (1-based) at most this value is
   * used; 0 means never. Undefined: restarts after any higher level, as Word does by default.
   */
  restart?: number;
  /** `w:isLgl`: show every level's counter as a decimal ("legal" numbering). */
  legal?: boolean;
  /** `w:pStyle`: the paragraph style bound to this level. */
  style?: string;
}

/** A numbering definition (`w:abstractNum`): up to nine levels, by level index 0–8. */
export interface AbstractNumbering {
  levels: ReadonlyMap<number, NumberingLevel>;
}

/** A level override of a numbering instance (`w:lvlOverride`). */
export interface LevelOverride {
  /** `w:startOverride`: the instance restarts this level at this value. */
  start?: number;
  /** A replacement level definition. */
  level?: NumberingLevel;
}

/** A numbering instance (`w:num`): what paragraphs point at with their `numId`. */
export interface NumberingInstance {
  abstractId: string;
  overrides: ReadonlyMap<number, LevelOverride>;
}

/** All numbering definitions of a document. */
export interface NumberingDefinitions {
  abstracts: ReadonlyMap<string, AbstractNumbering>;
  instances: ReadonlyMap<string, NumberingInstance>;
}

/** The number Word shows in front of a paragraph. */
export interface DisplayedNumber {
  /** The label as displayed, e.g. `18.4`, `(a)`, or the bullet character. */
  label: string;
  format: NumberFormat;
  /** Level index, 0–8. */
  level: number;
}

const MAX_LEVELS = 9;

interface ListState {
  /** Current value per level; undefined until the level is first used (or after a restart). */
  counters: Array<number | undefined>;
}

/**
 * Computes displayed numbers paragraph by paragraph, in document order. Instances of the
 * same definition continue one list (as in Word) unless an instance restarts a level with
 * `w:startOverride`, which makes it a list of its own.
 */
export class NumberingCounter {
  readonly #definitions: NumberingDefinitions;
  readonly #lists = new Map<string, ListState>();

  constructor(definitions: NumberingDefinitions) {
    this.#definitions = definitions;
  }

  /**
   * The number of the next paragraph of list `numId` at level `level`, advancing the counters.
   * Undefined for `numId` 0 (numbering switched off) or an instance or level that is not defined.
   */
  next(numId: string, level: number): DisplayedNumber | undefined {
    if (numId === '0' || level < 0 || level >= MAX_LEVELS) return undefined;
    const instance = this.#definitions.instances.get(numId);
    if (!instance) return undefined;
    const abstract = this.#definitions.abstracts.get(instance.abstractId);
    if (!abstract) return undefined;
    const levelOf = (index: number): NumberingLevel | undefined => {
      const override = instance.overrides.get(index);
      const base = override?.level ?? abstract.levels.get(index);
      if (!base) return undefined;
      return override?.start !== undefined ? { ...base, start: override.start } : base;
    };
    const definition = levelOf(level);
    if (!definition) return undefined;

    const restarts = [...instance.overrides.values()].some((o) => o.start !== undefined);
    const key = restarts ? `num:${numId}` : `abstract:${instance.abstractId}`;
    let state = this.#lists.get(key);
    if (!state) {
      state = { counters: new Array<number | undefined>(MAX_LEVELS).fill(undefined) };
      this.#lists.set(key, state);
    }
    const current = state.counters[level];
    state.counters[level] = current === undefined ? definition.start : current + 1;
    for (let lower = level + 1; lower < MAX_LEVELS; lower++) {
      const restart = levelOf(lower)?.restart;
      // lvlRestart is 1-based: "restart after level N" means any level index below N.
      if (restart === undefined || (restart !== 0 && level < restart)) state.counters[lower] = undefined;
    }

    if (definition.format === 'bullet') return { label: definition.text, format: 'bullet', level };
    const counters = state.counters;
    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const referenced = levelOf(index);
      if (!referenced) return '';
      // A higher level not used yet shows its start value, as Word does.
      const value = counters[index] ?? referenced.start;
      return formatNumber(value, definition.legal ? 'decimal' : referenced.format);
    });
    return { label, format: definition.format, level };
  }
}

/** Formats a counter value in a Word number format: `3` → `c`, `iii`, `03`; letters past z double (`aa`). */
export function formatNumber(value: number, format: NumberFormat): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'lowerLetter':
    case 'upperLetter': {
      if (value < 1) return String(value);
      const letter = String.fromCharCode(97 + ((value - 1) % 26));
      const text = letter.repeat(Math.floor((value - 1) / 26) + 1);
      return format === 'upperLetter' ? text.toUpperCase() : text;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const text = toRoman(value);
      return format === 'upperRoman' ? text.toUpperCase() : text;
    }
    default:
      return String(value);
  }
}
