import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClauses } from '#parse/parse-clauses.ts';
import { lvl, p, wordPackage } from '../helpers/word-package.ts';

/**
 * A Word file in the shape real terms take (lettered sections, sub-sections numbered afresh in
 * each, list clauses, links out and to its own bookmarks), imported with `npm run import` into
 * a copy of the minimal site: the version it writes passes the content check.
 */
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const styles = [1, 2]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`)
  .join('');
// Sections A., B.; in each, sub-sections 1., 2. (Word restarts them after each section); clauses 1., 2. under those.
const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, '%1.', 'upperLetter')}${lvl(1, '%2.')}${lvl(2, '%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const link = (id: string, text: string) => `<w:hyperlink r:id="${id}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink>`;
const bookmarkLink = (anchor: string, text: string) => `<w:hyperlink w:anchor="${anchor}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const docx = wordPackage({
  styles,
  numbering,
  relationships: `<Relationship Id="rIdOut" Type="${R}/hyperlink" Target="https://example.org/help" TargetMode="External"/>`,
  body: [
    p('Membership', { style: 'Heading1', num: ['1', 0] }),
    p('Joining', { style: 'Heading2', num: ['1', 1] }),
    p('Anyone may ask to join.', { num: ['1', 2] }),
    p('', { num: ['1', 2], xml: run('Read the ') + link('rIdOut', 'help pages') + run(' first.') }),
    p('Leaving', { style: 'Heading2', num: ['1', 1] }),
    p('', { num: ['1', 2], xml: run('A member may leave, as ') + bookmarkLink('_Ref1', 'Joining') + run(' says.') }),
    p('Boats', { style: 'Heading1', num: ['1', 0] }),
    p('Booking', { style: 'Heading2', num: ['1', 1] }),
    p('Boats are booked a day ahead.', { num: ['1', 2] }),
  ].join(''),
});

let work: string;
let result: { code: number | null; stdout: string; stderr: string };
let written: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sec-import-real-'));
  const content = join(work, 'content');
  await cp('tests/fixtures/site-minimal', content, { recursive: true });
  const file = join(work, 'club.docx');
  await writeFile(file, docx);
  const args = [file, '--document', 'td', '--version', '3.0', '--designated', '2021-01-04', '--effective', '2021-01-05', '--illustrative', '--content', content];
  const spawned = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, SEC_AS_OF: '2021-06-01' } });
  result = { code: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr };
  written = await readFile(join(content, 'documents', 'td', 'v3.0.md'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('importing a Word file numbered per section', () => {
  it('writes a version that passes the content check', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/content check: OK/);
    expect(result.stdout).toMatch(/4 numbered clauses, 0 unnumbered paragraphs/);
  });

  it('lists what it was unsure of: a link to a Word bookmark, kept as text', () => {
    expect(result.stdout).toMatch(/unsure \(1\)[\s\S]*link to the bookmark "_Ref1" in the document was kept as text/);
  });

  it('keeps the numbers as Word shows them, which the parser reads in their section', () => {
    expect(written).toContain('## A. Membership');
    expect(written).toContain('### 1. Joining');
    expect(written).toContain('### 1. Booking');
    expect(written).toContain('[help pages](https://example.org/help)');
    const body = written.slice(written.indexOf('\n---\n') + 5);
    const clauses = parseClauses(body, { file: 'v3.0.md' }).clauses;
    expect(clauses.map((c) => [c.number, c.label])).toEqual([
      ['A', 'A'],
      ['A.1', '1'],
      ['A.1.1', '1.'],
      ['A.1.2', '2.'],
      ['A.2', '2'],
      ['A.2.1', '1.'],
      ['B', 'B'],
      ['B.1', '1'],
      ['B.1.1', '1.'],
    ]);
  });
});
