import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } from 'docx';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Clause } from '#model/clause.ts';
import { labelStyle } from '#parse/clause-number.ts';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { citeVersion } from './citation.ts';
import { packStableDocx } from './stable-docx.ts';

/** What Word shows in File › Info besides the text. */
export interface DocxMeta {
  title: string;
  creator: string;
  description: string;
}

type Block = Paragraph | Table | TableOfContents;
type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/**
 * Where the writer is in the numbering Word will compute: the list in use (a new list starts
 * where section numbers jump, 7 → 18), the current section, and the counters of each level.
 */
interface NumberingState {
  references: ReadonlyMap<number, string>;
  reference: string;
  section: number;
  clause: number;
  sub: number[];
}

/**
 * A version as a Word document, written the way an author writes one in Word: section headings
 * and clauses carry Word's multilevel automatic numbering (`%1`, `%1.%2`, `(%3)`, `(%4)`), not
 * typed numbers, so Word renumbers them as the author edits and the project's importer reads
 * them back to the same clauses. Numbers automatic numbering cannot produce (4.12A, a letter
 * out of sequence) are typed, as they would be in Word. Tables are Word tables.
 */
export async function versionDocx(clauses: readonly Clause[], meta: DocxMeta): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(versionDocument(clauses, meta)));
}

/** The `docx` document {@link versionDocx} packs. */
function versionDocument(clauses: readonly Clause[], meta: DocxMeta): Document {
  const references = listStarts(clauses);
  const state: NumberingState = { references, reference: 'clauses', section: 0, clause: 0, sub: [0, 0, 0, 0] };
  const body: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as Clause;
    if (clause.kind === 'table') {
      const rows = [clause];
      while (clauses[i + 1]?.kind === 'row') rows.push(clauses[++i] as Clause);
      body.push(wordTable(rows));
    } else {
      body.push(clause.kind === 'heading' ? headingParagraph(clause, state) : clauseParagraph(clause, state));
    }
  }
  const document = new Document({
    title: meta.title,
    creator: meta.creator,
    description: meta.description,
    numbering: { config: [...references].map(([start, reference]) => ({ reference, levels: levels(start) })) },
    features: { updateFields: true },
    sections: [{ children: body }],
  });
  return document;
}

/** The lists the document needs: one from 1, and one more for each jump in section numbers. */
function listStarts(clauses: readonly Clause[]): Map<number, string> {
  const references = new Map<number, string>([[1, 'clauses']]);
  let expected = 1;
  for (const clause of clauses) {
    if (clause.kind !== 'heading' || clause.rank !== 2 || !clause.number || !/^\d+$/.test(clause.number)) continue;
    const n = Number(clause.number);
    if (n !== expected && !references.has(n)) references.set(n, `clauses-from-${n}`);
    expected = n + 1;
  }
  return references;
}

function levels(start: number) {
  return [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1', start, alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1, alignment: AlignmentType.START },
    { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', start: 1, alignment: AlignmentType.START },
    { level: 3, format: LevelFormat.LOWER_ROMAN, text: '(%4)', start: 1, alignment: AlignmentType.START },
  ];
}

function numbered(state: NumberingState, level: number, text: string, heading?: Heading): Paragraph {
  return new Paragraph({ ...(heading ? { heading } : {}), numbering: { reference: state.reference, level }, children: [new TextRun(text)] });
}

function typed(text: string, heading?: Heading): Paragraph {
  return new Paragraph({ ...(heading ? { heading } : {}), children: [new TextRun(text)] });
}

/** A section heading numbered by the list when its number follows on (or starts a new list); typed otherwise. */
function headingParagraph(clause: Clause, state: NumberingState): Paragraph {
  const n = clause.number && /^\d+$/.test(clause.number) ? Number(clause.number) : undefined;
  const heading = clause.rank === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
  if (clause.rank === 2 && n !== undefined && (n === state.section + 1 || state.references.has(n))) {
    if (n !== state.section + 1) state.reference = state.references.get(n) as string;
    state.section = n;
    state.clause = 0;
    return numbered(state, 0, clause.text, heading);
  }
  return typed(clause.label ? `${clause.label} ${clause.text}` : clause.text, heading);
}

/** A clause numbered by the list when Word would give it the same number; typed otherwise. */
function clauseParagraph(clause: Clause, state: NumberingState): Paragraph {
  if (clause.kind !== 'clause' || !clause.label) return typed(clause.text);
  const dotted = /^(\d+)\.(\d+)$/.exec(clause.label);
  if (dotted && Number(dotted[1]) === state.section && Number(dotted[2]) === state.clause + 1) {
    state.clause++;
    state.sub.fill(0);
    return numbered(state, 1, clause.text);
  }
  const level = 1 + clause.depth;
  if (subLevelFollows(clause, level, state)) {
    state.sub[level] = (state.sub[level] ?? 0) + 1;
    if (level === 2) state.sub[3] = 0;
    return numbered(state, level, clause.text);
  }
  return typed(`${clause.label} ${clause.text}`);
}

/** Whether a `(b)` or `(ii)` label is the next one Word's lettered or roman level would show. */
function subLevelFollows(clause: Clause, level: number, state: NumberingState): boolean {
  const sub = /^\((\w+)\)$/.exec(clause.label ?? '')?.[1];
  if (!sub || (level !== 2 && level !== 3)) return false;
  const count = state.sub[level] ?? 0;
  const expected = level === 2 ? String.fromCharCode(97 + count) : roman(count + 1);
  const style = level === 2 ? 'alpha' : 'roman';
  return sub === expected && (labelStyle(sub) === style || level === 2);
}

/** A table clause and its rows as one Word table, the header row repeated on each page. */
function wordTable(rows: readonly Clause[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: row.content
            .filter((c): c is Element => c.type === 'element')
            .map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: toText(cell), bold: r === 0 })] })] })),
        }),
    ),
  });
}

function roman(value: number): string {
  return ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][value - 1] ?? String(value);
}

/** `/<doc>/v<version>.docx` as the site publishes it: titled and dated by the version, the same bytes on every build. */
export async function publishedVersionDocx(document: DocumentRecord, version: VersionRecord): Promise<Uint8Array> {
  const title = `${document.secReference}: ${document.title} (${document.shortName}) v${version.version}`;
  const illustrative = version.illustrative ? ' Illustrative text written by the SEC versions project, not the designated wording.' : '';
  const word = versionDocument(version.clauses, { title, creator: 'SEC versions', description: `${citeVersion(document, version)}.${illustrative}` });
  return packStableDocx(word, version.designated ?? version.published ?? '1980-01-01');
}
