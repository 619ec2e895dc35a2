/**
 * `npm run eval:alignment -- <folder> [--keys <folder>] [--verbose]`: measures the aligner on
 * real versioned texts against hand-written answer keys.
 *
 * `<folder>` holds one subfolder per document, each with one Markdown file per version named so
 * that they sort in order (the development corpus names them by date). The texts are wrapped with
 * the project's front matter in a temporary content folder, checked with the content check,
 * parsed and aligned as the build does, and every consecutive pair with a key
 * (`tests/real-world/keys/<document>_<from>_<to>.txt`) is scored:
 *
 * - identity right: key rows whose old and new clauses form one row of the output;
 * - kind right: of those, rows with the key's kind (and, for renumbered, moved, split and
 *   merged rows, the key's `reworded` flag);
 * - false changes: rows the key calls unchanged that the output shows as changed;
 * - missed changes: rows the key calls changed that the output shows as unchanged.
 *
 * Key lines read like the alignment fixtures' expected.txt (`kind olds -> news [reworded]`),
 * with `#` starting a comment.
 */
import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignClauses, type AlignedRow } from '#compare/align-clauses.ts';
import type { Clause } from '#model/clause.ts';
import { checkContent } from './lib/check-site.ts';

/** One row as a key line: kind, old slugs, `->`, new slugs, `reworded` where the kind alone does not say it. */
export function describeRow(row: AlignedRow): string {
  const olds = row.olds ?? (row.old ? [row.old] : []);
  const news = row.news ?? (row.new ? [row.new] : []);
  const flags = row.reworded && ['renumbered', 'moved', 'split', 'merged'].includes(row.kind) ? ['reworded'] : [];
  return [row.kind, ...olds.map((c) => c.slug), '->', ...news.map((c) => c.slug), ...flags].join(' ');
}

/** A key or output row read back: kind, old and new slugs, flag. */
interface KeyRow {
  kind: string;
  olds: string[];
  news: string[];
  reworded: boolean;
  line: number;
}

export function parseKeyLine(text: string, line: number): KeyRow | undefined {
  const content = text.replace(/#.*$/, '').trim();
  if (content === '') return undefined;
  const [left = '', right = ''] = content.split(/\s+->\s*/);
  const [kind = '', ...olds] = left.split(/\s+/);
  const words = right.split(/\s+/).filter((w) => w !== '');
  return { kind, olds, news: words.filter((w) => w !== 'reworded'), reworded: words.includes('reworded'), line };
}

/** Scores of one pair. */
export interface PairScore {
  rows: number;
  identity: number;
  kind: number;
  falseChanges: number;
  missedChanges: number;
  /** What went wrong, one line each. */
  notes: string[];
}

const identityKey = (row: KeyRow) => `${row.olds.join(' ')} -> ${row.news.join(' ')}`;

/** Compares the output rows of one pair with its key. */
export function scorePair(key: readonly KeyRow[], actual: readonly KeyRow[]): PairScore {
  const byIdentity = new Map(actual.map((row) => [identityKey(row), row]));
  // Where each clause went in the output, to tell a false or missed change on a clause the key pairs differently.
  const rowOfOld = new Map<string, KeyRow>();
  const rowOfNew = new Map<string, KeyRow>();
  for (const row of actual) {
    for (const slug of row.olds) rowOfOld.set(slug, row);
    for (const slug of row.news) rowOfNew.set(slug, row);
  }
  const score: PairScore = { rows: key.length, identity: 0, kind: 0, falseChanges: 0, missedChanges: 0, notes: [] };
  for (const want of key) {
    const got = byIdentity.get(identityKey(want));
    const shown = got ?? rowOfNew.get(want.news[0] ?? '') ?? rowOfOld.get(want.olds[0] ?? '');
    if (got) score.identity++;
    const kindRight = got !== undefined && got.kind === want.kind && (got.reworded === want.reworded || !['renumbered', 'moved', 'split', 'merged'].includes(want.kind));
    if (kindRight) score.kind++;
    const wantChange = want.kind !== 'unchanged';
    const gotChange = shown !== undefined && shown.kind !== 'unchanged';
    if (!wantChange && gotChange) score.falseChanges++;
    if (wantChange && shown?.kind === 'unchanged') score.missedChanges++;
    if (!kindRight) score.notes.push(`line ${want.line}: key "${describeKey(want)}", output ${shown ? `"${describeKey(shown)}"` : 'has no row for it'}`);
  }
  return score;
}

function describeKey(row: KeyRow): string {
  return [row.kind, ...row.olds, '->', ...row.news, ...(row.reworded ? ['reworded'] : [])].join(' ');
}

/** The version number a file takes in the temporary content: its name's digits as dotted numbers (`2016-02-12` → `2016.2.12`). */
function versionOf(file: string): string {
  const digits = basename(file, '.md').match(/\d+/g);
  if (!digits) throw new Error(`${file}: name the version files by date or number (2016-02-12.md) so their order and version can be read`);
  return digits.map((d) => String(Number(d))).join('.');
}

/** The file's date, when its name is one, for the designation dates the front matter needs. */
function dateOf(file: string, index: number): string {
  const name = basename(file, '.md');
  return /^\d{4}-\d{2}-\d{2}$/.test(name) ? name : `2000-01-${String(index + 1).padStart(2, '0')}`;
}

/** Writes the texts of `folder` as a content folder under `root`: one document per subfolder, every version designated. */
async function wrapCorpus(folder: string, root: string): Promise<Map<string, string[]>> {
  const documents = new Map<string, string[]>();
  const subfolders = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const [order, id] of subfolders.entries()) {
    const files = (await readdir(join(folder, id))).filter((f) => f.endsWith('.md')).sort();
    if (files.length === 0) continue;
    documents.set(id, files);
    const dir = join(root, 'documents', id);
    await mkdir(dir, { recursive: true });
    const index = [
      '---',
      `title: "${id} (real-world evaluation)"`,
      `shortName: ${id
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 12)}`,
      `secReference: "Evaluation ${order + 1}"`,
      `order: ${order + 1}`,
      '---',
      '',
      'Real versioned text read for the alignment evaluation.',
      '',
    ];
    await writeFile(join(dir, 'index.md'), index.join('\n'));
    for (const [k, file] of files.entries()) {
      const source = await readFile(join(folder, id, file), 'utf8');
      // The publisher's own front matter is not ours: the body alone is the version's text.
      const body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
      const date = dateOf(file, k);
      const front = ['---', `version: "${versionOf(file)}"`, 'status: designated', `designated: ${date}`, `effective: ${date}`, '---', ''];
      await writeFile(join(dir, `v${versionOf(file)}.md`), `${front.join('\n')}\n${body}`);
    }
  }
  return documents;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The command's options, read from its arguments. */
interface Options {
  folder: string | undefined;
  keysDir: string;
  verbose: boolean;
}

function readOptions(args: readonly string[]): Options {
  const verbose = args.includes('--verbose');
  const keysAt = args.indexOf('--keys');
  const keysDir = keysAt >= 0 ? (args[keysAt + 1] ?? '') : 'tests/real-world/keys';
  const [folder] = args.filter((a, i) => !a.startsWith('--') && (keysAt === -1 || i !== keysAt + 1));
  return { folder, keysDir, verbose };
}

type Totals = Pick<PairScore, 'rows' | 'identity' | 'kind' | 'falseChanges' | 'missedChanges'>;

/** What scoring the pairs builds up: the table printed at the end (header first) and the overall counts. */
interface Results {
  table: string[][];
  total: Totals;
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const { folder, verbose } = options;
  if (!folder || !existsSync(folder)) {
    console.error('usage: npm run eval:alignment -- <folder with one subfolder of versions per document> [--keys <folder>] [--verbose]');
    return 2;
  }
  const root = await mkdtemp(join(tmpdir(), 'sec-eval-'));
  try {
    const documents = await wrapCorpus(folder, root);
    const { site, lines } = await checkContent(root, '2100-01-01');
    const errors = lines.filter((l) => / error: /.test(l));
    if (!site) {
      console.error(`content check failed on ${folder}:\n${lines.join('\n')}`);
      return 1;
    }
    if (verbose) for (const line of lines) console.error(line);
    const results: Results = {
      table: [['pair', 'rows', 'identity', 'kind', 'false changes', 'missed changes']],
      total: { rows: 0, identity: 0, kind: 0, falseChanges: 0, missedChanges: 0 },
    };
    for (const [id, files] of documents) {
      const versions = site.documents.find((d) => d.id === id)?.versions ?? [];
      const clausesOf = (file: string): readonly Clause[] => versions.find((v) => v.version === versionOf(file))?.clauses ?? [];
      for (let k = 1; k < files.length; k++) {
        await scoreVersionPair(id, basename(files[k - 1] ?? '', '.md'), basename(files[k] ?? '', '.md'), clausesOf, options, results);
      }
    }
    printTable(results, lines.length, errors.length);
    return 0;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Aligns one consecutive pair of versions and, when it has a key, scores it into `results` and prints what went wrong. */
async function scoreVersionPair(
  id: string,
  from: string,
  to: string,
  clausesOf: (file: string) => readonly Clause[],
  { keysDir, verbose }: Options,
  { table, total }: Results,
): Promise<void> {
  const keyFile = join(keysDir, `${id}_${from}_${to}.txt`);
  const rows = alignClauses(clausesOf(`${from}.md`), clausesOf(`${to}.md`));
  if (!existsSync(keyFile)) {
    if (verbose) console.log(`\n${id} ${from} → ${to}: no key (${keyFile}); output:\n${rows.map(describeRow).join('\n')}`);
    return;
  }
  const key = (await readFile(keyFile, 'utf8')).split('\n').flatMap((text, n) => parseKeyLine(text, n + 1) ?? []);
  const actual = rows.map((row, n) => parseKeyLine(describeRow(row), n + 1)).filter((r) => r !== undefined);
  const score = scorePair(key, actual);
  table.push([
    `${id} ${from} → ${to}`,
    String(score.rows),
    percent(score.identity, score.rows),
    percent(score.kind, score.rows),
    String(score.falseChanges),
    String(score.missedChanges),
  ]);
  for (const field of ['rows', 'identity', 'kind', 'falseChanges', 'missedChanges'] as const) total[field] += score[field];
  if (score.notes.length > 0) console.log(`\n${keyFile}:\n  ${score.notes.join('\n  ')}`);
  if (verbose) console.log(`\n${id} ${from} → ${to} output:\n${rows.map(describeRow).join('\n')}`);
}

/** The content check's counts, then the table with an overall row, columns aligned (names left, figures right). */
function printTable({ table, total }: Results, problems: number, errors: number): void {
  table.push(['overall', String(total.rows), percent(total.identity, total.rows), percent(total.kind, total.rows), String(total.falseChanges), String(total.missedChanges)]);
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? [];
  console.log(`\ncontent check: ${errors} errors, ${problems - errors} warnings\n`);
  for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
}

// Run as a command, not when a test imports the scoring above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
