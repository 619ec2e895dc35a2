import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The Akoma Ntoso 3.0 schema: the project's copy (`schemas/akn/`), else the shared one beside
 * the repository. Validation runs offline.
 */
export function aknSchemaPath(): string {
  const candidates = [resolve('schemas/akn/akomantoso30.xsd'), resolve('../shared/schemas/akn/akomantoso30.xsd')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`the Akoma Ntoso schema is missing: looked in ${candidates.join(', ')}`);
  return found;
}

/** Validates XML texts against an XSD with libxml2's xmllint; returns xmllint's errors per name (empty when valid). */
export function validateXml(documents: ReadonlyMap<string, string>, schema: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'xsd-'));
  try {
    const files = new Map<string, string>();
    for (const [name, xml] of documents) {
      const file = join(dir, `${files.size}-${name.replace(/[^a-z0-9.]+/gi, '_')}.xml`);
      writeFileSync(file, xml);
      files.set(file, name);
    }
    // One run for every file: loading the schema is most of the work.
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files.keys()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error('xmllint could not run: install libxml2-utils (Debian)', { cause: run.error });
    const errors = new Map<string, string>();
    for (const line of run.stderr.split('\n')) {
      const file = [...files.keys()].find((f) => line.startsWith(f));
      if (!file || line.endsWith(' validates')) continue;
      const name = files.get(file) as string;
      errors.set(name, [errors.get(name), line.slice(file.length)].filter(Boolean).join('\n'));
    }
    if (run.status !== 0 && errors.size === 0) throw new Error(`xmllint failed: ${run.stderr.trim()}`);
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
