import { describe, expect, it } from 'vitest';
import {
  compareNumbers,
  looksLikeUnreadableNumber,
  nextLabel,
  parentNumber,
  readClauseNumber,
  readHeadingNumber,
  readSubLabel,
  slugForNumber,
  slugForText,
  toRoman,
} from '#parse/clause-number.ts';

describe('readClauseNumber', () => {
  const cases: Array<[string, string, string, number]> = [
    // text, normalised number, raw label, length stripped
    ['2.3 The DCC shall', '2.3', '2.3', 4],
    ['18.4 Where', '18.4', '18.4', 5],
    ['4.12A A clause inserted later', '4.12A', '4.12A', 6],
    ['H14.36A SMETS1 Pending Product Combinations Tests', 'H14.36A', 'H14.36A', 8],
    ['X2.4(b) the Panel', 'X2.4(b)', 'X2.4(b)', 8],
    ['F1.4 (e) a space before the bracket', 'F1.4(e)', 'F1.4 (e)', 9],
    ['4.12 (b) as DCC cited it', '4.12(b)', '4.12 (b)', 9],
    ['4.45(b) no space', '4.45(b)', '4.45(b)', 8],
    ['18.4(a)(ii) two levels', '18.4(a)(ii)', '18.4(a)(ii)', 12],
    ['2.3. With a trailing dot', '2.3', '2.3', 5],
    ['A3.35 Section A', 'A3.35', 'A3.35', 6],
  ];
  it.each(cases)('reads %j', (text, normalized, raw, length) => {
    const match = readClauseNumber(text);
    expect(match?.number.normalized).toBe(normalized);
    expect(match?.number.raw).toBe(raw);
    expect(match?.length).toBe(length);
  });

  it('splits the parts', () => {
    expect(readClauseNumber('F1.4 (e) text')?.number).toEqual({
      raw: 'F1.4 (e)',
      normalized: 'F1.4(e)',
      base: 'F1.4',
      segments: ['F1', '4'],
      subs: ['e'],
    });
  });

  it('does not read a lone year or a word as a number', () => {
    expect(readClauseNumber('2020 was the year')).toBeUndefined();
    expect(readClauseNumber('The DCC shall')).toBeUndefined();
    expect(readClauseNumber('SMETS1 Devices')).toBeUndefined();
    expect(readClauseNumber('2.3and no space')).toBeUndefined();
  });
});

describe('readHeadingNumber', () => {
  const cases: Array<[string, string, string]> = [
    ['3 Migration', '3', 'Migration'],
    ['3. Migration', '3', 'Migration'],
    ['1. Account Terms', '1', 'Account Terms'],
    ['A. Definitions', 'A', 'Definitions'],
    ['H14 Testing Services', 'H14', 'Testing Services'],
    ['Section 18 Device Behaviours', '18', 'Device Behaviours'],
    ['Section A: Definitions', 'A', 'Definitions'],
    ['4A Secure Enrolment', '4A', 'Secure Enrolment'],
    ['18', '18', ''],
  ];
  it.each(cases)('reads %j', (text, number, rest) => {
    const match = readHeadingNumber(text);
    expect(match?.number.normalized).toBe(number);
    expect(text.slice(match?.length)).toBe(rest);
  });

  it('leaves unnumbered headings alone', () => {
    expect(readHeadingNumber('Introduction')).toBeUndefined();
    expect(readHeadingNumber('Annex')).toBeUndefined();
  });
});

describe('readSubLabel', () => {
  it('reads letters, roman numerals, digits and capitals', () => {
    expect(readSubLabel('(a) the DCC')).toEqual({ label: 'a', length: 4 });
    expect(readSubLabel('(ii) where')).toEqual({ label: 'ii', length: 5 });
    expect(readSubLabel('(3) where')).toEqual({ label: '3', length: 4 });
    expect(readSubLabel('(B) where')).toEqual({ label: 'B', length: 4 });
    expect(readSubLabel('(see below)')).toBeUndefined();
  });
});

describe('slugs', () => {
  it('lower-cases and turns brackets into hyphens', () => {
    expect(slugForNumber('2.3')).toBe('2.3');
    expect(slugForNumber('18.4(a)')).toBe('18.4-a');
    expect(slugForNumber('18.4(a)(ii)')).toBe('18.4-a-ii');
    expect(slugForNumber('4.12A')).toBe('4.12a');
    expect(slugForNumber('F1.4(e)')).toBe('f1.4-e');
    expect(slugForNumber('H14.36A')).toBe('h14.36a');
  });

  it('slugs free text for unnumbered headings and table keys', () => {
    expect(slugForText('Aclara meter, type A (illustrative)')).toBe('aclara-meter-type-a-illustrative');
    expect(slugForText('Définitions')).toBe('definitions');
    expect(slugForText('!!!')).toBe('untitled');
  });
});

describe('numbers in order', () => {
  const n = (text: string) => {
    const number = readClauseNumber(`${text} x`)?.number;
    if (!number) throw new Error(`cannot read ${text}`);
    return number;
  };
  it('compares numerically, with suffixes after their base', () => {
    expect(compareNumbers(n('2.9'), n('2.10'))).toBeLessThan(0);
    expect(compareNumbers(n('2.10'), n('2.10A'))).toBeLessThan(0);
    expect(compareNumbers(n('2.10A'), n('3.1'))).toBeLessThan(0);
    expect(compareNumbers(n('4.3'), n('4.2'))).toBeGreaterThan(0);
    expect(compareNumbers(n('H14.36A'), n('H14.36A'))).toBe(0);
  });

  it('finds the parent number', () => {
    expect(parentNumber(n('2.3(a)'))).toBe('2.3');
    expect(parentNumber(n('2.3'))).toBe('2');
    expect(parentNumber(n('H14.36A'))).toBe('H14');
    expect(parentNumber(n('18.4(a)(ii)'))).toBe('18.4(a)');
  });

  it('knows what label comes next', () => {
    expect(nextLabel('a', 'alpha')).toBe('b');
    expect(nextLabel('h', 'alpha')).toBe('i');
    expect(nextLabel('z', 'alpha')).toBe('aa');
    expect(nextLabel('iii', 'roman')).toBe('iv');
    expect(nextLabel('ix', 'roman')).toBe('x');
    expect(nextLabel('9', 'digit')).toBe('10');
    expect(nextLabel('xxxix', 'roman')).toBe('xl');
  });

  it('writes Roman numerals the way clause labels and Word lists show them', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1999].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'xc', 'cd', 'mcmxcix']);
    expect(toRoman(0)).toBe('0');
    expect(toRoman(-2)).toBe('-2');
  });
});

describe('looksLikeUnreadableNumber', () => {
  it('flags numbers the parser cannot read', () => {
    expect(looksLikeUnreadableNumber('2..3 The DCC')).toBe('2..3');
    expect(looksLikeUnreadableNumber('2.3.a The DCC')).toBe('2.3.a');
    expect(looksLikeUnreadableNumber('4.12a lower-case suffix')).toBe('4.12a');
  });
  it('leaves readable numbers and prose alone', () => {
    expect(looksLikeUnreadableNumber('2.3 The DCC')).toBeUndefined();
    expect(looksLikeUnreadableNumber('The DCC')).toBeUndefined();
  });
});
