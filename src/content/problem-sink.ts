import type { SourcePoint } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';

/**
 * Where every phase of loading puts what it finds wrong: one list for the whole run, so that
 * a run reports every problem at once and no phase keeps a list of its own.
 */
export class ProblemSink {
  readonly problems: ContentProblem[] = [];

  /** An error at a place in a file: it stops the build. */
  error(file: string, at: SourcePoint, message: string, hint?: string): void {
    this.problems.push({ file, ...at, severity: 'error', message, ...(hint ? { hint } : {}) });
  }

  /** A warning at a place in a file: printed, the build goes on. */
  warn(file: string, at: SourcePoint, message: string, hint?: string): void {
    this.problems.push({ file, ...at, severity: 'warning', message, ...(hint ? { hint } : {}) });
  }

  /** Problems found elsewhere (the front-matter reader, the clause parser). */
  add(problems: Iterable<ContentProblem>): void {
    for (const problem of problems) this.problems.push(problem);
  }

  /** Whether any error has been reported so far. */
  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** Whether an error has been reported in a file whose path starts with `prefix` (a folder). */
  hasErrorsUnder(prefix: string): boolean {
    return this.problems.some((p) => p.severity === 'error' && p.file.startsWith(prefix));
  }
}
