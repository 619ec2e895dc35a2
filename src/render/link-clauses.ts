import type { Element, ElementContent, Text } from 'hast';
import type { Clause } from '#model/clause.ts';
import { type DefinedTerm, type TermFinder, definedTerms, termFinder } from '#parse/defined-terms.ts';
import { findTextReferences } from '#parse/find-references.ts';
import { linkableContent, UNLINKED_ELEMENTS } from '#parse/linkable-text.ts';
import { type ReferenceScope, type ResolvedReference, resolveReference } from '#parse/resolve-reference.ts';
import { clauseUrl, versionUrl } from '#publish/urls.ts';
import { element } from './element.ts';

/** How many words of its target a preview shows. */
const PREVIEW_WORDS = 20;

/** A version's clauses with their cross-references and defined terms linked, and what was linked. */
export interface LinkedClauses {
  clauses: Clause[];
  terms: DefinedTerm[];
  /** Links made to cross-reference targets, and to definitions. */
  references: number;
  definitions: number;
}

/** The first words of a text, with an ellipsis when there are more. */
function firstWords(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > PREVIEW_WORDS ? `${words.slice(0, PREVIEW_WORDS).join(' ')} …` : words.join(' ');
}

/**
 * What a term's preview shows of its definition: the sentence that defines it ("… (the "UTRN
 * Cutover Period") …" may come late in a clause), from its start.
 */
function definitionWords(term: string, text: string): string {
  const at = Math.max(text.indexOf(`"${term}"`), text.indexOf(`“${term}”`));
  if (at <= 0) return firstWords(text);
  const sentence = Math.max(0, ...['. ', '; ', ': '].map((stop) => text.lastIndexOf(stop, at) + stop.length).filter((i) => i > 1));
  return firstWords(text.slice(sentence));
}

/** Where a resolved reference leads, and what its preview says: a title line and the first words. */
function target(resolved: ResolvedReference, scope: ReferenceScope): { href: string; title: string; text: string } | undefined {
  if (resolved.kind === 'document') {
    return { href: versionUrl(resolved.document.id, resolved.version), title: `${resolved.document.shortName} v${resolved.version}`, text: resolved.document.title };
  }
  if (resolved.kind !== 'clause') return undefined;
  const { clause } = resolved;
  const here = resolved.document === scope.document.id && resolved.version === scope.version.version;
  const other = scope.documents.find((d) => d.id === resolved.document);
  const name = clause.label ?? clause.number ?? '';
  return {
    href: here ? `#${clause.slug}` : clauseUrl(resolved.document, resolved.version, clause.slug),
    title: here ? name : `${other?.shortName ?? resolved.document} v${resolved.version} ${name}`.trim(),
    text: firstWords(clause.text),
  };
}

/**
 * A link with its preview: the preview follows the link inside a wrapper, is hidden until the
 * wrapper is hovered or holds the focus (CSS only), and describes the link to assistive technology.
 */
function linkWithPreview(kind: 'xref' | 'term', href: string, words: string, preview: { title: string; text: string }, id: string): Element {
  return element('span', { className: ['preview-anchor'] }, [
    element('a', { className: [kind], href, ariaDescribedBy: [id] }, [words]),
    element('span', { className: ['preview'], id, dataPagefindIgnore: '' }, [element('strong', {}, [preview.title]), ' ', preview.text]),
  ]);
}

/** Links in one clause, numbered so their preview ids are unique on the page and derive from content. */
class ClauseLinker {
  private count = 0;
  references = 0;
  definitions = 0;
  private readonly used = new Set<string>();

  private readonly clause: Clause;
  private readonly scope: ReferenceScope;
  private readonly findTerms: TermFinder;
  private readonly definedBy: ReadonlyMap<string, DefinedTerm>;

  constructor(clause: Clause, scope: ReferenceScope, findTerms: TermFinder, definedBy: ReadonlyMap<string, DefinedTerm>) {
    this.clause = clause;
    this.scope = scope;
    this.findTerms = findTerms;
    this.definedBy = definedBy;
  }

  private nextId(): string {
    this.count += 1;
    return `pv-${this.clause.slug}-${this.count}`;
  }

  children(nodes: readonly ElementContent[]): ElementContent[] {
    return nodes.flatMap((node): ElementContent[] => {
      if (node.type === 'text') return this.text(node);
      if (node.type !== 'element' || UNLINKED_ELEMENTS.has(node.tagName)) return [node];
      return [{ ...node, children: this.children(node.children) }];
    });
  }

  private text(node: Text): ElementContent[] {
    const value = node.value;
    const out: ElementContent[] = [];
    let last = 0;
    const plain = (end: number) => {
      if (end > last) out.push(...this.terms(value.slice(last, end)));
      last = Math.max(last, end);
    };
    for (const reference of findTextReferences(value)) {
      reference.targets.forEach((number, index) => {
        const to = target(resolveReference(reference, number, this.scope), this.scope);
        if (!to) return;
        // The first number's link takes the word in front ("Clause 8.6"); the others are the number alone.
        const start = index === 0 ? reference.start : number.start;
        if (start < last) return;
        plain(start);
        out.push(linkWithPreview('xref', to.href, value.slice(start, number.end), to, this.nextId()));
        last = number.end;
        this.references += 1;
      });
    }
    plain(value.length);
    return out;
  }

  private terms(value: string): ElementContent[] {
    const out: ElementContent[] = [];
    let last = 0;
    for (const use of this.findTerms(value)) {
      const definition = this.definedBy.get(use.term);
      // Not in its own definition, and only the first use in a clause.
      if (!definition || definition.clause.slug === this.clause.slug || this.used.has(use.term)) continue;
      this.used.add(use.term);
      if (use.start > last) out.push({ type: 'text', value: value.slice(last, use.start) });
      const { clause } = definition;
      const preview = { title: `“${use.term}”, ${clause.number ?? clause.label ?? ''}`.replace(/, $/, ''), text: definitionWords(use.term, clause.text) };
      out.push(linkWithPreview('term', `#${clause.slug}`, value.slice(use.start, use.end), preview, this.nextId()));
      last = use.end;
      this.definitions += 1;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  }
}

/**
 * Links a version's cross-references to their targets and uses of its defined terms to their
 * definitions, each link with a preview of its target. Headings are left as they are; a clause
 * does not link the term it defines; each term is linked at its first use in a clause. A
 * reference that leads nowhere stays text (the content check reports it).
 */
export function linkClauses(scope: ReferenceScope): LinkedClauses {
  const terms = definedTerms(scope.version.clauses);
  const definitions = new Map(terms.map((t) => [t.term, t]));
  const findTerms = termFinder(terms.map((t) => t.term));
  let references = 0;
  let defined = 0;
  const clauses = scope.version.clauses.map((clause) => {
    const linkable = new Set(linkableContent(clause));
    if (linkable.size === 0) return clause;
    const linker = new ClauseLinker(clause, scope, findTerms, definitions);
    // A row's first cell names the row (and, in a definitions table, is the term): left as written.
    const content = clause.content.flatMap((node) => (linkable.has(node) ? linker.children([node]) : [node]));
    references += linker.references;
    defined += linker.definitions;
    return { ...clause, content };
  });
  return { clauses, terms, references, definitions: defined };
}
