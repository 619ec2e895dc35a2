import type { Element as HastElement, ElementContent as HastContent } from 'hast';
import type { Element, ElementContent, Root } from 'xast';
import { x } from 'xastscript';
import type { Clause } from '#model/clause.ts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { absoluteUrl, directionUrl, versionUrl } from './urls.ts';

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** What a version needs besides itself: its document, the direction that designated it, the site's address. */
export interface AknContext {
  document: DocumentRecord;
  version: VersionRecord;
  direction?: DirectionRecord | undefined;
  site: URL | string;
}

/**
 * A version as an Akoma Ntoso 3.0 `doc`: the document is the FRBR work
 * (`/akn/gb/doc/sec-appendix-al/<first date>/main`), the version the expression (`…/eng@v6.0`),
 * the designation and the start of legal effect lifecycle events, the direction a passive
 * modification, and each clause a hierarchical element whose `eId` is the clause's slug on the
 * site (`8.6`, `18.4-a-ii`), so `/tmad/v6.0/#8.6` and `eId="8.6"` name the same clause.
 */
export function akomaNtoso(context: AknContext): Root {
  return { type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, aknRoot(context)] };
}

function aknRoot(context: AknContext): Element {
  const { document, version } = context;
  return x('akomaNtoso', { xmlns: AKN_NAMESPACE }, [
    x('doc', { name: document.id }, [
      meta(context),
      x('preface', [
        x('longTitle', { eId: 'longTitle' }, [x('p', [x('docTitle', `${document.secReference}: ${document.title}`), ` (${document.shortName}) version ${version.version}`])]),
      ]),
      x('mainBody', mainBody(version.clauses)),
    ]),
  ]);
}

/** The work is named by the document's SEC reference, e.g. `sec-appendix-al`. */
function workName(document: DocumentRecord): string {
  return `sec-${document.secReference
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** The date of the work: its first designation, else its first publication. */
function workDate(document: DocumentRecord): string {
  const dates = document.versions
    .map(expressionDate)
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates[0] ?? '1970-01-01';
}

/** A designated version is dated by its designation, a draft by its publication. */
function expressionDate(version: VersionRecord): string | undefined {
  return version.designated ?? version.published;
}

function meta(context: AknContext): Element {
  const { document, version, direction } = context;
  const work = `/akn/gb/doc/${workName(document)}/${workDate(document)}/main`;
  const expression = `${work}/eng@v${version.version}`;
  const date = expressionDate(version) ?? workDate(document);
  const dateName = version.designated ? 'designation' : 'publication';
  return x('meta', [
    x('identification', { source: '#sec-versions' }, [
      x('FRBRWork', [
        x('FRBRthis', { value: work }),
        x('FRBRuri', { value: work.replace(/\/main$/, '') }),
        x('FRBRdate', { date: workDate(document), name: 'first designation' }),
        x('FRBRauthor', { href: '#secretary-of-state', as: '#author' }),
        x('FRBRcountry', { value: 'gb' }),
        x('FRBRnumber', { value: document.secReference }),
        x('FRBRname', { value: document.shortName }),
      ]),
      x('FRBRExpression', [
        x('FRBRthis', { value: expression }),
        x('FRBRuri', { value: expression.replace(/\/main(\/|$)/, '$1') }),
        x('FRBRdate', { date, name: dateName }),
        x('FRBRauthor', { href: '#secretary-of-state', as: '#author' }),
        x('FRBRversionNumber', { value: version.version }),
        x('FRBRlanguage', { language: 'eng' }),
      ]),
      x('FRBRManifestation', [
        x('FRBRthis', { value: `${expression}.akn` }),
        x('FRBRuri', { value: absoluteUrl(versionUrl(document.id, version.version), context.site) }),
        x('FRBRdate', { date, name: dateName }),
        x('FRBRauthor', { href: '#sec-versions', as: '#publisher' }),
        x('FRBRformat', { value: 'application/akn+xml' }),
      ]),
    ]),
    ...lifecycle(version, direction),
    ...analysis(direction),
    ...temporalData(version),
    references(context),
    x('proprietary', { source: '#sec-versions' }, [
      x('sec', { xmlns: 'https://sec-versions.example.org/ns/versions' }, [
        x('status', version.status),
        x('state', version.state),
        x('illustrative', String(version.illustrative)),
      ]),
    ]),
  ]);
}

function lifecycle(version: VersionRecord, direction: DirectionRecord | undefined): Element[] {
  const events: Element[] = [];
  const source = direction ? `#${directionRef(direction)}` : '#sec-versions';
  if (version.designated) events.push(x('eventRef', { eId: 'evt-designation', date: version.designated, source, type: 'generation', refersTo: '#designation' }));
  else if (version.published)
    events.push(x('eventRef', { eId: 'evt-publication', date: version.published, source: '#sec-versions', type: 'generation', refersTo: '#consultation' }));
  if (version.effective) events.push(x('eventRef', { eId: 'evt-in-force', date: version.effective, source, type: 'amendment', refersTo: '#inForce' }));
  if (version.effectiveUntil)
    events.push(x('eventRef', { eId: 'evt-superseded', date: nextDay(version.effectiveUntil), source: '#sec-versions', type: 'repeal', refersTo: '#superseded' }));
  return events.length > 0 ? [x('lifecycle', { source: '#sec-versions' }, events)] : [];
}

/** The direction that made this text law, as the passive modification of the work. */
function analysis(direction: DirectionRecord | undefined): Element[] {
  if (!direction) return [];
  return [
    x('analysis', { source: '#sec-versions' }, [
      x('passiveModifications', [
        x('textualMod', { type: 'substitution', eId: 'pmod-designation' }, [x('source', { href: `#${directionRef(direction)}` }), x('destination', { href: '#mainBody' })]),
      ]),
    ]),
  ];
}

function temporalData(version: VersionRecord): Element[] {
  if (!version.effective) return [];
  return [
    x('temporalData', { source: '#sec-versions' }, [
      x('temporalGroup', { eId: 'tg-in-force' }, [
        x('timeInterval', { refersTo: '#inForce', start: '#evt-in-force', ...(version.effectiveUntil ? { end: '#evt-superseded' } : {}) }),
      ]),
    ]),
  ];
}

function references(context: AknContext): Element {
  const { direction } = context;
  return x('references', { source: '#sec-versions' }, [
    ...(direction
      ? [x('passiveRef', { eId: directionRef(direction), href: absoluteUrl(directionUrl(direction.id), context.site), showAs: `Direction of ${direction.date}` })]
      : []),
    ...(context.version.source ? [x('original', { eId: 'official-text', href: context.version.source, showAs: 'Official text' })] : []),
    x('TLCOrganization', { eId: 'sec-versions', href: '/ontology/organization/sec-versions', showAs: 'SEC versions' }),
    x('TLCPerson', { eId: 'secretary-of-state', href: '/ontology/person/gb/secretary-of-state', showAs: 'Secretary of State' }),
    x('TLCRole', { eId: 'author', href: '/ontology/role/author', showAs: 'Author' }),
    x('TLCRole', { eId: 'publisher', href: '/ontology/role/publisher', showAs: 'Publisher' }),
    x('TLCEvent', { eId: 'designation', href: '/ontology/event/designation', showAs: 'Designation by direction' }),
    x('TLCEvent', { eId: 'consultation', href: '/ontology/event/consultation', showAs: 'Published for consultation' }),
    x('TLCEvent', { eId: 'superseded', href: '/ontology/event/superseded', showAs: 'Superseded by a later version' }),
    x('TLCConcept', { eId: 'inForce', href: '/ontology/concept/inForce', showAs: 'In legal effect' }),
  ]);
}

function directionRef(direction: DirectionRecord): string {
  return `direction-${direction.id}`;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The clauses as a hierarchy, following each clause's `parent`: a heading becomes a `section`,
 * a top-level clause or paragraph a `paragraph`, a clause under a clause a `point`, a table a
 * `paragraph` holding the table with one `tr` per row (rows keep their slug as `eId`).
 */
function mainBody(clauses: readonly Clause[]): ElementContent[] {
  const children = new Map<string | null, Clause[]>();
  for (const clause of clauses) {
    if (clause.kind === 'row') continue;
    const parent = clause.parent !== null && clauses.some((c) => c.slug === clause.parent) ? clause.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), clause]);
  }
  const rows = new Map<string, Clause[]>();
  for (const clause of clauses) if (clause.kind === 'row' && clause.table) rows.set(clause.table, [...(rows.get(clause.table) ?? []), clause]);
  const build = (clause: Clause, underClause: boolean): Element => {
    const below = (children.get(clause.slug) ?? []).map((c) => build(c, clause.kind !== 'heading'));
    const name = clause.kind === 'heading' ? 'section' : underClause ? 'point' : 'paragraph';
    const num = clause.label ? [x('num', clause.label)] : [];
    const heading = clause.kind === 'heading' ? [x('heading', inline(clause.content))] : [];
    const body = clause.kind === 'heading' ? [] : [blockOf(clause, rows.get(clause.slug) ?? [])];
    if (below.length === 0) return x(name, { eId: clause.slug }, [...num, ...heading, x('content', body.length > 0 ? body : [x('p')])]);
    return x(name, { eId: clause.slug }, [...num, ...heading, ...(body.length > 0 ? [x('intro', body)] : []), ...below]);
  };
  const top = (children.get(null) ?? []).map((c) => build(c, false));
  return top.length > 0 ? top : [x('p')];
}

function blockOf(clause: Clause, rows: readonly Clause[]): Element {
  if (clause.kind !== 'table') return x('p', inline(clause.content));
  return x('table', { eId: `${clause.slug}-table`, border: '1' }, [
    x(
      'tr',
      clause.content.filter(isElement).map((cell) => x('th', [x('p', inline(cell.children))])),
    ),
    ...rows.map((row) =>
      x(
        'tr',
        { eId: row.slug },
        row.content.filter(isElement).map((cell) => x('td', [x('p', inline(cell.children))])),
      ),
    ),
  ]);
}

function isElement(node: HastContent): node is HastElement {
  return node.type === 'element';
}

/** The inline elements kept as their Akoma Ntoso counterparts; any other element keeps only its text. */
const INLINE: Readonly<Record<string, string>> = { strong: 'b', b: 'b', em: 'i', i: 'i', u: 'u', sup: 'sup', sub: 'sub', code: 'span' };

/**
 * Hast phrasing content as Akoma Ntoso inline content: emphasis kept, links as `ref` (to the
 * same clause id inside the document when they point at one), line breaks as `eol`, and block
 * structure (lists inside a clause) flattened to text, since a clause's blocks are the
 * hierarchy's job.
 */
function inline(content: readonly HastContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of content) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value });
    if (node.type !== 'element') continue;
    if (node.tagName === 'br') out.push(x('eol'));
    else if (node.tagName === 'a' && typeof node.properties.href === 'string') out.push(x('ref', { href: node.properties.href }, inline(node.children)));
    else if (INLINE[node.tagName]) out.push(x(INLINE[node.tagName] as string, inline(node.children)));
    else {
      if (out.length > 0 && /^(p|li|div|ul|ol|blockquote)$/.test(node.tagName)) out.push({ type: 'text', value: ' ' });
      out.push(...inline(node.children));
    }
  }
  return out;
}
