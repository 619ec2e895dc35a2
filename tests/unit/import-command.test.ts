import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lvl, p, wordPackage } from '../helpers/word-package.ts';
import { workbookPackage } from '../helpers/workbook-package.ts';

/** `npm run import` as the administrator runs it, on a copy of the minimal test site. */
function run(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, SEC_AS_OF: '2021-06-01' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, '%1')}${lvl(1, '%1.%2')}${lvl(2, '(%3)', 'lowerLetter')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const styles = '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>';
const version3 = wordPackage({
  styles,
  numbering,
  body: [
    p('Scope', { style: 'Heading1', num: ['1', 0] }),
    p('The DCC shall act at once.', { num: ['1', 1] }),
    p('A Supplier Party shall:', { num: ['1', 1] }),
    p('tell the DCC; and', { num: ['1', 2] }),
    p('keep a record.', { num: ['1', 2] }),
  ].join(''),
});

let content: string;
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sec-import-'));
  content = join(work, 'content');
  await cp('tests/fixtures/site-minimal', content, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const dates = ['--designated', '2021-01-04', '--effective', '2021-01-05'];

describe('npm run import', () => {
  it('writes the version, checks it, and reports what it found', async () => {
    const file = join(work, 'td-v3.docx');
    await writeFile(file, version3);
    // The test text is ours, not an official document's: it is marked illustrative.
    const { code, stdout, stderr } = run([file, '--document', 'td', '--version', '3.0', ...dates, '--illustrative', '--content', content]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const target = join(content, 'documents', 'td', 'v3.0.md');
    expect(await readFile(target, 'utf8')).toBe(
      '---\nversion: "3.0"\nstatus: designated\ndesignated: 2021-01-04\neffective: 2021-01-05\nillustrative: true\n---\n\n## 1 Scope\n\n1.1 The DCC shall act at once.\n\n1.2 A Supplier Party shall:\n\n(a) tell the DCC; and\n\n(b) keep a record.\n',
    );
    expect(stdout).toBe(
      [
        `Imported ${file} (Word .docx) into ${target}`,
        '  1 section, 4 numbered clauses, 0 unnumbered paragraphs, 0 tables (0 rows)',
        '  unsure: nothing',
        '  content check: OK',
        '',
      ].join('\n'),
    );
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const file = join(work, 'td-v2.docx');
    await writeFile(file, version3);
    const target = join(content, 'documents', 'td', 'v2.0.md');
    const before = await readFile(target, 'utf8');
    const refused = run([file, '--document', 'td', '--version', '2.0', '--designated', '2020-07-24', '--effective', '2020-07-26', '--content', content]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`import: error: ${target} already exists: nothing was written; give --force to replace it\n`);
    expect(await readFile(target, 'utf8')).toBe(before);
    const forced = run([
      file,
      '--document',
      'td',
      '--version',
      '2.0',
      '--designated',
      '2020-07-24',
      '--effective',
      '2020-07-26',
      '--direction',
      '2020-07-24-test',
      '--content',
      content,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('1.1 The DCC shall act at once.');
  });

  it('gives one clear error for a wrong-type file and writes nothing', async () => {
    const file = join(work, 'picture.docx');
    await writeFile(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const { code, stdout, stderr } = run([file, '--document', 'td', '--version', '3.0', ...dates, '--content', content]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([`import: error: ${file}: the file is a PNG image, not a Word, PDF or Excel file: whatever its name says, it cannot be imported`]);
    await expect(stat(join(content, 'documents', 'td', 'v3.0.md'))).rejects.toThrow();
  });

  it('refuses an unknown document and a missing file', async () => {
    const unknown = run([join(work, 'x.docx'), '--document', 'nope', '--version', '1.0', '--content', content]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/there is no document "nope"/);
    const missing = run([join(work, 'missing.docx'), '--document', 'td', '--version', '3.0', '--content', content]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*missing\.docx: no such file/);
  });

  it('never writes outside the content folder: ids are checked as the content check does, before anything is written (issue 17, item 9)', async () => {
    const file = join(work, 'td-v3.docx');
    await writeFile(file, version3);
    // A document folder two levels up, looking like a real one: the path must not lead there.
    const outside = join(work, 'x');
    await cp(join(content, 'documents', 'td'), outside, { recursive: true });
    const outsideRun = run([file, '--document', '../../x', '--version', '3.0', ...dates, '--illustrative', '--content', content]);
    expect(outsideRun.code).toBe(1);
    expect(outsideRun.stderr.trim()).toBe(
      'import: error: --document "../../x" is not a document id: use lower-case letters, digits and hyphens, as the folders under documents/ are named (e.g. --document tmad)',
    );
    await expect(stat(join(outside, 'v3.0.md'))).rejects.toThrow('ENOENT');

    const badVersion = run([file, '--document', 'td', '--version', '3.0/../../../y', ...dates, '--illustrative', '--content', content]);
    expect(badVersion.code).toBe(1);
    expect(badVersion.stderr.trim()).toBe('import: error: --version "3.0/../../../y" is not a version: write it as 6.0, or 6.0-draft for a draft');

    // `--content /` is the root folder, not the current one: there is no document there.
    const rootFolder = run([file, '--document', 'td', '--version', '3.0', ...dates, '--illustrative', '--content', '/']);
    expect(rootFolder.code).toBe(1);
    expect(rootFolder.stderr.trim()).toMatch(/^import: error: there is no document "td" \(\/documents\/td\/index\.md is missing\)/);
    await expect(stat(join('documents', 'td', 'v3.0.md'))).rejects.toThrow('ENOENT');
  }, 120_000);

  it('writes the file but fails when the content check finds errors, listing them', async () => {
    // A link to a clause the version does not have: the file is written, and the check names it.
    const file = join(work, 'dangling.docx');
    const link = '<w:hyperlink r:id="rIdLink"><w:r><w:t>clause 9.9</w:t></w:r></w:hyperlink>';
    const relationships = '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="#9.9" TargetMode="External"/>';
    await writeFile(file, wordPackage({ body: p('1.1 First.') + p('', { xml: `<w:r><w:t xml:space="preserve">1.2 See </w:t></w:r>${link}` }), relationships }));
    const { code, stdout, stderr } = run([file, '--document', 'td', '--version', '3.0', ...dates, '--content', content]);
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/content check: 1 error, 0 warnings\n {4}.*v3\.0\.md:\d+:\d+ error: link to clause 9\.9, which does not exist in this version/);
    expect(stderr).toMatch(/was written but does not pass the content check/);
  });

  it('imports a sheet of a workbook as a keyed table', async () => {
    const rows = [
      ['Device Model', 'Cohort'],
      ['Model A', 'FOC'],
      ['Model B', 'MOC (Secure)'],
    ];
    const file = join(work, 'matrix.xlsx');
    await writeFile(file, workbookPackage({ sheets: [{ name: 'Matrix', rows }] }));
    const { code, stdout } = run([file, '--document', 'td', '--version', '3.0', ...dates, '--sheet', 'Matrix', '--key-column', 'Device Model', '--content', content]);
    expect(code).toBe(0);
    expect(stdout).toContain('0 sections, 0 numbered clauses, 0 unnumbered paragraphs, 1 table (2 rows)');
    expect(await readFile(join(content, 'documents', 'td', 'v3.0.md'), 'utf8')).toMatch(
      /\n\| Device Model \| Cohort \|\n\| - \| - \|\n\| Model A \| FOC \|\n\| Model B \| MOC \(Secure\) \|\n$/,
    );
  });
});
