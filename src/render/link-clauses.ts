import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import type { Clause } from '#model/clause.ts';
import { type DefinedTerm, type TermFinder, definedTerms, termFinder } from '#parse/defined-terms.ts';
import { findTextReferences } from '#parse/find-references.ts';
import { linkableContent, UNLINKED_ELEMENTS } from '#parse/linkable-text.ts';
import { type ReferenceScope, type ResolvedReference, resolveReference } from '#parse/resolve-reference.ts';
import { clauseUrl, versionUrl } from '#publish/urls.ts';

/** How many words of its target a preview shows. */
const PREVIEW_WORDS = 20;

/** A version's clauses with their cross-references and defined terms linked, and what was linked. */
export interface LinkedClauses {
  clauses: Clause[];
  terms: DefinedTerm[];
  /** Links made to cross-reference targets, and to definitions. */
  references: number;
  definitions: number;
  /** The links' previews, one per target, for the page to write once after the text (hidden): undefined when nothing was linked. */
  previews: Element | undefined;
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
function target(resolved: ResolvedReference, scope: ReferenceScope): ({ href: string } & Preview) | undefined {
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

/** A preview of a link's target: a title line and the first words. */
interface Preview {
  title: string;
  text: string;
}

/**
 * The previews of one page, one per target however many links lead there: each link names
 * its target's preview with `aria-describedby`, and the previews are written once, in a hidden
 * store after the text (see {@link LinkedClauses.previews}). Ids are numbered in the order the
 * targets are first linked, so they derive from the content.
 */
class PagePreviews {
  private readonly byKey = new Map<string, { id: string; preview: Preview }>();
  private readonly taken: ReadonlySet<string>;

  constructor(taken: ReadonlySet<string>) {
    this.taken = taken;
  }

  /** The id of the preview for a target, written once per page. */
  idOf(key: string, preview: () => Preview): string {
    const known = this.byKey.get(key);
    if (known) return known.id;
    let id = `pv-${this.byKey.size + 1}`;
    // An anchor of the text keeps its id (old citations use it): the preview takes another.
    while (this.taken.has(id)) id = `${id}-`;
    this.byKey.set(key, { id, preview: preview() });
    return id;
  }

  /** The store: hidden, read by assistive technology through the links, shown beside a link by src/scripts/link-previews.ts. */
  store(): Element | undefined {
    if (this.byKey.size === 0) return undefined;
    return h(
      'div',
      { className: ['previews'], hidden: true, dataPagefindIgnore: '' },
      [...this.byKey.values()].map(({ id, preview }) => h('span', { className: ['preview'], id }, [h('strong', preview.title), ' ', preview.text])),
    );
  }
}

/** Links in one clause, each described by its target's preview. */
class ClauseLinker {
  references = 0;
  definitions = 0;
  private readonly used = new Set<string>();

  private readonly clause: Clause;
  private readonly scope: ReferenceScope;
  private readonly findTerms: TermFinder;
  private readonly definedBy: ReadonlyMap<string, DefinedTerm>;
  private readonly previews: PagePreviews;

  constructor(clause: Clause, scope: ReferenceScope, findTerms: TermFinder, definedBy: ReadonlyMap<string, DefinedTerm>, previews: PagePreviews) {
    this.clause = clause;
    this.scope = scope;
    this.findTerms = findTerms;
    this.definedBy = definedBy;
    this.previews = previews;
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
        out.push(h('a', { className: ['xref'], href: to.href, ariaDescribedby: this.previews.idOf(`xref ${to.href}`, () => to) }, value.slice(start, number.end)));
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
      const preview = () => ({ title: `“${use.term}”, ${clause.number ?? clause.label ?? ''}`.replace(/, $/, ''), text: definitionWords(use.term, clause.text) });
      const id = this.previews.idOf(`term ${use.term}`, preview);
      out.push(h('a', { className: ['term'], href: `#${clause.slug}`, ariaDescribedby: id }, value.slice(use.start, use.end)));
      last = use.end;
      this.definitions += 1;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  }
}

/**
 * Links a version's cross-references to their targets and uses of its defined terms to their
 * definitions, each link described by a preview of its target (one per target on the page). Headings are left as they are; a clause
 * does not link the term it defines; each term is linked at its first use in a clause. A
 * reference that leads nowhere stays text (the content check reports it).
 */
export function linkClauses(scope: ReferenceScope): LinkedClauses {
  const terms = definedTerms(scope.version.clauses);
  const definitions = new Map(terms.map((t) => [t.term, t]));
  const findTerms = termFinder(terms.map((t) => t.term));
  const previews = new PagePreviews(new Set(scope.version.clauses.flatMap((c) => [c.slug, ...(c.aliases ?? [])])));
  let references = 0;
  let defined = 0;
  const clauses = scope.version.clauses.map((clause) => {
    const linkable = new Set(linkableContent(clause));
    if (linkable.size === 0) return clause;
    const linker = new ClauseLinker(clause, scope, findTerms, definitions, previews);
    // A row's first cell names the row (and, in a definitions table, is the term): left as written.
    const content = clause.content.flatMap((node) => (linkable.has(node) ? linker.children([node]) : [node]));
    references += linker.references;
    defined += linker.definitions;
    return { ...clause, content };
  });
  return { clauses, terms, references, definitions: defined, previews: previews.store() };
}
