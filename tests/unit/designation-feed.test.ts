import { toXml } from 'xast-util-to-xml';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { atomDate, designationFeed, entrySummary, entryTitle } from '#publish/designation-feed.ts';
import { describeChanges, feedEntries } from '#publish/feed-entries.ts';
import type { VersionRecord } from '#model/site-model.ts';
import { validateAtom } from '../support/validate-atom.ts';
import { SITE_URL, sampleSite } from '../support/sample-site.ts';

const site = sampleSite();
const compare = (from: VersionRecord, to: VersionRecord) => alignClauses(from.clauses, to.clauses);
const siteFeed = () => toXml(designationFeed({ title: 'All', path: '/feeds/designations.xml', alternate: '/' }, feedEntries(site, compare), SITE_URL));

describe('feedEntries', () => {
  const records = feedEntries(site, compare);

  it('lists designated versions newest first, never consultation drafts', () => {
    expect(records.map((r) => `${r.document.id} ${r.version.version} ${r.date}`)).toEqual(['td 2.0 2020-07-24', 'td 1.0 2020-06-15', 'ot 1.0 2020-05-01']);
  });

  it('counts what changed since the designated version before, with the diff engine', () => {
    const [latest] = records;
    expect(latest?.previous?.version).toBe('1.0');
    expect(latest?.hasRedline).toBe(true);
    expect(latest?.counts).toMatchObject({ modified: 1, inserted: 1, deleted: 1, renumbered: 3 });
    expect(latest?.direction?.id).toBe('2020-07-24-test');
    expect(records[1]?.previous).toBeUndefined();
    expect(records[1]?.counts).toBeUndefined();
  });

  it('lists one document only when asked', () => {
    expect(feedEntries(site, compare, 'ot').map((r) => r.version.version)).toEqual(['1.0']);
  });
});

describe('describeChanges', () => {
  it('sums the changed rows and lists kinds with rows, unknown kinds after known ones', () => {
    expect(describeChanges({ modified: 3, inserted: 2, deleted: 0, renumbered: 6, moved: 0, unchanged: 80 })).toBe(
      '11 clauses changed (3 modified, 2 inserted, 6 renumbered); 80 unchanged',
    );
    expect(describeChanges({ modified: 1, split: 2, unchanged: 4 })).toBe('3 clauses changed (1 modified, 2 split); 4 unchanged');
    expect(describeChanges({ modified: 1, unchanged: 0 })).toBe('1 clause changed (1 modified); 0 unchanged');
    expect(describeChanges({ unchanged: 9 })).toBe('no clause changed; 9 unchanged');
  });
});

describe('designationFeed', () => {
  const xml = siteFeed();

  it('is a valid Atom feed (RFC 4287)', () => {
    expect(validateAtom(xml)).toEqual([]);
  });

  it('is the same bytes for the same content, whenever it is built', () => {
    expect(siteFeed()).toBe(xml);
    expect(toXml(designationFeed({ title: 'All', path: '/f.xml', alternate: '/' }, feedEntries(sampleSite('2031-01-01'), compare), SITE_URL))).toContain(
      '<updated>2020-07-24T00:00:00Z</updated>',
    );
  });

  it('dates the feed by its newest designation and each entry by its own', () => {
    expect(xml).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><id>https://sec.example.test/feeds/designations.xml</id><title>All</title><updated>2020-07-24T00:00:00Z</updated>',
    );
    expect(atomDate('2020-06-15')).toBe('2020-06-15T00:00:00Z');
  });

  it('links each entry to the text, the red-line, the data and the direction', () => {
    expect(xml).toContain('<id>https://sec.example.test/td/v2.0/</id>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://sec.example.test/td/v2.0/" title="TD v2.0, full text">');
    expect(xml).toContain('<link rel="related" type="text/html" href="https://sec.example.test/td/compare/v1.0...v2.0/" title="Red-line against v1.0">');
    expect(xml).toContain('<link rel="alternate" type="application/json" href="https://sec.example.test/api/td/v2.0.json"');
    expect(xml).toContain('<link rel="via" type="text/html" href="https://sec.example.test/directions/2020-07-24-test/" title="A direction">');
    expect(xml).toContain('<author><name>The Department, for the Secretary of State</name></author>');
  });

  it('gives an empty feed a date from the content, not the clock', () => {
    const empty = toXml(designationFeed({ title: 'None', path: '/f.xml', alternate: '/' }, [], SITE_URL));
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(validateAtom(empty)).toEqual([]);
  });

  it('titles and summarises an entry in words', () => {
    const [latest, first] = feedEntries(site, compare);
    expect(entryTitle(latest!)).toBe('TD v2.0 designated, in legal effect from 26 July 2020');
    expect(entrySummary(latest!)).toBe(
      'SEC Appendix ZZ (TD) v2.0, Test Document, designated on 24 July 2020 by the direction “A direction”, in legal effect from 26 July 2020. ' +
        'Changes since v1.0: 6 clauses changed (1 modified, 1 inserted, 1 deleted, 3 renumbered); 5 unchanged. The text on this site is illustrative.',
    );
    expect(entrySummary(first!)).toContain('The first version on this site.');
  });
});
