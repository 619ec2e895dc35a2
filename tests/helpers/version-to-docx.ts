import { readFrontMatter } from '#content/read-front-matter.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { versionDocx } from '#publish/version-docx.ts';

/**
 * Builds a Word document from one of our Markdown versions as the site publishes it
 * (`/<doc>/v<version>.docx`): Word's multilevel automatic numbering, not typed numbers, so the
 * importer must compute what Word shows.
 */
export async function versionToDocx(markdown: string, file: string, title: string): Promise<Uint8Array> {
  const front = readFrontMatter(file, markdown);
  const { clauses } = parseClauses(front.body, { file });
  return versionDocx(clauses, { title, creator: 'sec-versions tests', description: `Built from ${file}` });
}
