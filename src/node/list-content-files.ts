/**
 * The files of a content folder and what each is, in one definition for the content check
 * (scripts/lib/read-content.ts) and the content collections' loader (content-files-loader.ts),
 * so that both read the same files.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a file of the content folder is: `other` is any file in it that is not read as content (`v3.0.MD`). */
export type ContentFileKind = 'documents' | 'versions' | 'directions' | 'other';

/** One file of the content folder: its path (the folder given, joined with the file's path in it) and its kind. */
export interface ContentFile {
  file: string;
  kind: ContentFileKind;
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    // A missing folder, or a file where a folder was expected: nothing to read there.
    return [];
  }
}

/**
 * `documents/<doc>/index.md` (a document), every other `documents/<doc>/*.md` (a version) and
 * `directions/*.md` (a direction), in order: folders and names sorted, documents' folders first.
 */
export async function listContentFiles(root: string): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  const visit = async (folder: string, kind: (name: string) => ContentFileKind) => {
    for (const name of await list(folder)) files.push({ file: join(folder, name), kind: name.endsWith('.md') ? kind(name) : 'other' });
  };
  for (const doc of await list(join(root, 'documents'))) {
    await visit(join(root, 'documents', doc), (name) => (name === 'index.md' ? 'documents' : 'versions'));
  }
  await visit(join(root, 'directions'), () => 'directions');
  return files;
}
