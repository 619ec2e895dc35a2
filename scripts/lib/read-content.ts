import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CONTENT_LIMITS, raiseHint } from '#content/content-limits.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import type { SiteSources, SourceFile } from '#content/load-site.ts';
import { decodeUtf8 } from '#content/read-front-matter.ts';
import { listContentFiles } from '#node/list-content-files.ts';

/** What a file is, for a message: only regular files are read. */
function kind(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  return info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe (FIFO)' : info.isSocket() ? 'a socket' : 'a device';
}

/**
 * A content file's bytes, or the one problem that refuses it before it is opened: it is not a
 * regular file (a folder, a named pipe that would block the read forever, a symbolic link that
 * leads nowhere or to itself), or it is larger than the limit. Symbolic links to regular files
 * are followed.
 */
export async function readRegularFile(file: string): Promise<{ bytes: Uint8Array } | { problem: ContentProblem }> {
  const refuse = (message: string, hint: string) => ({ problem: { file, line: 1, column: 1, severity: 'error' as const, message, hint } });
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse('symbolic link that leads to itself (a loop)', 'replace the link with the file it should lead to');
    if (code === 'ENOENT') return refuse('symbolic link to a file that does not exist', 'replace the link with the file it should lead to, or delete it');
    return refuse(`cannot be read (${code ?? 'unknown error'})`, 'check the file and its permissions');
  }
  if (!info.isFile()) return refuse(`is ${kind(info)}, not a file`, 'content files must be ordinary files: move it out of the content folder');
  if (info.size > CONTENT_LIMITS.fileBytes) {
    return refuse(
      `file of ${(info.size / 1024 / 1024).toFixed(1)} MB, more than ${CONTENT_LIMITS.fileBytes / 1024 / 1024} MB`,
      `split the document, or check that the file holds one version only; ${raiseHint('fileBytes')}`,
    );
  }
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, 'check the file and its permissions');
  }
}

/** A file name that looks meant as content but is not read: `v6.0.MD`, `v6.0.markdown`. */
function ignoredName(file: string, name: string): ContentProblem | undefined {
  if (name.endsWith('.md') || !/\.(?:md|markdown)$/i.test(name)) return undefined;
  const meant = name.replace(/\.(?:md|markdown)$/i, '.md');
  return {
    file,
    line: 1,
    column: 1,
    severity: 'warning',
    message: `${name} is not read: content files end in .md (lower case)`,
    hint: `rename it to ${meant} to publish it, or move it out of the content folder`,
  };
}

/**
 * Reads a content folder the way the content collections do: `documents/<doc>/index.md`,
 * every other `documents/<doc>/*.md` as a version, and `directions/*.md`. Files that are not
 * valid UTF-8 are reported (and read with the bad bytes replaced, so nothing else cascades);
 * files that are not regular files or are too large are refused unread, and kept as present so
 * that references to them are not reported again.
 */
export async function readContent(root: string): Promise<{ sources: SiteSources; problems: ContentProblem[] }> {
  const sources: SiteSources = { documents: [], versions: [], directions: [] };
  const problems: ContentProblem[] = [];
  const load = async (file: string, into: SourceFile[]) => {
    const read = await readRegularFile(file);
    if ('problem' in read) {
      problems.push(read.problem);
      into.push({ file, text: '', refused: true });
      return;
    }
    const decoded = decodeUtf8(file, read.bytes);
    problems.push(...decoded.problems);
    // Read even when undecodable (bad bytes become U+FFFD), so the file's other problems are
    // reported in the same run and references to it are not reported as unknown.
    into.push({ file, text: decoded.text });
  };
  for (const { file, kind } of await listContentFiles(root)) {
    if (kind !== 'other') await load(file, sources[kind]);
    else problems.push(...[ignoredName(file, basename(file))].filter((p) => p !== undefined));
  }
  return { sources, problems };
}
