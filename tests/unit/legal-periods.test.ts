import { describe, expect, it } from 'vitest';
import { describeVersion } from '#render/describe-version.ts';
import { isIsoDate, legalPeriods, periodOn } from '#publish/legal-periods.ts';
import { versionInEffect } from '#model/version-in-effect.ts';
import { sampleSite } from '../support/sample-site.ts';

const site = sampleSite();
const td = site.documents[0]!;

describe('legalPeriods', () => {
  it('lists designated versions with their periods, leaving out consultation drafts', () => {
    expect(legalPeriods(td)).toEqual([
      { version: '1.0', url: '/td/v1.0/', from: '2020-06-15', to: '2020-07-25' },
      { version: '2.0', url: '/td/v2.0/', from: '2020-07-26', to: null },
    ]);
  });

  it('answers for the dates of the issue: v1.0 on 1 July 2020, v2.0 from 26 July 2020', () => {
    const periods = legalPeriods(td);
    expect(periodOn(periods, '2020-07-01')?.version).toBe('1.0');
    expect(periodOn(periods, '2020-07-25')?.version).toBe('1.0');
    expect(periodOn(periods, '2020-07-26')?.version).toBe('2.0');
    expect(periodOn(periods, '2031-01-01')?.version).toBe('2.0');
    expect(periodOn(periods, '2020-06-14')).toBeUndefined();
  });

  it('agrees with versionInEffect on every day of 2020', () => {
    const periods = legalPeriods(td);
    for (let day = new Date('2020-01-01T00:00:00Z'); day.getUTCFullYear() === 2020; day.setUTCDate(day.getUTCDate() + 1)) {
      const date = day.toISOString().slice(0, 10);
      expect(periodOn(periods, date)?.version, date).toBe(versionInEffect(td, date)?.version);
    }
  });
});

describe('isIsoDate', () => {
  it('accepts real dates written YYYY-MM-DD only', () => {
    expect(isIsoDate('2020-07-01')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-7-1')).toBe(false);
    expect(isIsoDate('01/07/2020')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('describeVersion', () => {
  it('says where each version stands in one sentence', () => {
    const [v1, draft, v2] = td.versions;
    expect(describeVersion(td, v1!)).toBe(
      'SEC Appendix ZZ, Test Document, version 1.0: in legal effect from 15 June 2020 to 25 July 2020, then superseded by v2.0. Illustrative text.',
    );
    expect(describeVersion(td, draft!)).toBe(
      'SEC Appendix ZZ, Test Document, version 2.0-draft: a consultation draft published on 13 March 2020, never in legal effect. Illustrative text.',
    );
    expect(describeVersion(td, v2!)).toBe('SEC Appendix ZZ, Test Document, version 2.0: in legal effect since 26 July 2020. Illustrative text.');
    const early = sampleSite('2020-07-25').documents[0]!;
    expect(describeVersion(early, early.versions[2]!)).toBe(
      'SEC Appendix ZZ, Test Document, version 2.0: designated on 24 July 2020, in legal effect from 26 July 2020. Illustrative text.',
    );
  });
});
