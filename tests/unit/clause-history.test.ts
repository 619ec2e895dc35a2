import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses, renumberedNumbers } from '#compare/align-clauses.ts';
import { buildHistories, type ClauseHistory } from '#compare/clause-history.ts';
import { historyLink, renderHistory } from '#render/render-history.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionRecord } from '../support/version-record.ts';

const version = versionRecord;

function documentOf(versions: VersionRecord[]): DocumentRecord {
  return { id: 'doc', title: 'A document', shortName: 'DOC', secReference: 'Appendix X', order: 1, description: [], file: 'index.md', versions };
}

const md = (lines: string[]) => lines.join('\n\n');
const v1 = version(
  '1.0',
  md([
    '## 5 Duties',
    '5.1 The Operator shall keep a register of every Device it installs.',
    '5.2 The Operator shall read each Device at least once a month.',
    '5.3 Readings taken under Clause 5.2 shall be kept for two years.',
    '5.4 The Operator shall tell the Panel of any Device it removes.',
  ]),
);
const draft = version(
  '2.0-draft',
  md([
    '## 5 Duties',
    '5.1 The Operator shall keep a register of every Device it installs.',
    '5.2 The Operator shall publish its register each quarter.',
    '5.3 The Operator shall read each Device at least once a week.',
    '5.4 Readings taken under Clause 5.3 shall be kept for two years.',
    '5.5 The Operator shall tell the Panel of any Device it removes.',
  ]),
  { status: 'consultation-draft', state: 'draft' },
);
const v2 = version(
  '2.0',
  md([
    '## 5 Duties',
    '5.1 The Operator shall keep a register of every Device it installs.',
    '5.2 The Operator shall publish its register each quarter.',
    '5.3 The Operator shall read each Device at least once a fortnight.',
    '5.4 Readings taken under Clause 5.3 shall be kept for two years.',
  ]),
  { direction: '2020-07-24-test', state: 'in-effect' },
);
const document = documentOf([v1, draft, v2]);
const compare = (from: VersionRecord, to: VersionRecord) => alignClauses(from.clauses, to.clauses);
const { histories, slugOf } = buildHistories(document, compare);
const bySlug = new Map(histories.map((h) => [h.slug, h]));
/** The history of a clause of a version, found through the page slug the version page links to. */
const historyOf = (v: string, slug: string) => bySlug.get(slugOf(v, slug) ?? '');
const trail = (history: ClauseHistory | undefined) => history?.entries.map((e) => [e.version.version, e.clause.slug, e.kind]);

describe('buildHistories', () => {
  it('follows a clause through renumbering, in every version, draft included', () => {
    expect(trail(historyOf('2.0', '5.3'))).toEqual([
      ['1.0', '5.2', 'inserted'],
      ['2.0-draft', '5.3', 'renumbered'],
      ['2.0', '5.3', 'renumbered'],
    ]);
    expect(slugOf('1.0', '5.2')).toBe('5.2');
    expect(slugOf('2.0-draft', '5.3')).toBe('5.2');
    expect(slugOf('2.0', '5.3')).toBe('5.2');
  });

  it('compares a designated version with the designated version before it, and notes the draft in between', () => {
    const entry = historyOf('2.0', '5.3')?.entries[2];
    expect(entry?.previous?.version.version).toBe('1.0');
    expect(entry?.draft?.version.version).toBe('2.0-draft');
    expect(entry?.reworded).toBe(true);
  });

  it('records a clause deleted by a designated version', () => {
    const deleted = histories.find((h) => h.entries[0]?.clause.text.startsWith('The Operator shall tell the Panel'));
    expect(deleted?.ended).toMatchObject({ kind: 'deleted', version: { version: '2.0' } });
    expect(deleted?.slug).toBe('5.4');
    expect(trail(deleted)).toEqual([
      ['1.0', '5.4', 'inserted'],
      ['2.0-draft', '5.5', 'renumbered'],
    ]);
  });

  it('joins a clause first proposed in a draft to the clause it became', () => {
    expect(trail(historyOf('2.0', '5.2'))).toEqual([
      ['2.0-draft', '5.2', 'inserted'],
      ['2.0', '5.2', 'inserted'],
    ]);
    // v1.0's 5.2 was published first and keeps the plain slug.
    expect(slugOf('2.0', '5.2')).toBe('5.2~v2.0-draft');
  });

  it('marks a cross-reference that only followed renumbering as consequential', () => {
    const entry = historyOf('2.0', '5.4')?.entries.at(-1);
    expect(entry).toMatchObject({ kind: 'renumbered', reworded: false, consequential: true });
  });

  it('gives every history a distinct slug and every clause a history', () => {
    expect(new Set(histories.map((h) => h.slug)).size).toBe(histories.length);
    for (const v of [v1, draft, v2]) for (const clause of v.clauses) expect(slugOf(v.version, clause.slug)).toBeDefined();
  });

  it('keeps a reused number for the clause published first, and suffixes the newer one with its first version', () => {
    const a = version('1.0', md(['## 3 S', '3.1 Batches are formed each week by the Operator.', '3.2 Batches formed under an earlier version remain valid.']));
    const b = version('2.0', md(['## 3 S', '3.1 Batches are formed each week by the Operator.', '3.2 The Panel may review the size of any batch at any time.']));
    const reused = buildHistories(documentOf([a, b]), compare);
    expect(reused.slugOf('1.0', '3.2')).toBe('3.2');
    expect(reused.slugOf('2.0', '3.2')).toBe('3.2~v2.0');
  });

  it('starts the other part of a split where the split happened', () => {
    const a = version('1.0', md(['## 2 R', '2.1 Keep every record for six years. Show any record to the Authority on request.']));
    const b = version('2.0', md(['## 2 R', '2.1 Keep every record for six years.', '2.2 Show any record to the Authority on request.']));
    const split = buildHistories(documentOf([a, b]), compare).histories;
    expect(split.map((h) => [h.slug, trail(h)])).toEqual([
      [
        '2',
        [
          ['1.0', '2', 'inserted'],
          ['2.0', '2', 'unchanged'],
        ],
      ],
      [
        '2.1',
        [
          ['1.0', '2.1', 'inserted'],
          ['2.0', '2.1', 'split'],
        ],
      ],
      ['2.2', [['2.0', '2.2', 'split']]],
    ]);
  });
});

describe('renderHistory', () => {
  const direction = { id: '2020-07-24-test', title: 'Direction to designate version 2.0', date: '2020-07-24' } as DirectionRecord;
  const html = toHtml(
    renderHistory(historyOf('2.0', '5.3') as ClauseHistory, {
      document,
      directionOf: (id) => (id === direction.id ? direction : undefined),
      renumbered: (from, to) => renumberedNumbers(compare(from, to)),
    }),
  );

  it('lists every version with its number, the change and the direction that made it law', () => {
    expect(html).toContain('<th scope="row"><a href="/doc/v1.0/">v1.0</a></th><td><a href="/doc/v1.0/#5.2">5.2</a></td><td>as first published on this site</td>');
    expect(html).toContain(
      '<th scope="row"><a href="/doc/v2.0-draft/">v2.0-draft</a> (draft)</th><td><a href="/doc/v2.0-draft/#5.3">5.3</a></td><td>renumbered from 5.2 and reworded</td><td>not law: consultation draft</td>',
    );
    expect(html).toContain('<td>renumbered from 5.2 and reworded</td><td><a href="/directions/2020-07-24-test/">Direction to designate version 2.0</a>, 24 July 2020</td>');
  });

  it('shows the words changed since the previous version and since the draft', () => {
    expect(html).toContain('at least once a <del class="diff-inline">month</del><ins>fortnight</ins>.');
    expect(html).toContain('Changes since the consultation draft v2.0-draft:');
    expect(html).toContain('at least once a <del class="diff-inline">week</del><ins>fortnight</ins>.');
  });

  it('gives a version page a history link named after its clause', () => {
    const clause = v2.clauses.find((c) => c.slug === '5.3');
    expect(toHtml(historyLink('doc', '5.3', clause as never))).toBe('<a class="history-link" href="/doc/clauses/5.3/" aria-label="History of clause 5.3">history</a>');
  });
});
