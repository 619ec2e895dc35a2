import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { AlignedRow } from '#compare/align-clauses.ts';
import { rowId } from '#compare/change-kinds.ts';
import type { Clause } from '#model/clause.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { type DefinedTerm, definedTerms } from '#parse/defined-terms.ts';
import { compareUrl } from '#publish/urls.ts';

/** How a term's definition differs from the version before: new, or worded differently. */
export interface DefinitionChange {
  kind: 'new' | 'changed';
  /** The version compared with. */
  since: VersionRecord;
  /** The comparison row of the defining clause. */
  href: string;
}

/** The version a glossary is compared with: the designated one before a designated version, else the one before. */
function previousVersion(document: DocumentRecord, version: VersionRecord): VersionRecord | undefined {
  const before = document.versions.slice(0, document.versions.indexOf(version));
  return version.status === 'designated' ? before.filter((v) => v.status === 'designated').at(-1) : before.at(-1);
}

/**
 * The terms of a version whose definition is new or reads differently from the version before
 * (designated versions are compared with the designated one before, as directions mark them
 * up), each with a link to the comparison row of its defining clause.
 */
export function definitionChanges(document: DocumentRecord, version: VersionRecord, terms: readonly DefinedTerm[]): Map<string, DefinitionChange> {
  const changes = new Map<string, DefinitionChange>();
  const since = previousVersion(document, version);
  if (!since) return changes;
  const before = new Map(definedTerms(since.clauses).map((t) => [t.term, t.clause.text]));
  for (const { term, clause } of terms) {
    const old = before.get(term);
    if (old === clause.text) continue;
    // The row id a comparison gives the clause on its new side (src/compare/change-kinds.ts).
    const row = rowId({ new: clause } as AlignedRow);
    changes.set(term, { kind: old === undefined ? 'new' : 'changed', since, href: `${compareUrl(document.id, since.version, version.version)}#${row}` });
  }
  return changes;
}

/** An id for the glossary that no clause of the version uses. */
export function glossaryId(clauses: readonly Clause[]): string {
  const taken = new Set(clauses.flatMap((c) => [c.slug, ...(c.aliases ?? [])]));
  let id = 'glossary';
  for (let n = 2; taken.has(id); n++) id = `glossary-${n}`;
  return id;
}

/**
 * The glossary of a version: its defined terms in alphabetical order, each linked to its
 * definition, marked where the definition is new or changed in this version with a link to
 * the change. Undefined when the version defines no term.
 */
export function renderGlossary(terms: readonly DefinedTerm[], changes: ReadonlyMap<string, DefinitionChange>, version: string, id: string): Element | undefined {
  if (terms.length === 0) return undefined;
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en') || (a.term < b.term ? -1 : 1));
  const items = sorted.map(({ term, clause }) => {
    const change = changes.get(term);
    const where = clause.number ?? clause.label;
    const note: ElementContent[] = change
      ? [
          { type: 'text', value: ' ' },
          h('a', { className: ['glossary-change'], href: change.href }, change.kind === 'new' ? `new in v${version}` : `definition changed in v${version}`),
        ]
      : [];
    return h('li', [h('a', { href: `#${clause.slug}` }, term), where ? ` (${where})` : '', ...note]);
  });
  return h('section', { className: ['glossary'], ariaLabelledby: id }, [
    h('h2', { id }, 'Glossary'),
    h('p', { className: ['muted'] }, `The terms this version defines (${terms.length}), each linked to its definition.`),
    h('ul', { className: ['glossary-list'] }, items),
  ]);
}
