import { fromXml } from 'xast-util-from-xml';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { akomaNtoso as aknTree, AKN_NAMESPACE, type AknContext } from '#publish/akoma-ntoso.ts';

const akomaNtoso = (context: AknContext) => toXml(aknTree(context));
import { loadSite } from '#content/load-site.ts';
import { readContent } from '../../scripts/lib/read-content.ts';
import { sampleSite, SITE_URL } from '../support/sample-site.ts';
import { aknSchemaPath, validateXml } from '../support/validate-xml-schema.ts';

const site = sampleSite();
const td = site.documents.find((d) => d.id === 'td');
if (!td) throw new Error('sample site has no td');
const version = (v: string) => td.versions.find((r) => r.version === v) as (typeof td.versions)[number];
const direction = site.directions.find((d) => d.id === '2020-07-24-test');

function elements(tree: Root | Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

describe('akomaNtoso', () => {
  const xml = akomaNtoso({ document: td, version: version('2.0'), direction, site: SITE_URL });
  const tree = fromXml(xml);

  it('names the work, the expression and the manifestation (FRBR)', () => {
    const value = (parent: string) => elements(elements(tree, parent)[0] as Element, 'FRBRthis')[0]?.attributes.value;
    expect(elements(tree, 'akomaNtoso')[0]?.attributes.xmlns).toBe(AKN_NAMESPACE);
    expect(value('FRBRWork')).toBe('/akn/gb/doc/sec-appendix-zz/2020-03-13/main');
    expect(value('FRBRExpression')).toBe('/akn/gb/doc/sec-appendix-zz/2020-03-13/main/eng@v2.0');
    expect(elements(elements(tree, 'FRBRManifestation')[0] as Element, 'FRBRuri')[0]?.attributes.value).toBe('https://sec.example.test/td/v2.0/');
  });

  it('dates designation and legal effect as lifecycle events, the direction as passive modification', () => {
    expect(elements(tree, 'eventRef').map((e) => [e.attributes.eId, e.attributes.date, e.attributes.type])).toEqual([
      ['evt-designation', '2020-07-24', 'generation'],
      ['evt-in-force', '2020-07-26', 'amendment'],
    ]);
    expect(elements(tree, 'source')[0]?.attributes.href).toBe('#direction-2020-07-24-test');
    expect(elements(tree, 'passiveRef')[0]?.attributes.href).toBe('https://sec.example.test/directions/2020-07-24-test/');
  });

  it('a superseded version ends its period of legal effect; a draft is dated by publication', () => {
    const old = fromXml(akomaNtoso({ document: td, version: version('1.0'), site: SITE_URL }));
    expect(elements(old, 'eventRef').map((e) => e.attributes.date)).toEqual(['2020-06-15', '2020-06-15', '2020-07-26']);
    expect(elements(old, 'timeInterval')[0]?.attributes.end).toBe('#evt-superseded');
    const draft = fromXml(akomaNtoso({ document: td, version: version('2.0-draft'), site: SITE_URL }));
    expect(elements(draft, 'eventRef').map((e) => [e.attributes.eId, e.attributes.date])).toEqual([['evt-publication', '2020-03-13']]);
    expect(elements(draft, 'temporalData')).toEqual([]);
  });

  it('gives each clause an eId equal to its slug, nested as in the text', () => {
    const ids = [...xml.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1]);
    for (const clause of version('2.0').clauses) expect(ids).toContain(clause.slug);
    const section = elements(tree, 'section')[0] as Element;
    expect(section.attributes.eId).toBe('1');
    expect(elements(section, 'num')[0]).toMatchObject({ children: [{ type: 'text', value: '1' }] });
    const clause = elements(tree, 'paragraph').find((p) => p.attributes.eId === '1.3') as Element;
    expect(elements(clause, 'point').map((p) => p.attributes.eId)).toEqual(['1.3-a', '1.3-b']);
    const rows = version('2.0')
      .clauses.filter((c) => c.kind === 'row')
      .map((c) => c.slug);
    expect(rows).toHaveLength(2);
    expect(elements(tree, 'tr').map((r) => r.attributes.eId ?? 'header')).toEqual(['header', ...rows]);
  });

  it('validates against the Akoma Ntoso 3.0 schema, for the sample and every shipped version', async () => {
    const documents = new Map<string, string>();
    for (const v of td.versions) documents.set(`td-${v.version}`, akomaNtoso({ document: td, version: v, direction: v.direction ? direction : undefined, site: SITE_URL }));
    const { sources } = await readContent('content');
    const shipped = loadSite(sources, '2026-01-01').site;
    if (!shipped) throw new Error('shipped content does not load');
    for (const document of shipped.documents) {
      for (const v of document.versions) {
        const from = shipped.directions.find((d) => d.id === v.direction);
        documents.set(`${document.id}-${v.version}`, akomaNtoso({ document, version: v, direction: from, site: SITE_URL }));
      }
    }
    expect(documents.size).toBeGreaterThan(10);
    expect(validateXml(documents, aknSchemaPath())).toEqual(new Map());
  });

  it('names the official text when one is recorded, and validates with it', () => {
    const withSource = { ...version('2.0'), source: 'https://example.org/official/td-v2.0.pdf' };
    const xml2 = akomaNtoso({ document: td, version: withSource, direction, site: SITE_URL });
    expect(elements(fromXml(xml2), 'original')[0]?.attributes).toMatchObject({ href: 'https://example.org/official/td-v2.0.pdf', showAs: 'Official text' });
    expect(elements(tree, 'original')).toEqual([]);
    expect(validateXml(new Map([['with-source', xml2]]), aknSchemaPath())).toEqual(new Map());
  });

  it('the validation itself fails on an invalid document', () => {
    const broken = xml.replace('<mainBody>', '<mainBody><notAnElement/>');
    expect([...validateXml(new Map([['broken', broken]]), aknSchemaPath()).values()][0]).toMatch(/notAnElement/);
  });
});
