import type { Element, ElementContent } from 'hast';
import { amendmentNotes, type AmendmentNotes, type AmendmentStep } from '#compare/amendment-notes.ts';
import type { DocumentHistories } from '#compare/clause-history.ts';
import type { Clause } from '#model/clause.ts';
import { clauseName } from '#model/clause-name.ts';
import { formatDate } from '#model/format-date.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { clauseUrl, compareUrl, directionUrl } from '#publish/urls.ts';
import { element } from './element.ts';

/** What the notes need besides the notes. */
export interface ClauseNotesContext {
  document: DocumentRecord;
  /** The direction letter by id. */
  directionOf: (id: string) => DirectionRecord | undefined;
  /** Whether a comparison is built as a page (its rows have anchors); others are computed in the browser. */
  prebuilt: (from: VersionRecord, to: VersionRecord) => boolean;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "by the direction of 24 July 2020, in effect 26 July 2020", with the direction linked; "in a consultation draft" for drafts. */
function madeLaw(step: AmendmentStep, context: ClauseNotesContext): ElementContent[] {
  const { version } = step;
  if (version.status !== 'designated') return [text(` in the consultation draft v${version.version}, never in effect`)];
  const direction = version.direction ? context.directionOf(version.direction) : undefined;
  const effective = version.effective ? `, in effect ${formatDate(version.effective)}` : '';
  if (!direction) return [text(` in v${version.version}${effective}`)];
  return [text(' by '), element('a', { href: directionUrl(direction.id) }, [`the direction of ${formatDate(direction.date)}`]), text(`${effective} (v${version.version})`)];
}

/** The link to the comparison row that shows a step, when there is one. */
function redLine(step: AmendmentStep, context: ClauseNotesContext): ElementContent[] {
  if (!step.base || !step.row) return [];
  const page = compareUrl(context.document.id, step.base.version, step.version.version);
  const href = context.prebuilt(step.base, step.version) ? `${page}#${step.row}` : page;
  return [text(' '), element('a', { href }, [`See the red-line against v${step.base.version}`]), text('.')];
}

/** One sentence for a step: "Inserted by the direction of 24 July 2020, in effect 26 July 2020 (v6.0)." */
function stepSentence(step: AmendmentStep, context: ClauseNotesContext, prefix = ''): ElementContent[] {
  if (step.change === 'as first published on this site') return [text(`${prefix}As first published on this site, in v${step.version.version}.`)];
  return [text(`${prefix}${prefix ? step.change : capitalise(step.change)}`), ...madeLaw(step, context), text('.'), ...redLine(step, context)];
}

/** What became of the clause: "Later deleted by …", "Later renumbered from 5.4 …: now clause 5.5", "Unchanged to v6.0". */
function laterSentence(later: AmendmentStep, context: ClauseNotesContext): ElementContent[] {
  const { document } = context;
  const now = later.clause
    ? [
        text(' Now '),
        element('a', { href: clauseUrl(document.id, later.version.version, later.clause.slug) }, [`${clauseName(later.clause)} of v${later.version.version}`]),
        text('.'),
      ]
    : [];
  if (later.change === 'unchanged') return [text(`Unchanged in later versions, to v${later.version.version}.`), ...now];
  return [...stepSentence(later, context, 'Later '), ...now];
}

/**
 * A clause's amendment notes as a small disclosure beside it ("changes"): closed on screen,
 * printed in full. With `fateApart`, what became of the clause is left out: the clause's fate
 * notice says it (see {@link renderClauseFate}), shown while the notes are open too.
 */
function renderClauseNotes(clause: Clause, notes: AmendmentNotes, context: ClauseNotesContext, fateApart: boolean): Element {
  const first = notes.made.change === 'as first published on this site';
  const paragraphs: Element[] =
    first && notes.unchangedSince
      ? [element('p', {}, [`Unchanged since v${notes.unchangedSince.version}, the first version on this site.`])]
      : [element('p', {}, stepSentence(notes.made, context)), ...(notes.unchangedSince ? [element('p', {}, [`Unchanged since v${notes.unchangedSince.version}.`])] : [])];
  if (notes.later && !fateApart) paragraphs.push(element('p', {}, laterSentence(notes.later, context)));
  return element('details', { className: ['clause-notes'] }, [
    element('summary', {}, ['changes', element('span', { className: ['visually-hidden'] }, [` to ${clauseName(clause)}`])]),
    element('div', { className: ['clause-notes-body'] }, paragraphs),
  ]);
}

/**
 * On a superseded version, what became of a clause, shown when a link lands on it (`:target`):
 * an old citation then says at once that the clause was deleted or renumbered, and links on.
 * It is also the last line of the clause's notes, shown below the clause while they are open
 * (CSS): written once per clause, not twice.
 */
function renderClauseFate(notes: AmendmentNotes, context: ClauseNotesContext): Element | undefined {
  const { later } = notes;
  if (!later) return undefined;
  return element('p', { className: ['clause-fate'], role: 'note' }, [element('strong', {}, ['What became of this clause: ']), ...laterSentence(later, context)]);
}

/** The notes of each clause of one version, ready for `renderVersion`. */
export interface VersionClauseNotes {
  /** The "changes" disclosure, for the clause's tools. */
  notes: (clause: Clause) => Element[];
  /** On a superseded version, the notice shown when a link lands on the clause or its notes are open. */
  fate: (clause: Clause) => Element[];
}

/** Amendment notes for every clause of a version (headings and tables excepted: they are structure, not provisions). */
export function versionClauseNotes(histories: DocumentHistories, version: VersionRecord, context: ClauseNotesContext): VersionClauseNotes {
  const bySlug = new Map(histories.histories.map((history) => [history.slug, history]));
  const notesOf = (clause: Clause): AmendmentNotes | undefined => {
    if (clause.kind === 'heading' || clause.kind === 'table') return undefined;
    const slug = histories.slugOf(version.version, clause.slug);
    const history = slug ? bySlug.get(slug) : undefined;
    return history ? amendmentNotes(history, version, context.document) : undefined;
  };
  return {
    notes: (clause) => {
      const notes = notesOf(clause);
      return notes ? [renderClauseNotes(clause, notes, context, version.state === 'superseded')] : [];
    },
    fate: (clause) => {
      if (version.state !== 'superseded') return [];
      const notes = notesOf(clause);
      const fate = notes ? renderClauseFate(notes, context) : undefined;
      return fate ? [fate] : [];
    },
  };
}
