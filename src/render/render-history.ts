import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { element } from './element.ts';
import type { Clause } from '#model/clause.ts';
import type { ClauseHistory, HistoryEntry } from '#compare/clause-history.ts';
import { changeNote } from '#compare/change-kinds.ts';
import { clauseName, displayNumber } from '#model/clause-name.ts';
import { formatDate } from '#model/format-date.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { clauseUrl, directionUrl, historyUrl, versionUrl } from '#publish/urls.ts';
import { wordDiff } from '#compare/word-diff.ts';
import { linkFragmentsToVersion } from './version-fragment-links.ts';

/** What a history page needs besides the history. */
export interface HistoryContext {
  document: DocumentRecord;
  /** The direction letter by id. */
  directionOf: (id: string) => DirectionRecord | undefined;
  /** Old number → new number between two versions, so consequential changes are marked as such. */
  renumbered?: (from: VersionRecord, to: VersionRecord) => ReadonlyMap<string, string>;
}

/** How a history names its clause: `clause 5.5`, `section 8`, or an unnumbered block by its first words. */
export function historyName(clause: Clause): string {
  const name = clauseName(clause);
  if (name !== 'paragraph' && name !== 'table') return name;
  const words = clause.text.length > 40 ? `${clause.text.slice(0, 40).replace(/\s+\S*$/, '')}…` : clause.text;
  return `${name} “${words}”`;
}

/** The "history" link a version page puts beside each clause. */
export function historyLink(document: string, slug: string, clause: Clause): Element {
  // One per clause of every version page: made directly (see element.ts).
  return element('a', { className: ['history-link'], href: historyUrl(document, slug), ariaLabel: `History of ${historyName(clause)}` }, ['history']);
}

/** The clause as it stands in the latest version it appears in. */
export function latestClause(history: ClauseHistory): Clause {
  return (history.entries.at(-1) as HistoryEntry).clause;
}

/** What happened to the clause in one version, in words: "renumbered from 5.4", "reworded", "split from 2.3". */
function describeEntry(entry: HistoryEntry, document: DocumentRecord): string {
  const draft = entry.version.status !== 'designated';
  if (!entry.previous) {
    if (entry.kind === 'split' && entry.with?.[0]) return `split from ${displayNumber(entry.with[0])}`;
    if (document.versions[0] === entry.version) return 'as first published on this site';
    return draft ? 'proposed' : 'inserted';
  }
  const from = entry.previous.clause;
  const to = entry.clause;
  if (entry.kind === 'split' && entry.with && entry.with.length > 0) {
    return `split: the rest became ${entry.with.map(displayNumber).join(', ')}${entry.reworded ? ', and reworded' : ''}`;
  }
  if (entry.kind === 'merged' && entry.with && entry.with.length > 0) {
    return `merged with ${entry.with.map(displayNumber).join(', ')}${entry.reworded ? ', and reworded' : ''}`;
  }
  const note = changeNote({ kind: entry.kind, old: from, new: to, reworded: entry.reworded, consequential: entry.consequential });
  if (note) return note;
  return entry.reworded ? 'reworded' : 'unchanged';
}

function directionCell(version: VersionRecord, context: HistoryContext): ElementContent[] {
  if (version.status !== 'designated') return [text('not law: consultation draft')];
  const direction = version.direction ? context.directionOf(version.direction) : undefined;
  if (!direction) return [text(version.effective ? `designated, in effect from ${formatDate(version.effective)}` : 'designated')];
  return [h('a', { href: directionUrl(direction.id) }, direction.title), text(`, ${formatDate(direction.date)}`)];
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function versionLink(document: DocumentRecord, version: VersionRecord): Element {
  return h('a', { href: versionUrl(document.id, version.version) }, `v${version.version}`);
}

/** A clause's content shown on its own: a table row under its table's headings, a heading as text. */
function standalone(clause: Clause, content: ElementContent[], label: string): ElementContent[] {
  // A table scrolls in a region of its own (named, focusable), never the page: a row is wider than a phone.
  const wrap = (table: Element) => [h('div', { className: ['table-wrap'], role: 'region', ariaLabel: label, tabIndex: 0 }, [table])];
  if (clause.kind === 'row') return wrap(h('table', { className: ['data'] }, [h('tbody', [h('tr', content)])]));
  if (clause.kind === 'table') return wrap(h('table', { className: ['data'] }, [h('thead', [h('tr', content)])]));
  if (clause.kind === 'heading') return [h('p', [h('strong', content)])];
  return content;
}

/**
 * Renders a clause's history: a table of the versions it appears in (its number in each, what
 * changed, the direction that made the change law), then its text in every version, with the
 * words changed since the version before marked.
 */
export function renderHistory(history: ClauseHistory, context: HistoryContext): Element {
  const { document } = context;
  const rows: Element[] = history.entries.map((entry) =>
    h('tr', [
      h('th', { scope: 'row' }, [versionLink(document, entry.version), ...(entry.version.status !== 'designated' ? [text(' (draft)')] : [])]),
      h('td', [h('a', { href: clauseUrl(document.id, entry.version.version, entry.clause.slug) }, displayNumber(entry.clause))]),
      h('td', describeEntry(entry, document)),
      h('td', directionCell(entry.version, context)),
    ]),
  );
  if (history.ended) {
    const { version, kind, into } = history.ended;
    rows.push(
      h('tr', [
        h('th', { scope: 'row' }, [versionLink(document, version)]),
        h('td', '—'),
        h('td', kind === 'merged' && into ? `merged into ${displayNumber(into)}` : 'deleted'),
        h('td', directionCell(version, context)),
      ]),
    );
  }
  const table = h('table', { className: ['data', 'history-table'] }, [
    h('caption', 'Versions of this clause'),
    h('thead', [
      h(
        'tr',
        ['Version', 'Number', 'Change', 'Made law by'].map((label) => h('th', { scope: 'col' }, label)),
      ),
    ]),
    h('tbody', rows),
  ]);
  /** The clause's text, with the words changed since `since` marked when there is one. */
  const textBlock = (entry: HistoryEntry, since: HistoryEntry | undefined): { block: Element; marked: boolean } => {
    let content = entry.clause.content;
    let marked = false;
    if (since && since.clause.text !== entry.clause.text) {
      const renumbered = context.renumbered?.(since.version, entry.version) ?? new Map<string, string>();
      const diff = wordDiff(since.clause.content, entry.clause.content, { renumbered });
      content = diff.new;
      marked = diff.changed;
    }
    const block = h('div', { className: ['history-text', marked ? 'history-diff' : ''].filter(Boolean) }, [
      ...(entry.clause.label && entry.clause.kind !== 'row' ? [h('span', { className: ['cmp-label'] }, entry.clause.label), text(' ')] : []),
      // Off its version's page: `#1.1` links lead to the clause in that version.
      ...standalone(
        entry.clause,
        linkFragmentsToVersion(content, versionUrl(document.id, entry.version.version)),
        // Each region's name is its own: a version can show its text twice (since the version before, since its draft).
        `${historyName(entry.clause)} in v${entry.version.version}${since && since === entry.draft ? `, changes since v${since.version.version}` : ''}`,
      ),
    ]);
    return { block, marked };
  };
  const texts = history.entries.map((entry) => {
    const heading = `v${entry.version.version}: ${historyName(entry.clause)}`;
    const main = textBlock(entry, entry.previous);
    const draft = entry.draft && entry.draft.clause.text !== entry.clause.text ? textBlock(entry, entry.draft) : undefined;
    const id = `in-v${entry.version.version}`;
    return h('section', { className: ['history-entry'], ariaLabelledby: id }, [
      h('h3', { id }, [heading]),
      h('p', { className: ['muted'] }, [
        describeEntry(entry, document),
        ...(main.marked && entry.previous ? [`; changes since v${entry.previous.version.version} are marked`] : []),
      ]),
      main.block,
      ...(draft && entry.draft ? [h('p', { className: ['muted'] }, `Changes since the consultation draft v${entry.draft.version.version}:`), draft.block] : []),
    ]);
  });
  const wrapped = h('div', { className: ['table-wrap'], role: 'region', ariaLabel: 'Versions of this clause', tabIndex: 0 }, [table]);
  return h('div', { className: ['history'] }, [wrapped, h('h2', 'Text in each version'), ...texts]);
}
