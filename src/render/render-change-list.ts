import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { changeNote, rowId } from '#compare/change-kinds.ts';
import { changeSteps } from '#compare/change-steps.ts';
import type { Clause } from '#model/clause.ts';
import { displayNumber } from '#model/clause-name.ts';

/** Words of a clause shown beside its change: enough to recognise it, one line on a wide screen. */
const EXTRACT_WORDS = 12;

/** The first words of a clause's text, "…" where cut. */
function extract(clause: Clause, words = EXTRACT_WORDS): string {
  const all = clause.text.split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

function isSectionHeading(clause: Clause | undefined): clause is Clause {
  return clause?.kind === 'heading' && clause.depth === 0;
}

/** "8 Enrolment of Secure SMETS1 Installations" */
function sectionTitle(clause: Clause): string {
  return [clause.label, clause.text].filter(Boolean).join(' ');
}

/** What the list says of a change: "modified", "renumbered from 5.4", "inserted: whole section, 12 clauses". */
function describe(row: AlignedRow, sectionSize: number | undefined): string {
  const what = changeNote(row) ?? (row.consequential && row.kind === 'unchanged' ? 'consequential changes only' : row.kind);
  return sectionSize === undefined ? what : `${what}: whole section, ${sectionSize} clause${sectionSize === 1 ? '' : 's'}`;
}

/**
 * The change list: every step of a comparison grouped under its section's heading, each with
 * its number, what changed and its first words, linked to its row. On a phone it is a
 * collapsible list above the comparison; on a wide screen compare.css shows it as a panel beside
 * it, and the change-list script marks the change the reader has reached.
 */
export function renderChangeList(rows: readonly AlignedRow[]): Element {
  const { steps, sections } = changeSteps(rows);
  const stepSet = new Set(steps);
  const groups: Array<{ title: string; items: Element[] }> = [];
  let current: { title: string; items: Element[] } | undefined;
  let heading: Clause | undefined;
  for (const row of rows) {
    const clause = row.new ?? row.old;
    if (isSectionHeading(clause)) {
      heading = clause;
      current = undefined;
    }
    if (!clause || !stepSet.has(row)) continue;
    if (!current) {
      current = { title: heading ? sectionTitle(heading) : 'Before the first section', items: [] };
      groups.push(current);
    }
    const size = sections.get(row)?.length;
    const content: ElementContent[] = [
      h('a', { href: `#${rowId(row)}`, dataListFor: rowId(row) }, [h('span', { className: ['cl-number'] }, displayNumber(clause)), ` ${describe(row, size)}`]),
    ];
    const words = extract(clause);
    if (words && clause.kind !== 'heading') content.push({ type: 'text', value: ' ' }, h('span', { className: ['cl-extract'] }, `“${words}”`));
    current.items.push(h('li', content));
  }
  // A section without a change has no group: one is started only by its first change.
  return h('details', { className: ['cmp-changelist'], dataChangeList: '' }, [
    h('summary', `Changes by section (${steps.length})`),
    h(
      'nav',
      { ariaLabel: 'Changes by section' },
      groups.length === 0
        ? [h('p', 'No changes.')]
        : [
            h(
              'ol',
              { className: ['cl-sections'] },
              groups.map((group) => h('li', [h('p', { className: ['cl-section'] }, group.title), h('ol', { className: ['cl-changes'] }, group.items)])),
            ),
          ],
    ),
  ]);
}
