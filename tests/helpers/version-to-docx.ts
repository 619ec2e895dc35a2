import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Clause } from '#model/clause.ts';
import { labelStyle } from '#parse/clause-number.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';

/**
 * Builds a Word document from one of our Markdown versions the way an author would write it in
 * Word: section headings and clauses carry Word's multilevel automatic numbering ("%1",
 * "%1.%2", "(%3)", "(%4)"), not typed numbers, so the importer must compute what Word shows.
 * Only numbers automatic numbering cannot produce (4.12A, a jump from Section 7 to 18 without a
 * new list) are typed, as they would be in Word. A title, a table of contents field and core
 * properties are added as in a real document.
 */
export async function versionToDocx(markdown: string, file: string, title: string): Promise<Uint8Array> {
  const front = readFrontMatter(file, markdown);
  const { clauses } = parseClauses(front.body, { file });

  // A jump in section numbers (7 → 18) is made in Word by a list that starts at 18.
  const references = new Map<number, string>([[1, 'clauses']]);
  let expected = 1;
  for (const clause of clauses) {
    if (clause.kind !== 'heading' || clause.rank !== 2 || !clause.number || !/^\d+$/.test(clause.number)) continue;
    const n = Number(clause.number);
    if (n !== expected && !references.has(n)) references.set(n, `clauses-from-${n}`);
    expected = n + 1;
  }
  const levels = (start: number) => [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1', start, alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1, alignment: AlignmentType.START },
    { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', start: 1, alignment: AlignmentType.START },
    { level: 3, format: LevelFormat.LOWER_ROMAN, text: '(%4)', start: 1, alignment: AlignmentType.START },
  ];
  const config = [...references].map(([start, reference]) => ({ reference, levels: levels(start) }));

  const body: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  let reference = 'clauses';
  let section = 0;
  let clauseCounter = 0;
  const subCounters = [0, 0, 0, 0];
  const numbered = (level: number, text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ ...(heading ? { heading } : {}), numbering: { reference, level }, children: [new TextRun(text)] });
  const typed = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ ...(heading ? { heading } : {}), children: [new TextRun(text)] });

  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as Clause;
    if (clause.kind === 'heading') {
      const n = clause.number && /^\d+$/.test(clause.number) ? Number(clause.number) : undefined;
      const heading = clause.rank === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      if (clause.rank === 2 && n !== undefined && (n === section + 1 || references.has(n))) {
        if (n !== section + 1) reference = references.get(n) as string;
        section = n;
        clauseCounter = 0;
        body.push(numbered(0, clause.text, heading));
      } else {
        body.push(typed(clause.label ? `${clause.label} ${clause.text}` : clause.text, heading));
      }
      continue;
    }
    if (clause.kind === 'table') {
      const rows: Element[][] = [clause.content.filter((c): c is Element => c.type === 'element')];
      while (clauses[i + 1]?.kind === 'row') {
        i++;
        rows.push((clauses[i] as Clause).content.filter((c): c is Element => c.type === 'element'));
      }
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (cells, r) =>
              new TableRow({
                tableHeader: r === 0,
                children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: toText(cell), bold: r === 0 })] })] })),
              }),
          ),
        }),
      );
      continue;
    }
    if (clause.kind !== 'clause' || !clause.label) {
      body.push(typed(clause.text));
      continue;
    }
    const dotted = /^(\d+)\.(\d+)$/.exec(clause.label);
    if (dotted && Number(dotted[1]) === section && Number(dotted[2]) === clauseCounter + 1) {
      clauseCounter++;
      subCounters.fill(0);
      body.push(numbered(1, clause.text));
      continue;
    }
    const sub = /^\((\w+)\)$/.exec(clause.label)?.[1];
    const level = 1 + clause.depth;
    if (sub && (level === 2 || level === 3)) {
      const style = level === 2 ? 'alpha' : 'roman';
      const expectedLabel = level === 2 ? String.fromCharCode(97 + (subCounters[level] ?? 0)) : roman((subCounters[level] ?? 0) + 1);
      if (labelStyle(sub) === style || (level === 2 && sub === expectedLabel)) {
        if (sub === expectedLabel) {
          subCounters[level] = (subCounters[level] ?? 0) + 1;
          if (level === 2) subCounters[3] = 0;
          body.push(numbered(level, clause.text));
          continue;
        }
      }
    }
    body.push(typed(`${clause.label} ${clause.text}`));
  }

  const document = new Document({
    title,
    creator: 'sec-versions tests',
    description: `Built from ${file}`,
    numbering: { config },
    features: { updateFields: true },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function roman(value: number): string {
  return ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][value - 1] ?? String(value);
}
