import { DOMParser, type Element } from '@xmldom/xmldom';
import { Inflate } from 'fflate';
import { ImportError } from './import-error.ts';
import { checkLimit, limitBytes, type IMPORT_LIMITS } from './import-limits.ts';
import type { SourceMetadata } from './import-result.ts';

/**
 * Reading Office Open XML packages (.docx, .xlsx): the zip container, its parts, and the
 * few DOM helpers the converters need. Element names are matched by local name within the
 * namespace of the part's root element, so Transitional and Strict files both read.
 */

/** The parts of a package, by path inside the zip (`word/document.xml`): each inflated when first read. */
export type Package = ReadonlyMap<string, Uint8Array>;

/** One entry of a zip's central directory: where its data is and what it declares. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** Reads the central directory (ZIP64 included) without inflating anything. */
function listEntries(bytes: Uint8Array): ZipEntry[] {
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== 0x06054b50) {
    if (bytes.length - end > 65_557) throw new Error('no end of central directory');
    end--;
  }
  if (end < 0) throw new Error('no end of central directory');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const zip64End = u64(bytes, end - 12);
    if (u32(bytes, zip64End) === 0x06064b50) {
      count = u64(bytes, zip64End + 32);
      offset = u64(bytes, zip64End + 48);
    }
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (u32(bytes, offset) !== 0x02014b50) throw new Error(`central directory entry ${i + 1} is damaged`);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      declaredSize: u32(bytes, offset + 24),
      localHeader: u32(bytes, offset + 42),
    };
    // ZIP64: the fields that overflowed are in the extra field 0x0001, in this order.
    for (let at = offset + 46 + nameLength; at + 4 <= offset + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, at);
      const size = u16(bytes, at + 2);
      if (id === 0x0001) {
        let field = at + 4;
        if (entry.declaredSize === 0xffffffff) {
          entry.declaredSize = u64(bytes, field);
          field += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(bytes, field);
          field += 8;
        }
        if (entry.localHeader === 0xffffffff) entry.localHeader = u64(bytes, field);
      }
      at += 4 + size;
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, checking the size it declares before and the size it really has while
 * inflating (a bomb may declare 1 KB and hold 1 GB): it stops at whichever is smaller, the
 * declaration or the limit, instead of producing all of it.
 */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  checkLimit('partMb', entry.declaredSize, `part ${entry.name}, as declared`);
  checkLimit('packageMb', entry.declaredSize + (limitBytes('packageMb') - budget), `with part ${entry.name}`);
  const header = entry.localHeader;
  if (u32(bytes, header) !== 0x04034b50) throw new Error(`the local header of ${entry.name} is damaged`);
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.slice(0, entry.declaredSize);
  if (entry.method !== 8) throw new Error(`${entry.name} uses compression method ${entry.method}, which Office does not write`);
  const out = new Uint8Array(entry.declaredSize);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > entry.declaredSize) {
      // The declared size bounds the memory taken: what goes beyond it is never kept.
      throw new ImportError(
        `part ${entry.name} of the package holds more than the ${entry.declaredSize.toLocaleString('en-GB')} bytes it declares: the file is damaged, or made to exhaust memory; open it in its application and save it again`,
      );
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  // Small steps: deflate expands at most about 1,000 times, so no step produces more than 16 MB.
  const STEP = 16 * 1024;
  for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  return length === out.length ? out : out.slice(0, length);
}

/** A package read lazily: only the parts asked for are inflated, each once, within the limits. */
class LazyPackage implements ReadonlyMap<string, Uint8Array> {
  readonly #bytes: Uint8Array;
  readonly #entries: Map<string, ZipEntry>;
  readonly #read = new Map<string, Uint8Array>();
  readonly #kind: string;
  #budget = limitBytes('packageMb');

  constructor(bytes: Uint8Array, entries: ZipEntry[], kind: string) {
    this.#bytes = bytes;
    this.#entries = new Map(entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name, e]));
    this.#kind = kind;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  get(name: string): Uint8Array | undefined {
    const done = this.#read.get(name);
    if (done) return done;
    const entry = this.#entries.get(name);
    if (!entry) return undefined;
    let data: Uint8Array;
    try {
      data = inflateEntry(this.#bytes, entry, this.#budget);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `the file cannot be read as a ${this.#kind} file: part ${name} of its zip container is damaged (${(error as Error).message}); open it in its application and save it again`,
        { cause: error },
      );
    }
    this.#budget -= data.length;
    this.#read.set(name, data);
    return data;
  }

  /** The declared (not yet inflated) size of a part: for checks before reading it. */
  declaredSize(name: string): number | undefined {
    return this.#entries.get(name)?.declaredSize;
  }

  forEach(callback: (value: Uint8Array, key: string, map: ReadonlyMap<string, Uint8Array>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *keys(): MapIterator<string> {
    yield* this.#entries.keys();
  }

  *values(): MapIterator<Uint8Array> {
    for (const key of this.#entries.keys()) yield this.get(key) as Uint8Array;
  }

  *entries(): MapIterator<[string, Uint8Array]> {
    for (const key of this.#entries.keys()) yield [key, this.get(key) as Uint8Array];
  }

  [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }
}

/**
 * Opens the zip container, refusing a damaged one with a message the user can act on. Nothing
 * is inflated here: each part is, when read, within {@link IMPORT_LIMITS} (`partMb`, `packageMb`),
 * so an unused 2 GB entry costs nothing and a bomb is refused before it expands.
 */
export function openPackage(bytes: Uint8Array, kind: string): Package {
  try {
    return new LazyPackage(bytes, listEntries(bytes), kind);
  } catch (error) {
    throw new ImportError(`the file cannot be read as a ${kind} file: its zip container is damaged (${(error as Error).message}); open it in its application and save it again`, {
      cause: error,
    });
  }
}

/** The size a part of a package declares, before it is inflated (undefined when the package has no such part). */
export function declaredSize(pkg: Package, path: string): number | undefined {
  return pkg instanceof LazyPackage ? pkg.declaredSize(path) : pkg.get(path)?.length;
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
