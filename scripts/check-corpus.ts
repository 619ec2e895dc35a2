/**
 * `npm run check:corpus -- <folder> [out]`: wraps every real text of a corpus folder (see
 * corpusToContent) in front matter in a temporary content folder and runs the content check on
 * it, printing every problem. Exit code 1 when there is any error.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusToContent } from './lib/corpus-content.ts';
import { checkContent } from './lib/check-site.ts';

const [corpus, outArg] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: npm run check:corpus -- <corpus folder> [content folder to write]');
  process.exit(2);
}
const out = outArg ?? (await mkdtemp(join(tmpdir(), 'sec-corpus-')));
const files = await corpusToContent(corpus, out, { linksBase: 'https://example.org' });
const { site, lines } = await checkContent(out, '2030-01-01');
for (const line of lines) console.log(line);
const errors = lines.filter((line) => / error: /.test(line)).length;
console.log(`${files.length} files checked in ${out}: ${errors} errors, ${lines.length - errors} other lines`);
process.exit(site ? 0 : 1);
