import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { docxToMdast } from '#import/docx/docx-to-mdast.ts';
import { mdastToMarkdown } from '#import/mdast-to-markdown.ts';
import { measureFidelity, type Fidelity } from '#import/measure-fidelity.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { versionToDocx } from '../helpers/version-to-docx.ts';

/** Every shipped version: Word files are built from them with real multilevel numbering, then imported. */
const VERSIONS = [
  'content/documents/tmad/v5.0.md',
  'content/documents/tmad/v6.0-draft.md',
  'content/documents/tmad/v6.0.md',
  'content/documents/s1sr/v3.0.md',
  'content/documents/s1sr/v4.0-secure-draft.md',
  'content/documents/s1sr/v4.0-aclara-draft.md',
  'content/documents/s1sr/v4.0.md',
  'content/documents/dmves/v1.0.md',
  'content/documents/dmves/v2.0.md',
];

describe('Word round trip: shipped versions → .docx with automatic numbering → import', () => {
  it('brings back 100% of clause numbers and at least 98% of clause texts exactly', async () => {
    const results: Array<{ file: string; fidelity: Fidelity }> = [];
    for (const file of VERSIONS) {
      const text = await readFile(file, 'utf8');
      const docx = await versionToDocx(text, file, 'An illustrative document');
      const imported = mdastToMarkdown(docxToMdast(docx).tree);
      const original = parseClauses(readFrontMatter(file, text).body, { file }).clauses;
      const parsed = parseClauses(imported, { file: 'imported.md' });
      expect(
        parsed.problems.filter((p) => p.severity === 'error'),
        file,
      ).toEqual([]);
      results.push({ file, fidelity: measureFidelity(original, parsed.clauses) });
    }
    const total = results.reduce(
      (sum, { fidelity: f }) => ({ clauses: sum.clauses + f.clauses, numbered: sum.numbered + f.numbered, numbers: sum.numbers + f.numbersExact, texts: sum.texts + f.textsExact }),
      { clauses: 0, numbered: 0, numbers: 0, texts: 0 },
    );
    const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    console.log(
      [
        'Word (.docx) round-trip fidelity:',
        ...results.map(({ file, fidelity: f }) => `  ${file}: numbers ${f.numbersExact}/${f.numbered}, texts ${f.textsExact}/${f.clauses}`),
        `  all: numbers ${total.numbers}/${total.numbered} (${percent(total.numbers, total.numbered)}), texts ${total.texts}/${total.clauses} (${percent(total.texts, total.clauses)})`,
      ].join('\n'),
    );
    expect(total.numbered).toBeGreaterThan(400);
    expect(total.numbers / total.numbered).toBe(1);
    expect(total.texts / total.clauses).toBeGreaterThanOrEqual(0.98);
    for (const { file, fidelity } of results)
      expect(
        fidelity.misses.filter((m) => m.problem !== 'text'),
        file,
      ).toEqual([]);
  });

  it('uses Word numbering in the built files: no clause number is typed where numbering can produce it', async () => {
    const file = 'content/documents/s1sr/v4.0.md';
    const docx = await versionToDocx(await readFile(file, 'utf8'), file, 'S1SR');
    const { unzipSync, strFromU8 } = await import('fflate');
    const document = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    const texts = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
    expect(texts.filter((t) => /^(?:\d+\.\d+|\([a-z]+\))\s/.test(t))).toEqual([]);
    expect((document.match(/<w:numPr>/g) ?? []).length).toBeGreaterThan(80);
  });
});
