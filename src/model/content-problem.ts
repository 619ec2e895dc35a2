/** How bad a content problem is: errors stop the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/**
 * A problem in the content that a document administrator can act on: where it is, what is
 * wrong, and how to fix it.
 */
export interface ContentProblem {
  /** Repository-relative path of the file, e.g. `content/documents/tmad/v6.0.md`. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** One line per problem, compiler style, then its hint indented: `file:line:col error: message`. */
export function formatProblem(problem: ContentProblem): string {
  const head = `${printable(problem.file)}:${problem.line}:${problem.column} ${problem.severity}: ${printable(problem.message)}`;
  return problem.hint ? `${head}\n  hint: ${printable(problem.hint)}` : head;
}

/**
 * Text from content as a terminal may show it: control characters (escape codes that recolour
 * or rewrite the terminal, line breaks that forge report lines) are written as `\u{1b}`.
 */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Sorts problems by file, then line, then column, so reports read top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}

/** Thrown when content has errors; carries every problem found in the run, not only the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === 'error').length;
    super(`${errors} content error${errors === 1 ? '' : 's'}:\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = sorted;
  }
}
