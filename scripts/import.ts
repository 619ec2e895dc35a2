/**
 * `npm run import -- <file> --document <id> --version <n> [options]`: turns an official Word,
 * PDF or Excel file into `content/documents/<id>/v<n>.md`, then checks it with the content
 * checker and prints a report. Run with --help for the options.
 */
import { existsSync, lstatSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { asOfDate, contentRoot } from '#content/environment.ts';
import { idSchema, versionNumberSchema } from '#content/content-schema.ts';
import { formatImportReport } from '#import/format-import-report.ts';
import { importDocument, type ImportOptions } from '#import/import-document.ts';
import { ImportError } from '#import/import-error.ts';
import { loadSite } from '#content/load-site.ts';
import { readContent } from './lib/read-content.ts';

const HELP = `Usage: npm run import -- <file> --document <id> --version <n> [options]

Reads a Word (.docx), PDF or Excel (.xlsx) file and writes its text as
<content>/documents/<id>/v<n>.md, then checks it and reports what was unsure.

  --document <id>        the document (an existing folder under documents/), e.g. tmad
  --version <n>          the version, e.g. 6.0 (default: from the file's properties)
  --status <s>           designated (default) or consultation-draft
  --designated <date>    date of the designation, YYYY-MM-DD
  --effective <date>     date of legal effect, YYYY-MM-DD
  --direction <id>       the direction that designated it
  --consultation <id>    a consultation it came from (repeat for several)
  --published <date>     for a consultation draft: date published
  --label <text>         a short description of the version
  --illustrative         the text is ours, not the legal text (never for an official file)
  --sheet <name|n>       Excel: the sheet to import (default: the first)
  --key-column <name>    Excel: the column that keys each row (default: the first)
  --content <dir>        the content folder (default: SEC_CONTENT_DIR or content)
  --force                overwrite an existing version file`;

function fail(message: string): never {
  console.error(`import: error: ${message}`);
  process.exit(1);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      document: { type: 'string' },
      version: { type: 'string' },
      status: { type: 'string' },
      designated: { type: 'string' },
      effective: { type: 'string' },
      direction: { type: 'string' },
      consultation: { type: 'string', multiple: true },
      published: { type: 'string' },
      label: { type: 'string' },
      illustrative: { type: 'boolean', default: false },
      sheet: { type: 'string' },
      'key-column': { type: 'string' },
      content: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const source = positionals[0];
if (!source || positionals.length > 1) fail(`give exactly one file to import\n\n${HELP}`);
if (!values.document) fail('give the document with --document <id>, e.g. --document tmad');
if (values.status && values.status !== 'designated' && values.status !== 'consultation-draft') {
  fail(`--status must be designated or consultation-draft, not "${values.status}"`);
}

// Ids become paths: check them the way the content check does before anything is read or
// written, so `--document ../../x` cannot lead outside the content folder.
if (!idSchema.safeParse(values.document).success) {
  fail(`--document "${values.document}" is not a document id: use lower-case letters, digits and hyphens, as the folders under documents/ are named (e.g. --document tmad)`);
}
if (values.version !== undefined && !versionNumberSchema.safeParse(values.version).success) {
  fail(`--version "${values.version}" is not a version: write it as 6.0, or 6.0-draft for a draft`);
}
// Resolved, not trimmed: `--content /` is the root folder, never "" (the current folder).
const root = resolve(values.content ?? contentRoot());
const documentFolder = join(root, 'documents', values.document);
if (!existsSync(join(documentFolder, 'index.md'))) {
  fail(
    `there is no document "${values.document}" (${join(documentFolder, 'index.md')} is missing): create it first with its title, shortName and secReference (see content/README.md)`,
  );
}

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(await readFile(source));
} catch (error) {
  fail(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
}

const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const options: ImportOptions = {
  ...(values.version ? { version: values.version } : {}),
  ...(values.status ? { status: values.status as ImportOptions['status'] & string } : {}),
  ...(values.designated ? { designated: values.designated } : {}),
  ...(values.effective ? { effective: values.effective } : {}),
  ...(values.direction ? { direction: values.direction } : {}),
  ...(values.consultation ? { consultations: values.consultation } : {}),
  ...(values.published ? { published: values.published } : {}),
  ...(values.label ? { label: values.label } : {}),
  illustrative: values.illustrative,
  ...(values.sheet ? { sheet: values.sheet } : {}),
  ...(values['key-column'] ? { keyColumn: values['key-column'] } : {}),
  pdfAssets: {
    cMapUrl: `${pathToFileURL(join(pdfjs, 'cmaps')).href}/`,
    standardFontDataUrl: `${pathToFileURL(join(pdfjs, 'standard_fonts')).href}/`,
  },
};

let imported: Awaited<ReturnType<typeof importDocument>>;
try {
  imported = await importDocument(bytes, source, options);
} catch (error) {
  if (error instanceof ImportError) fail(`${source}: ${error.message}`);
  throw new Error(`import of ${source} failed unexpectedly`, { cause: error });
}

if (!versionNumberSchema.safeParse(imported.version).success)
  fail(`the version "${imported.version}" read from the file is not a version: give it with --version (e.g. --version 6.0)`);
const target = join(documentFolder, `v${imported.version}.md`);
if (!target.startsWith(documentFolder + sep)) fail(`${target} is outside ${documentFolder}: nothing was written`);
if (existsSync(target) && lstatSync(target).isSymbolicLink()) fail(`${target} is a symbolic link: nothing was written; replace it with the file itself`);
if (existsSync(target) && !values.force) {
  fail(`${target} already exists: nothing was written; give --force to replace it`);
}
await writeFile(target, imported.text, 'utf8');

// Check the written file the way the build will: the whole content folder, problems of this file shown.
const { sources, problems: readProblems } = await readContent(root);
const { problems } = loadSite(sources, asOfDate());
const all = [...readProblems, ...problems];
const own = all.filter((p) => relative(p.file, target) === '');
const others = all.filter((p) => relative(p.file, target) !== '' && p.severity === 'error');
console.log(formatImportReport(imported, source, target, own));
if (others.length > 0) console.log(`  (and ${others.length} error${others.length === 1 ? '' : 's'} in other content files: npm run check:content lists them)`);
if (own.some((p) => p.severity === 'error')) {
  console.error(`\nimport: ${target} was written but does not pass the content check: fix the problems above before building.`);
  process.exit(1);
}
