import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * A Word file made byte-for-byte reproducible: the `docx` package stamps the document
 * properties with the time it ran and its zip entries with the current date, so two builds of
 * the same content would differ. The properties take `date` (the version's own date), the zip
 * entries a fixed time, and the parts keep their order.
 */
export function stableDocx(bytes: Uint8Array, date: string): Uint8Array {
  const stamp = `${date}T00:00:00Z`;
  const parts = unzipSync(bytes);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    files[name] =
      name === 'docProps/core.xml' ? strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`)) : data;
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(1980, 0, 1)) });
}
