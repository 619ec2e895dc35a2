import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Turns a folder of real versioned texts (one sub-folder per document, one `YYYY-MM-DD.md`
 * file per version, as in the development corpus) into a content folder: each document gets an
 * `index.md`, each file becomes `v<n>.0.md` with front matter dated by its file name. The texts
 * themselves are written unchanged below the front matter, so what is checked is the real text
 * as it is; nothing is copied into the project.
 */
export async function corpusToContent(corpus: string, out: string, options: { linksBase?: string } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const doc of (await readdir(corpus, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const dir = join(out, 'documents', doc);
    await mkdir(dir, { recursive: true });
    const base = options.linksBase ? `linksBase: ${options.linksBase}\n` : '';
    await writeFile(join(dir, 'index.md'), `---\ntitle: ${doc}\nshortName: ${doc}\nsecReference: Corpus ${doc}\n${base}---\nA real document from the development corpus.\n`);
    const files = (await readdir(join(corpus, doc))).filter((name) => /^\d{4}-\d{2}-\d{2}\.md$/.test(name)).sort();
    for (const [index, name] of files.entries()) {
      const date = name.slice(0, 10);
      const version = `${index + 1}.0`;
      const text = await readFile(join(corpus, doc, name), 'utf8');
      const front = `---\nversion: "${version}"\nstatus: designated\ndesignated: ${date}\neffective: ${date}\n---\n`;
      const file = join(dir, `v${version}.md`);
      await writeFile(file, front + text);
      written.push(file);
    }
  }
  return written;
}
