/**
 * `npm run corpus -- --out <dir> [--documents 60 --versions 12 --clauses 400 --seed 1]`:
 * writes a synthetic content folder for benchmarks. Build it with `SEC_CONTENT_DIR=<dir> npm run build`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, SEC_SCALE } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    documents: { type: 'string', default: String(SEC_SCALE.documents) },
    versions: { type: 'string', default: String(SEC_SCALE.versions) },
    clauses: { type: 'string', default: String(SEC_SCALE.clauses) },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error('usage: npm run corpus -- --out <dir> [--documents N --versions V --clauses C --seed S]');
  process.exit(2);
}
const files = generateCorpus({
  documents: Number(values.documents),
  versions: Number(values.versions),
  clauses: Number(values.clauses),
  seed: Number(values.seed),
});
await rm(values.out, { recursive: true, force: true });
for (const file of files) {
  const path = join(values.out, file.path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.text);
}
console.log(`wrote ${files.length} files to ${values.out}`);
