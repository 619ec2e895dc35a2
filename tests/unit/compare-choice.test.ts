import { describe, expect, it } from 'vitest';
import { chooseDates, chooseVersions, describeChoice } from '#publish/compare-choice.ts';
import type { LegalPeriod } from '#publish/legal-periods.ts';

const order = ['5.0', '6.0-draft', '6.0'];
const periods: LegalPeriod[] = [
  { version: '5.0', url: '/tmad/v5.0/', from: '2020-02-10', to: '2020-07-25' },
  { version: '6.0', url: '/tmad/v6.0/', from: '2020-07-26', to: null },
];

describe('chooseVersions', () => {
  it('puts the older version first whichever order they are picked in', () => {
    expect(chooseVersions(order, '6.0', '5.0')).toEqual({ kind: 'pair', from: '5.0', to: '6.0' });
    expect(chooseVersions(order, '6.0-draft', '6.0')).toEqual({ kind: 'pair', from: '6.0-draft', to: '6.0' });
  });

  it('says so when both are the same version or one is unknown', () => {
    expect(chooseVersions(order, '6.0', '6.0')).toEqual({ kind: 'same', version: '6.0' });
    expect(chooseVersions(order, '6.0', '7.0')).toEqual({ kind: 'invalid', message: 'There is no version 7.0 of this document.' });
    expect(chooseVersions(order, '', '6.0')).toEqual({ kind: 'invalid', message: 'Choose two versions.' });
  });
});

describe('chooseDates', () => {
  it('compares the versions in effect on each date', () => {
    expect(chooseDates(periods, '2020-07-01', '2020-07-27')).toEqual({ kind: 'pair', from: '5.0', to: '6.0' });
    expect(chooseDates(periods, '2020-07-27', '2020-07-01')).toEqual({ kind: 'pair', from: '5.0', to: '6.0' });
    // The last day of one period and the first of the next.
    expect(chooseDates(periods, '2020-07-25', '2020-07-26')).toEqual({ kind: 'pair', from: '5.0', to: '6.0' });
  });

  it('says when one version was in effect on both dates', () => {
    const choice = chooseDates(periods, '2020-03-01', '2020-07-25');
    expect(choice).toEqual({ kind: 'same', version: '5.0', dates: ['2020-03-01', '2020-07-25'] });
    expect(describeChoice(choice, 'TMAD')).toBe('TMAD v5.0 was in effect on both 1 March 2020 and 25 July 2020: nothing changed between them.');
  });

  it('says when a date is before the first version took effect, or not a date', () => {
    const choice = chooseDates(periods, '2019-12-31', '2020-07-27');
    expect(choice).toMatchObject({ kind: 'none-in-effect', date: '2019-12-31' });
    expect(describeChoice(choice, 'TMAD')).toBe('No version of TMAD on this site was in legal effect on 31 December 2019; the earliest, v5.0, took effect on 10 February 2020.');
    expect(chooseDates(periods, '2020-02-30', '2020-07-27')).toEqual({ kind: 'invalid', message: '“2020-02-30” is not a date: write it as YYYY-MM-DD.' });
    expect(chooseDates([], '2020-01-01', '2020-07-27')).toMatchObject({ kind: 'none-in-effect', date: '2020-01-01' });
  });
});
