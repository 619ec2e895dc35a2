import { type Document, Packer } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * A Word file made byte-for-byte reproducible: the `docx` package stamps the document
 * properties with the time it ran and its zip entries with the current date, so two builds of
 * the same content would differ. The properties take `date` (the version's own date), the zip
 * entries a fixed time, and the parts keep their order. Bookmarks are numbered from 1 in each
 * file (see {@link renumberBookmarks}).
 */
export function stableDocx(bytes: Uint8Array, date: string): Uint8Array {
  return stableParts(new Map(Object.entries(unzipSync(bytes))), date);
}

/** The compiler `Packer` zips with: not in the package's types, so looked for, not assumed. */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * A `docx` document packed as {@link stableDocx} would leave it, zipped once: the package's
 * parts are taken from the compiler its `Packer` uses, instead of being zipped by it, unzipped
 * and zipped again (a fifth of the time a Word file took). A `docx` release without that
 * compiler is packed the long way, to the same bytes.
 */
export async function packStableDocx(document: Document, date: string): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return stableDocx(new Uint8Array(await Packer.toArrayBuffer(document)), date);
  return stableParts(compiler.compile(document), date);
}

function stableParts(parts: ReadonlyMap<string, string | Uint8Array>, date: string): Uint8Array {
  const stamp = `${date}T00:00:00Z`;
  const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : strFromU8(data));
  const files: Zippable = {};
  for (const [name, data] of parts) {
    files[name] =
      name === 'docProps/core.xml'
        ? strToU8(text(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`))
        : name === 'word/document.xml'
          ? strToU8(renumberBookmarks(text(data)))
          : typeof data === 'string'
            ? strToU8(data)
            : data;
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(1980, 0, 1)) });
}

/**
 * The `docx` package takes bookmark ids (those of the headings a table of contents links to,
 * `_Toc<id>`) from one counter for the whole process: a file's ids depended on how many files
 * were made before it in the same build, so a file made again alone (an incremental build) or in
 * another order differed from a clean build's. Numbered again in order of appearance, they
 * depend on the file alone. Only bookmarks' ids and the `_Toc` names are touched: revisions and
 * comments have ids of their own.
 */
export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of xml.matchAll(/<w:bookmarkStart\b[^>]*?\sw:id="(\d+)"/g)) if (id !== undefined && !ids.has(id)) ids.set(id, String(ids.size + 1));
  if (ids.size === 0) return xml;
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g, (_whole, start: string, id: string) => `${start}${ids.get(id) ?? id}"`)
    .replace(/\b_Toc(\d+)\b/g, (whole, id: string) => (ids.has(id) ? `_Toc${ids.get(id)}` : whole));
}
