import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { ImportError } from './import-error.ts';
import type { SourceMetadata } from './import-result.ts';

/**
 * Reading Office Open XML packages (.docx, .xlsx): the zip container, its parts, and the
 * few DOM helpers the converters need. Element names are matched by local name within the
 * namespace of the part's root element, so Transitional and Strict files both read.
 */

/** The parts of a package, by path inside the zip (`word/document.xml`). */
export type Package = ReadonlyMap<string, Uint8Array>;

/** Opens the zip container, refusing a damaged one with a message the user can act on. */
export function openPackage(bytes: Uint8Array, kind: string): Package {
  try {
    return new Map(Object.entries(unzipSync(bytes)));
  } catch (error) {
    throw new ImportError(`the file cannot be read as a ${kind} file: its zip container is damaged (${(error as Error).message}); open it in its application and save it again`, { cause: error });
  }
}

/** Parses an XML part, or returns undefined when the package has no such part. */
export function readPart(pkg: Package, path: string): Element | undefined {
  const bytes = pkg.get(path);
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
    const root = document.documentElement;
    if (!root) throw new Error('no root element');
    return root;
  } catch (error) {
    throw new ImportError(`part ${path} of the file is not well-formed XML (${(error as Error).message}): the file is damaged`, { cause: error });
  }
}

/** The element children of `element`, optionally only those with local name `name` (in its namespace). */
export function children(element: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    // Only the part's own namespace: extensions (w14:, mc:) have their own and are skipped.
    if (name === undefined || (child.localName === name && child.namespaceURI === element.namespaceURI)) out.push(child);
  }
  return out;
}

/** The first child named `name`, following a path of names: `child(p, 'pPr', 'numPr', 'ilvl')`. */
export function child(element: Element | undefined, ...path: string[]): Element | undefined {
  let current = element;
  for (const name of path) {
    if (!current) return undefined;
    current = children(current, name)[0];
  }
  return current;
}

/** Every descendant named `name`, in document order. */
export function descendants(element: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Element) => {
    for (const c of children(node)) {
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}

/** An attribute by local name, whatever its prefix (`w:val`, `r:id`). */
export function attribute(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i);
    if (attr && (attr.localName ?? attr.name) === name) return attr.value;
  }
  return undefined;
}

/** `w:val` of a child element: `val(pPr, 'pStyle')`. */
export function val(element: Element | undefined, ...path: string[]): string | undefined {
  return attribute(child(element, ...path), 'val');
}

/** An on/off property (`<w:b/>`, `<w:b w:val="false"/>`): present and not switched off. */
export function isOn(element: Element | undefined, name: string): boolean | undefined {
  const property = child(element, name);
  if (!property) return undefined;
  const value = attribute(property, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** The text content of an element. */
export function textOf(element: Element): string {
  return element.textContent ?? '';
}


/** A relationship of a part: its type URI, and its target as a path inside the package (or a URL when external). */
export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** The main part named by the package relationships (`_rels/.rels`): `word/document.xml`, `xl/workbook.xml`. */
export function mainPartPath(pkg: Package): string | undefined {
  const rels = readPart(pkg, '_rels/.rels');
  if (!rels) return undefined;
  for (const rel of children(rels, 'Relationship')) {
    if ((attribute(rel, 'Type') ?? '').endsWith('/officeDocument')) return resolvePartPath('', attribute(rel, 'Target') ?? '');
  }
  return undefined;
}

/** The relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), by id, targets resolved against the part's folder. */
export function readRelationships(pkg: Package, partPath: string): Map<string, Relationship> {
  const folder = partPath.replace(/[^/]+$/, '');
  const rels = readPart(pkg, `${folder}_rels/${partPath.slice(folder.length)}.rels`);
  const out = new Map<string, Relationship>();
  if (!rels) return out;
  for (const rel of children(rels, 'Relationship')) {
    const id = attribute(rel, 'Id');
    const target = attribute(rel, 'Target') ?? '';
    const external = attribute(rel, 'TargetMode') === 'External';
    if (id) out.set(id, { type: attribute(rel, 'Type') ?? '', target: external ? target : resolvePartPath(folder, target), external });
  }
  return out;
}

/** A relationship target as a path inside the package: absolute (`/xl/styles.xml`) or relative to `folder` (`../media/a.png`). */
function resolvePartPath(folder: string, target: string): string {
  const out: string[] = [];
  for (const part of (target.startsWith('/') ? target : `${folder}${target}`).split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** What the package says about itself in `docProps/core.xml`: title, subject, author, version, and dates as `YYYY-MM-DD`. */
export function readCoreProperties(pkg: Package): SourceMetadata {
  const core = readPart(pkg, 'docProps/core.xml');
  if (!core) return {};
  const text = (name: string) => {
    const element = children(core).find((c) => c.localName === name);
    const value = element ? textOf(element).trim() : '';
    return value === '' ? undefined : value;
  };
  const date = (name: string) => /^\d{4}-\d{2}-\d{2}/.exec(text(name) ?? '')?.[0];
  const metadata: SourceMetadata = {};
  const fields: Array<[keyof SourceMetadata, string | undefined]> = [
    ['title', text('title')],
    ['subject', text('subject')],
    ['author', text('creator')],
    ['version', text('version')],
    ['created', date('created')],
    ['modified', date('modified')],
  ];
  for (const [key, value] of fields) if (value) metadata[key] = value;
  return metadata;
}
