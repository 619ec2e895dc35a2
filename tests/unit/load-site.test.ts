import { describe, expect, it } from 'vitest';
import { formatProblem } from '#model/content-problem.ts';
import { loadSite, type SiteSources } from '#content/load-site.ts';
import { versionInEffect } from '#model/version-in-effect.ts';

const doc = (id: string) => ({
  file: `content/documents/${id}/index.md`,
  text: '---\ntitle: Test Document\nshortName: TD\nsecReference: Appendix ZZ\n---\nAbout it.\n',
});
const version = (id: string, name: string, front: string, body = '## 1 Scope\n\n1.1 The DCC shall act.\n') => ({
  file: `content/documents/${id}/${name}`,
  text: `---\n${front}\n---\n${body}`,
});
const direction = {
  file: 'content/directions/2020-07-24-test.md',
  text: [
    '---',
    'date: 2020-07-24',
    'title: A direction',
    'issuer: The Department',
    'signatory: { name: A Person, role: Director }',
    'addressees: [SEC Parties]',
    'designations:',
    '  - { document: td, version: "2.0", effective: 2020-07-26, annexes: [A] }',
    'annexes:',
    '  - { id: A, kind: designated-text, title: The text, document: td, version: "2.0" }',
    'consultations:',
    '  - { id: c1, title: A consultation, by: DCC, opened: 2020-03-13, closed: 2020-04-03, responses: 8 }',
    '---',
    'Summary.',
  ].join('\n'),
};
const good = (): SiteSources => ({
  documents: [doc('td')],
  versions: [
    version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-06-15\neffective: 2020-06-15\nillustrative: true'),
    version('td', 'v2.0-draft.md', 'version: "2.0-draft"\nstatus: consultation-draft\npublished: 2020-03-13\nconsultations: [c1]'),
    version('td', 'v2.0.md', 'version: "2.0"\nstatus: designated\ndesignated: 2020-07-24\neffective: 2020-07-26\ndirection: 2020-07-24-test\nconsultations: [c1]'),
  ],
  directions: [direction],
});
const messages = (sources: SiteSources) => loadSite(sources, '2020-08-01').problems.map(formatProblem);

describe('loadSite', () => {
  it('loads valid content and derives each version state from the dates', () => {
    const { site, problems } = loadSite(good(), '2020-08-01');
    expect(problems).toEqual([]);
    const td = site?.documents[0];
    expect(td?.versions.map((v) => [v.version, v.state, v.effectiveUntil ?? null, v.supersededBy ?? null])).toEqual([
      ['1.0', 'superseded', '2020-07-25', '2.0'],
      ['2.0-draft', 'draft', null, null],
      ['2.0', 'in-effect', null, null],
    ]);
  });

  it('knows which version was in effect on a date', () => {
    const td = loadSite(good(), '2020-08-01').site?.documents[0];
    if (!td) throw new Error('no document');
    expect(versionInEffect(td, '2020-07-01')?.version).toBe('1.0');
    expect(versionInEffect(td, '2020-07-25')?.version).toBe('1.0');
    expect(versionInEffect(td, '2020-07-26')?.version).toBe('2.0');
    expect(versionInEffect(td, '2020-01-01')).toBeUndefined();
  });

  it('says a version is not yet in effect before its date', () => {
    const td = loadSite(good(), '2020-07-25').site?.documents[0];
    expect(td?.versions.map((v) => v.state)).toEqual(['in-effect', 'draft', 'not-yet-in-effect']);
  });

  it('stops on an impossible date, naming file, line and field', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-02-30\neffective: 2020-06-15');
    expect(loadSite(sources, '2020-08-01').site).toBeUndefined();
    expect(messages(sources)).toContain(
      'content/documents/td/v1.0.md:4:1 error: designated: impossible date 2020-02-30: there is no such day\n  hint: check the day and the month (YYYY-MM-DD)',
    );
  });

  it('stops on an unknown direction, suggesting the right one', () => {
    const sources = good();
    sources.versions[2] = version('td', 'v2.0.md', 'version: "2.0"\nstatus: designated\ndesignated: 2020-07-24\neffective: 2020-07-26\ndirection: 2020-07-24-tset');
    expect(messages(sources)).toContain('content/documents/td/v2.0.md:6:1 error: unknown direction "2020-07-24-tset"\n  hint: did you mean "2020-07-24-test"?');
  });

  it('warns of a duplicate clause number, pointing at both lines', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-06-15\neffective: 2020-06-15', '## 1 Scope\n\n1.1 First.\n\n1.1 Again.\n');
    expect(messages(sources)).toContain(
      'content/documents/td/v1.0.md:11:1 warning: duplicate clause 1.1 (lines 9 and 11): this one is anchored #1.1~2\n  hint: if the source numbers two clauses alike by mistake, renumber one of them, or give a clause inserted later a letter suffix (1.1A)',
    );
  });

  it('reports every problem of the run, not only the first', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-13-01\neffective: 2020-06-15');
    sources.versions[1] = version('td', 'v2.0-draft.md', 'version: "2.0-draft"\nstatus: consultation-draft\npublished: 2020-03-13\nconsultations: [c9]');
    expect(messages(sources).map((m) => m.split('\n')[0])).toEqual([
      'content/documents/td/v1.0.md:4:1 error: designated: impossible date 2020-13-01: there is no such day',
      'content/documents/td/v2.0-draft.md:5:17 error: unknown consultation "c9"',
    ]);
  });

  it('refuses legal effect before designation, and a misspelt field', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-06-15\neffectve: 2020-06-15');
    const found = messages(sources);
    expect(found).toContain('content/documents/td/v1.0.md:5:1 error: unknown field "effectve"\n  hint: did you mean "effective"?');
  });

  it('checks that a direction designates versions that exist', () => {
    const sources = good();
    sources.directions[0] = { ...direction, text: direction.text.replace('version: "2.0", effective', 'version: "3.0", effective') };
    expect(messages(sources).map((m) => m.split('\n')[0])).toEqual([
      'content/documents/td/v2.0.md:6:1 error: direction "2020-07-24-test" does not designate td v2.0',
      'content/directions/2020-07-24-test.md:8:21 error: designates td v3.0, which does not exist',
    ]);
  });

  it('reads years below 100 as written', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 0001-01-01\neffective: 0099-02-28');
    const { site, problems } = loadSite(sources, '2020-08-01');
    expect(problems).toEqual([]);
    expect(site?.documents[0]?.versions[0]).toMatchObject({ designated: '0001-01-01', effective: '0099-02-28', effectiveUntil: '2020-07-25' });
  });

  it('refuses two designated versions taking effect on the same day, and a direction naming a version twice', () => {
    const sources = good();
    sources.versions[0] = version('td', 'v1.0.md', 'version: "1.0"\nstatus: designated\ndesignated: 2020-06-15\neffective: 2020-07-26');
    sources.directions[0] = {
      ...direction,
      text: direction.text.replace('annexes: [A] }', 'annexes: [A] }\n  - { document: td, version: "2.0", effective: 2020-07-26 }'),
    };
    expect(messages(sources).map((m) => m.split('\n')[0])).toEqual([
      'content/directions/2020-07-24-test.md:9:5 error: designates td v2.0 twice (also designation 1)',
      'content/documents/td/v2.0.md:5:1 error: td v2.0 and v1.0 both take effect on 2020-07-26',
    ]);
  });

  it('refuses a parent cycle between documents', () => {
    const sources = good();
    const withParent = (id: string, parent: string) => ({
      ...doc(id),
      text: doc(id).text.replace('secReference: Appendix ZZ\n', `secReference: Appendix ZZ\nparent: ${parent}\n`),
    });
    sources.documents = [withParent('td', 'te'), withParent('te', 'td')];
    sources.versions.push(version('te', 'v1.0.md', 'version: "1.0"\nstatus: consultation-draft\npublished: 2020-03-13'));
    expect(messages(sources).map((m) => m.split('\n')[0])).toEqual([
      'content/documents/td/index.md:5:1 error: parent cycle: td → te → td',
      'content/documents/te/index.md:5:1 error: parent cycle: te → td → te',
    ]);
  });
});
