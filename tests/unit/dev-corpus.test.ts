import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/check-site.ts';
import { corpusToContent } from '../../scripts/lib/corpus-content.ts';

/**
 * The real versioned texts of the development corpus (outside the repository: `SEC_DEV_CORPUS`,
 * else `../shared/dev-corpus` beside the checkout), each wrapped in front matter in a temporary
 * content folder, must pass the content check with no errors. Their text is read, never copied.
 */
const corpus = [process.env.SEC_DEV_CORPUS, '../shared/dev-corpus', '../../shared/dev-corpus'].find((dir) => dir && existsSync(dir));
const work: string[] = [];
afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!corpus)('the development corpus (real texts)', () => {
  it('passes the content check with no errors, every file, reading the numbers as written', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sec-corpus-'));
    work.push(out);
    const files = await corpusToContent(corpus as string, out, { linksBase: 'https://example.org' });
    expect(files.length).toBeGreaterThanOrEqual(10);
    const { site, lines } = await checkContent(out, '2030-01-01');
    expect(lines.filter((line) => / error: /.test(line))).toEqual([]);
    const versions = site?.documents.flatMap((d) => d.versions) ?? [];
    expect(versions).toHaveLength(files.length);
    // "§ 1 Subject" sections with list clauses numbered under them: 1, 1.1, 1.2 …, shown as written.
    const terms = site?.documents.find((d) => d.id === 'fortrabbit-terms')?.versions.at(-1)?.clauses ?? [];
    expect(terms.find((c) => c.slug === '1')).toMatchObject({ kind: 'heading', label: '§ 1' });
    expect(terms.find((c) => c.slug === '1.2')).toMatchObject({ kind: 'clause', label: '2.', parent: '1' });
    // Explicit ids (`<span id="1.1">`) answer as aliases of the clause they are in.
    const csa = site?.documents.find((d) => d.id === 'commonpaper-csa')?.versions.at(-1)?.clauses ?? [];
    expect(csa.some((c) => c.aliases?.includes('1.1'))).toBe(true);
  });
});
