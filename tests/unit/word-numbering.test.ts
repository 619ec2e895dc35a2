import { describe, expect, it } from 'vitest';
import { formatNumber, NumberingCounter, type LevelOverride, type NumberingDefinitions, type NumberingLevel } from '#import/docx/word-numbering.ts';

const level = (text: string, format = 'decimal', extra: Partial<NumberingLevel> = {}): NumberingLevel => ({ start: 1, format, text, ...extra });

/** The legal multilevel list SEC documents use: 18, 18.4, 18.4(a), 18.4(a)(ii). */
const legal = (extra: Array<Partial<NumberingLevel>> = []) =>
  new Map<number, NumberingLevel>([
    [0, level('%1', 'decimal', extra[0])],
    [1, level('%1.%2', 'decimal', extra[1])],
    [2, level('(%3)', 'lowerLetter', extra[2])],
    [3, level('(%4)', 'lowerRoman', extra[3])],
  ]);

function definitions(
  abstracts: Record<string, Map<number, NumberingLevel>>,
  instances: Record<string, { abstractId: string; overrides?: Record<number, LevelOverride> }>,
): NumberingDefinitions {
  return {
    abstracts: new Map(Object.entries(abstracts).map(([id, levels]) => [id, { levels }])),
    instances: new Map(
      Object.entries(instances).map(([id, i]) => [id, { abstractId: i.abstractId, overrides: new Map(Object.entries(i.overrides ?? {}).map(([k, v]) => [Number(k), v])) }]),
    ),
  };
}

/** Runs a sequence of [numId, level] paragraphs and returns the labels shown. */
function labels(defs: NumberingDefinitions, paragraphs: Array<[string, number]>): Array<string | undefined> {
  const counter = new NumberingCounter(defs);
  return paragraphs.map(([numId, ilvl]) => counter.next(numId, ilvl)?.label);
}

describe('NumberingCounter', () => {
  it('shows multilevel numbers as the reader sees them: 1, 1.1, 1.2, (a), (b), (i), 2, 2.1', () => {
    const defs = definitions({ a: legal() }, { '1': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 1],
        ['1', 1],
        ['1', 2],
        ['1', 2],
        ['1', 3],
        ['1', 3],
        ['1', 2],
        ['1', 0],
        ['1', 1],
        ['1', 2],
      ]),
    ).toEqual(['1', '1.1', '1.2', '(a)', '(b)', '(i)', '(ii)', '(c)', '2', '2.1', '(a)']);
  });

  it('composes several levels in one label: "%1.%2(%3)" gives 18.4(a)', () => {
    const levels = new Map([
      [0, level('%1', 'decimal', { start: 18 })],
      [1, level('%1.%2', 'decimal', { start: 4 })],
      [2, level('%1.%2(%3)', 'lowerLetter')],
    ]);
    const defs = definitions({ a: levels }, { '7': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['7', 0],
        ['7', 1],
        ['7', 2],
        ['7', 2],
      ]),
    ).toEqual(['18', '18.4', '18.4(a)', '18.4(b)']);
  });

  it('shows the start value of a higher level that has not been used yet', () => {
    const defs = definitions({ a: legal() }, { '1': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 1],
        ['1', 1],
      ]),
    ).toEqual(['1.1', '1.2']);
  });

  it('restarts lower levels after a higher one by default, but not with lvlRestart 0', () => {
    const never = definitions({ a: legal([{}, { restart: 0 }]) }, { '1': { abstractId: 'a' } });
    expect(
      labels(never, [
        ['1', 0],
        ['1', 1],
        ['1', 1],
        ['1', 0],
        ['1', 1],
      ]),
    ).toEqual(['1', '1.1', '1.2', '2', '2.3']);
  });

  it('lvlRestart N restarts only after levels 1..N are used', () => {
    // Level 3 (index 2) restarts only after level 1, not after level 2.
    const defs = definitions({ a: legal([{}, {}, { restart: 1 }]) }, { '1': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 1],
        ['1', 2],
        ['1', 1],
        ['1', 2],
        ['1', 0],
        ['1', 1],
        ['1', 2],
      ]),
    ).toEqual(['1', '1.1', '(a)', '1.2', '(b)', '2', '2.1', '(a)']);
  });

  it('numbers two instances of one definition as one list, as Word does', () => {
    const defs = definitions({ a: legal() }, { '1': { abstractId: 'a' }, '2': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 1],
        ['2', 1],
        ['2', 0],
      ]),
    ).toEqual(['1', '1.1', '1.2', '2']);
  });

  it('starts a list of its own for an instance with a start override', () => {
    const defs = definitions({ a: legal() }, { '1': { abstractId: 'a' }, '2': { abstractId: 'a', overrides: { 0: { start: 18 } } } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 1],
        ['2', 0],
        ['2', 1],
        ['2', 1],
        ['1', 1],
      ]),
    ).toEqual(['1', '1.1', '18', '18.1', '18.2', '1.2']);
  });

  it('uses a level definition replaced by an override', () => {
    const defs = definitions({ a: legal() }, { '1': { abstractId: 'a', overrides: { 2: { level: level('%3)', 'upperLetter') } } } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 1],
        ['1', 2],
        ['1', 2],
      ]),
    ).toEqual(['1', '1.1', 'A)', 'B)']);
  });

  it('writes every level as a decimal under legal numbering (isLgl)', () => {
    const levels = new Map([
      [0, level('%1', 'upperRoman')],
      [1, level('%1.%2', 'decimal', { legal: true })],
    ]);
    const defs = definitions({ a: levels }, { '1': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 0],
        ['1', 1],
      ]),
    ).toEqual(['I', 'II', '2.1']);
  });

  it('gives the bullet character for bullet levels, and nothing for numId 0 or unknown lists', () => {
    const defs = definitions({ b: new Map([[0, level('•', 'bullet')]]) }, { '3': { abstractId: 'b' } });
    const counter = new NumberingCounter(defs);
    expect(counter.next('3', 0)).toEqual({ label: '•', format: 'bullet', level: 0 });
    expect(counter.next('0', 0)).toBeUndefined();
    expect(counter.next('99', 0)).toBeUndefined();
    expect(counter.next('3', 4)).toBeUndefined();
  });

  it('follows the file format default start of 0 when w:start is absent', () => {
    const defs = definitions({ a: new Map([[0, { start: 0, format: 'decimal', text: '%1.' }]]) }, { '1': { abstractId: 'a' } });
    expect(
      labels(defs, [
        ['1', 0],
        ['1', 0],
      ]),
    ).toEqual(['0.', '1.']);
  });
});

describe('formatNumber', () => {
  it.each([
    [3, 'decimal', '3'],
    [3, 'decimalZero', '03'],
    [12, 'decimalZero', '12'],
    [1, 'lowerLetter', 'a'],
    [26, 'lowerLetter', 'z'],
    [27, 'lowerLetter', 'aa'],
    [28, 'upperLetter', 'BB'],
    [4, 'lowerRoman', 'iv'],
    [9, 'lowerRoman', 'ix'],
    [14, 'upperRoman', 'XIV'],
    [1999, 'upperRoman', 'MCMXCIX'],
    [5, 'none', ''],
    [5, 'ordinal', '5'],
  ])('formats %i as %s: %j', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});
