import type { Element, ElementContent, Properties } from 'hast';
import type { Clause, ClauseKind } from '#model/clause.ts';

/**
 * The data of one version as the browser gets it to compare any two versions: its clauses in
 * order, compact. Content is hast written as tuples (`["p", "text ", ["strong", "word"]]`, an
 * optional properties object after the tag name). Each clause's plain text is sent too, as the
 * parser made it: deriving it again from the content in the browser took a quarter of the time
 * a 1,400-clause comparison spent before aligning. Source positions are not sent.
 */
export interface VersionData {
  /** Format version, bumped when the encoding changes (2: clause text added). */
  format: 2;
  document: string;
  version: string;
  /** Heading paths, shared by the clauses that point at them. */
  paths: string[][];
  /** One tuple per clause: see {@link encodeClause}. */
  clauses: EncodedClause[];
}

/** `[slug, number, label, kind, depth, parent, pathIndex, content, table, rank, text]`: absent values are null. */
export type EncodedClause = [string, string | null, string | null, ClauseKind, number, string | null, number, EncodedNode[], string | null, number | null, string];

/** A hast node as a tuple, or a text node as a string. */
export type EncodedNode = string | EncodedElement;

/** An element as `[tagName, properties?, ...children]`. */
export interface EncodedElement extends Array<string | Properties | EncodedNode> {
  0: string;
}

function encodeNode(node: ElementContent): EncodedNode | undefined {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return undefined;
  const children = node.children.map(encodeNode).filter((c): c is EncodedNode => c !== undefined);
  const properties = node.properties && Object.keys(node.properties).length > 0 ? [node.properties] : [];
  return [node.tagName, ...properties, ...children] as EncodedElement;
}

function decodeNode(node: EncodedNode): ElementContent {
  if (typeof node === 'string') return { type: 'text', value: node };
  const [tagName, ...rest] = node as [string, ...Array<Properties | EncodedNode>];
  const first = rest[0];
  const hasProperties = first !== undefined && typeof first === 'object' && !Array.isArray(first);
  const children = (hasProperties ? rest.slice(1) : rest) as EncodedNode[];
  return {
    type: 'element',
    tagName,
    properties: hasProperties ? (first as Properties) : {},
    children: children.map(decodeNode),
  } satisfies Element;
}

/** Encodes a version's clauses for the browser. */
export function encodeVersion(document: string, version: string, clauses: readonly Clause[]): VersionData {
  const paths: string[][] = [];
  const pathIndex = new Map<string, number>();
  const encoded = clauses.map((clause): EncodedClause => {
    const key = clause.path.join('\u0000');
    let index = pathIndex.get(key);
    if (index === undefined) {
      index = paths.length;
      paths.push(clause.path);
      pathIndex.set(key, index);
    }
    return [
      clause.slug,
      clause.number,
      clause.label,
      clause.kind,
      clause.depth,
      clause.parent,
      index,
      clause.content.map(encodeNode).filter((c): c is EncodedNode => c !== undefined),
      clause.table ?? null,
      clause.rank ?? null,
      clause.text,
    ];
  });
  return { format: 2, document, version, paths, clauses: encoded };
}

/**
 * Decodes a version's data into clauses the core can align, diff and render exactly as the
 * build does. Data in another format (a page cached from an older build) is refused.
 */
export function decodeVersion(data: VersionData): Clause[] {
  if (data.format !== 2) throw new Error(`version data of ${data.document} v${data.version} is in format ${String(data.format)}, not 2: reload the page to fetch the current data`);
  return data.clauses.map(([slug, number, label, kind, depth, parent, pathIndex, content, table, rank, text]) => {
    const nodes = content.map(decodeNode);
    return {
      slug,
      number,
      label,
      kind,
      depth,
      parent,
      path: data.paths[pathIndex] ?? [],
      text,
      content: nodes,
      start: { line: 0, column: 0 },
      end: { line: 0, column: 0 },
      ...(table !== null ? { table } : {}),
      ...(rank !== null ? { rank } : {}),
    } satisfies Clause;
  });
}
