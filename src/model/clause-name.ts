import type { Clause } from './clause.ts';

/** What the reader calls a clause in links and labels: `clause 2.3`, `section 4`, `row "Model A"`. */
export function clauseName(clause: Clause): string {
  if (clause.kind === 'heading') return clause.number ? `section ${clause.number}` : `section “${clause.text}”`;
  if (clause.kind === 'row') return `row “${clause.label ?? clause.slug}”`;
  if (clause.kind === 'table') return 'table';
  if (clause.number) return `clause ${clause.number}`;
  return clause.label ? `paragraph ${clause.label}` : 'paragraph';
}

/** How a clause is named in short lists: its number, else its label, else its first words ("table" for a table). */
export function displayNumber(clause: Clause): string {
  if (clause.kind === 'table') return clause.number ?? 'table';
  return clause.number ?? clause.label ?? clause.text.slice(0, 24);
}
