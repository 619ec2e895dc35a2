import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { amendmentNotes } from '#compare/amendment-notes.ts';
import { buildHistories } from '#compare/clause-history.ts';
import { versionClauseNotes } from '#render/render-clause-notes.ts';
import type { Clause } from '#model/clause.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { versionRecord } from '../support/version-record.ts';

const version = (v: string, lines: string[], extra: Partial<VersionRecord> = {}) => versionRecord(v, lines.join('\n\n'), extra);

const v1 = version('1.0', [
  '## 5 Duties',
  '5.1 The Operator shall keep a register of every Device it installs.',
  '5.2 The Operator shall read each Device at least once a month.',
  '5.3 The Operator shall tell the Panel of any Device it removes.',
  '5.4 Readings shall be kept for two years.',
]);
const draft = version(
  '2.0-draft',
  [
    '## 5 Duties',
    '5.1 The Operator shall keep a register of every Device it installs.',
    '5.2 The Operator shall read each Device at least once a week.',
    '5.3 Readings shall be kept for two years.',
  ],
  { status: 'consultation-draft', state: 'draft' },
);
const v2 = version(
  '2.0',
  [
    '## 5 Duties',
    '5.1 The Operator shall keep a register of every Device it installs.',
    '5.2 The Operator shall read each Device at least once a fortnight.',
    '5.3 Readings shall be kept for two years.',
    '5.4 The Operator shall publish its register each quarter.',
  ],
  { direction: 'dir-2', designated: '2020-07-24', effective: '2020-07-26', state: 'in-effect' },
);
const document: DocumentRecord = {
  id: 'doc',
  title: 'A document',
  shortName: 'DOC',
  secReference: 'Appendix X',
  order: 1,
  description: [],
  file: 'index.md',
  versions: [v1, draft, v2],
};
const histories = buildHistories(document, (from, to) => alignClauses(from.clauses, to.clauses));
const bySlug = new Map(histories.histories.map((h) => [h.slug, h]));
const notesOf = (v: VersionRecord, slug: string) => {
  const history = bySlug.get(histories.slugOf(v.version, slug) ?? '');
  if (!history) throw new Error(`no history for ${v.version} ${slug}`);
  return amendmentNotes(history, v, document);
};
const direction = { id: 'dir-2', date: '2020-07-24', title: 'The direction' } as DirectionRecord;
const clause = (v: VersionRecord, slug: string) => v.clauses.find((c) => c.slug === slug) as Clause;
const context = { document, directionOf: (id: string) => (id === 'dir-2' ? direction : undefined), prebuilt: (_from: VersionRecord, to: VersionRecord) => to !== draft };
const textOf = (elements: ReturnType<ReturnType<typeof versionClauseNotes>['notes']>) => elements.map((e) => toHtml(e).replace(/<[^>]+>/g, '')).join(' ');

describe('amendmentNotes', () => {
  it('says a clause was inserted by the version that added it, with the row that shows it', () => {
    const notes = notesOf(v2, '5.4');
    expect(notes?.made).toMatchObject({ change: 'inserted', version: v2, base: v1, row: 'c-5.4' });
    expect(notes?.unchangedSince).toBeUndefined();
    expect(notes?.later).toBeUndefined();
  });

  it('says a clause unchanged since an earlier version has read so since then', () => {
    const notes = notesOf(v2, '5.1');
    expect(notes?.made.change).toBe('as first published on this site');
    expect(notes?.unchangedSince).toBe(v1);
  });

  it('names a renumbering by its old number, and from the old version by its new one', () => {
    expect(notesOf(v2, '5.3')?.made).toMatchObject({ change: 'renumbered from 5.4', base: v1, row: 'c-5.3' });
    expect(notesOf(v1, '5.4')?.later).toMatchObject({ change: 'renumbered to 5.3', version: v2, clause: { slug: '5.3' } });
  });

  it('tells a superseded clause what became of it: amended, deleted, or unchanged to the latest version', () => {
    expect(notesOf(v1, '5.2')?.later).toMatchObject({ change: 'amended', version: v2, row: 'c-5.2' });
    expect(notesOf(v1, '5.3')?.later).toMatchObject({ change: 'deleted', version: v2, base: v1, row: 'c-del-5.3' });
    expect(notesOf(v1, '5.1')?.later).toMatchObject({ change: 'unchanged', version: v2 });
  });

  it('gives a draft what it proposed against the version it was drafted from, and nothing later', () => {
    const notes = notesOf(draft, '5.2');
    expect(notes?.made).toMatchObject({ change: 'proposed: amended', version: draft, base: v1 });
    expect(notes?.later).toBeUndefined();
  });
});

describe('versionClauseNotes', () => {
  it('writes the note in words, links the direction and the red-line row', () => {
    const html = versionClauseNotes(histories, v2, context)
      .notes(clause(v2, '5.4'))
      .map((e) => toHtml(e))
      .join('');
    expect(html).toContain('<summary>changes<span class="visually-hidden"> to clause 5.4</span></summary>');
    expect(html).toContain('Inserted by <a href="/directions/dir-2/">the direction of 24 July 2020</a>, in effect 26 July 2020 (v2.0).');
    expect(html).toContain('href="/doc/compare/v1.0...v2.0/#c-5.4"');
  });

  it('links a comparison computed in the browser without a row anchor', () => {
    const html = toHtml(versionClauseNotes(histories, draft, context).notes(clause(draft, '5.2')));
    expect(html).toContain('href="/doc/compare/v1.0...v2.0-draft/"');
    expect(html).toContain('never in effect');
  });

  it('shows what became of a clause only on a superseded version, and not for headings', () => {
    expect(textOf(versionClauseNotes(histories, v1, context).fate(clause(v1, '5.3')))).toBe(
      'What became of this clause: Later deleted by the direction of 24 July 2020, in effect 26 July 2020 (v2.0). See the red-line against v1.0.',
    );
    expect(versionClauseNotes(histories, v2, context).fate(clause(v2, '5.3'))).toEqual([]);
    // The notes leave that line to the fate notice (shown while they are open): written once.
    const notes = textOf(versionClauseNotes(histories, v1, context).notes(clause(v1, '5.3')));
    expect(notes).toMatch(/^changes to clause 5\.3/);
    expect(notes).not.toContain('Later deleted');
    const heading = v2.clauses.find((c) => c.kind === 'heading') as Clause;
    expect(versionClauseNotes(histories, v2, context).notes(heading)).toEqual([]);
  });
});
