import type { LegislationLeaf } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { legislationJsonLd } from '#publish/legislation-json-ld.ts';
import { sampleSite, SITE_URL } from '../support/sample-site.ts';

/**
 * The schema.org properties the site writes, checked against the vocabulary by the compiler:
 * each must be a property of `Legislation` (its own or inherited from CreativeWork and Thing)
 * in schema-dts, the maintained typings generated from schema.org.
 */
const KNOWN = [
  '@type',
  '@id',
  'url',
  'name',
  'alternateName',
  'legislationIdentifier',
  'legislationType',
  'legislationJurisdiction',
  'inLanguage',
  'legislationDate',
  'datePublished',
  'legislationDateVersion',
  'legislationLegalForce',
  'legislationPassedBy',
  'legislationResponsible',
  'legislationConsolidates',
  'isBasedOn',
  'isPartOf',
] as const satisfies ReadonlyArray<keyof LegislationLeaf>;

const known = new Set<string>(['@context', ...KNOWN]);

/** Every key of a JSON-LD value, nested objects included, that is not in the checked list. */
function unknownKeys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(known.has(key) ? [] : [`${path}${key}`]), ...unknownKeys(inner, `${path}${key}.`)]);
}

const site = sampleSite();
const td = site.documents.find((d) => d.id === 'td');
if (!td) throw new Error('no td');
const version = (v: string) => td.versions.find((r) => r.version === v) as (typeof td.versions)[number];
const direction = site.directions[0];

describe('legislationJsonLd', () => {
  it('describes the version in effect: identifier, dates, force, the direction and the version it replaced', () => {
    const ld = legislationJsonLd(td, version('2.0'), direction, SITE_URL);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      '@id': 'https://sec.example.test/td/v2.0/',
      legislationIdentifier: 'SEC Appendix ZZ v2.0',
      legislationDate: '2020-07-24',
      legislationDateVersion: '2020-07-26',
      legislationLegalForce: 'https://schema.org/InForce',
      legislationConsolidates: { '@id': 'https://sec.example.test/directions/2020-07-24-test/' },
      isBasedOn: { '@id': 'https://sec.example.test/td/v1.0/' },
    });
  });

  it('says a superseded version and a draft are not in force; a draft has no designation date', () => {
    expect(legislationJsonLd(td, version('1.0'), undefined, SITE_URL).legislationLegalForce).toBe('https://schema.org/NotInForce');
    const draft = legislationJsonLd(td, version('2.0-draft'), undefined, SITE_URL);
    expect(draft).toMatchObject({ legislationLegalForce: 'https://schema.org/NotInForce', datePublished: '2020-03-13', legislationType: 'Consultation draft' });
    expect(draft).not.toHaveProperty('legislationDate');
  });

  it('uses only properties of schema.org Legislation, at every level, and survives a JSON round trip', () => {
    for (const v of td.versions) {
      const ld = legislationJsonLd(td, v, v.direction ? direction : undefined, SITE_URL);
      expect(unknownKeys(ld), v.version).toEqual([]);
      expect(JSON.parse(JSON.stringify(ld))).toEqual(ld);
    }
    expect(unknownKeys({ '@type': 'Legislation', legislationPassedBy: { name: 'x', madeUpProperty: 1 } })).toEqual(['legislationPassedBy.madeUpProperty']);
  });
});
