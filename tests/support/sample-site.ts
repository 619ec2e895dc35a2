/**
 * A small site for unit tests of the citable and machine-readable parts: a document with a
 * superseded version, a consultation draft and the version in effect (one clause reworded, one
 * renumbered, one inserted, one deleted), and a second document never re-designated.
 */
import { loadSite, type SiteSources } from '#content/load-site.ts';
import type { Site } from '#model/site-model.ts';
import { type DeferredParser, deferredParser } from '#node/deferred-parser.ts';
import { parseClauses } from '#parse/parse-clauses.ts';

const file = (path: string, lines: string[]) => ({ file: path, text: `${lines.join('\n')}\n` });

/** The content of the sample site, as the loader reads it. */
export const sampleSources = (): SiteSources => ({
  documents: [
    file('content/documents/td/index.md', ['---', 'title: Test Document', 'shortName: TD', 'secReference: Appendix ZZ', 'order: 1', '---', 'About it.']),
    file('content/documents/ot/index.md', ['---', 'title: Other Text', 'shortName: OT', 'secReference: Appendix ZY', 'order: 2', '---', 'Another.']),
  ],
  versions: [
    file('content/documents/td/v1.0.md', [
      '---',
      'version: "1.0"',
      'status: designated',
      'designated: 2020-06-15',
      'effective: 2020-06-15',
      'illustrative: true',
      '---',
      '## 1 Scope',
      '',
      '1.1 The cutover period is 48 hours from the start of the Migration Window.',
      '',
      '1.2 A Supplier Party shall tell the DCC of every Dormant Meter it wishes to migrate.',
      '',
      '(a) by notice in writing; and',
      '',
      '(b) within five Working Days.',
      '',
      '1.3 This clause is removed in the next version entirely and never comes back.',
      '',
      '## 2 Devices',
      '',
      '| Model | Fuel |',
      '| --- | --- |',
      '| Alpha | Gas |',
      '| Beta | Electricity |',
    ]),
    file('content/documents/td/v2.0-draft.md', [
      '---',
      'version: "2.0-draft"',
      'status: consultation-draft',
      'published: 2020-03-13',
      'consultations: [c1]',
      'illustrative: true',
      '---',
      '## 1 Scope',
      '',
      '1.1 The cutover period is 72 hours from the start of the Migration Window.',
      '',
    ]),
    file('content/documents/td/v2.0.md', [
      '---',
      'version: "2.0"',
      'status: designated',
      'designated: 2020-07-24',
      'effective: 2020-07-26',
      'direction: 2020-07-24-test',
      'consultations: [c1]',
      'illustrative: true',
      '---',
      '## 1 Scope',
      '',
      '1.1 The cutover period is 336 hours from the start of the Migration Window.',
      '',
      '1.2 A new clause about Secure meters that did not exist before at all.',
      '',
      '1.3 A Supplier Party shall tell the DCC of every Dormant Meter it wishes to migrate.',
      '',
      '(a) by notice in writing; and',
      '',
      '(b) within five Working Days.',
      '',
      '## 2 Devices',
      '',
      '| Model | Fuel |',
      '| --- | --- |',
      '| Alpha | Gas |',
      '| Beta | Electricity |',
    ]),
    file('content/documents/ot/v1.0.md', [
      '---',
      'version: "1.0"',
      'status: designated',
      'designated: 2020-05-01',
      'effective: 2020-05-01',
      '---',
      '## 1 Purpose',
      '',
      '1.1 This text is the only version.',
      '',
    ]),
  ],
  directions: [
    file('content/directions/2020-07-24-test.md', [
      '---',
      'date: 2020-07-24',
      'title: A direction',
      'issuer: The Department',
      'onBehalfOf: Secretary of State',
      'signatory: { name: A Person, role: Director }',
      'addressees: [SEC Parties]',
      'designations:',
      '  - { document: td, version: "2.0", effective: 2020-07-26, annexes: [A] }',
      'annexes:',
      '  - { id: A, kind: designated-text, title: The text, document: td, version: "2.0" }',
      'consultations:',
      '  - { id: c1, title: A consultation, by: DCC, opened: 2020-03-13, closed: 2020-04-03, responses: 8, documents: [td] }',
      '---',
      'Summary.',
    ]),
  ],
});

/** The sample site with statuses as of a date (default: after v2.0 took effect). */
export function sampleSite(asOf = '2020-08-01'): Site {
  const { site, problems } = loadSite(sampleSources(), asOf);
  if (!site) throw new Error(`sample site does not load: ${problems.map((p) => p.message).join('; ')}`);
  return site;
}

/** The absolute URL tests build citations and feeds on. */
export const SITE_URL = 'https://sec.example.test/';

/** A deferred parser over the real one that notes each file it parses, in order, in `parsed`. */
export function recordingParser(parsed: string[]): DeferredParser {
  return deferredParser((markdown, options) => () => {
    parsed.push(options.file);
    return parseClauses(markdown, options);
  });
}
