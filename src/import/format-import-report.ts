import { formatProblem, sortProblems, type ContentProblem } from '#model/content-problem.ts';
import { formatName } from './detect-file-type.ts';
import type { ImportedVersion } from './import-document.ts';

/**
 * The short report printed after an import: what was read, what came out (sections, clauses,
 * tables), what the file says about itself, every unsure place with where it is in the source,
 * and what the content checker says about the written file.
 */
export function formatImportReport(imported: ImportedVersion, source: string, target: string, problems: readonly ContentProblem[]): string {
  const { summary, converted, notes } = imported;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `Imported ${source} (${formatName(imported.format)}) into ${target}`,
    `  ${plural(summary.sections, 'section')}, ${plural(summary.clauses, 'numbered clause')}, ${plural(summary.paragraphs, 'unnumbered paragraph')}, ${plural(summary.tables, 'table')} (${plural(summary.rows, 'row')})`,
  ];
  const meta = converted.metadata;
  const said = [
    meta.title ? `title "${meta.title}"` : '',
    meta.version ? `version ${meta.version}` : '',
    meta.author ? `author ${meta.author}` : '',
    meta.created ? `created ${meta.created}` : '',
    meta.modified ? `modified ${meta.modified}` : '',
  ].filter(Boolean);
  if (said.length > 0) lines.push(`  the file says: ${said.join(', ')}`);
  if (notes.length === 0) lines.push('  unsure: nothing');
  else {
    lines.push(`  unsure (${notes.length}), check against the source:`);
    for (const note of notes) lines.push(`    ${note.where}: ${note.message}`);
  }
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  if (sorted.length === 0) lines.push('  content check: OK');
  else {
    lines.push(`  content check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    for (const problem of sorted)
      lines.push(
        ...formatProblem(problem)
          .split('\n')
          .map((l) => `    ${l}`),
      );
  }
  return lines.join('\n');
}
