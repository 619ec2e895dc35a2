import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Clause } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import { markAttributeIds } from './attribute-ids.ts';
import { blankFrontMatter } from './blank-front-matter.ts';
import { finishClauses } from './finish-clauses.ts';
import { handlers, unknownBlock, type Handler } from './handlers/index.ts';
import { ParseState, type ParseClausesOptions } from './parse-state.ts';

export { blankFrontMatter };
export type { ParseClausesOptions };

/** A version's Markdown split into clauses, with any problems found on the way. */
export interface ParsedClauses {
  clauses: Clause[];
  problems: ContentProblem[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Splits a version's Markdown body into clauses carrying the numbers the document itself uses.
 * Each top-level block goes to the handler for its kind (handlers/), which reads it into the
 * parse state; the clauses are built once the whole document is read. Pure: the same Markdown
 * always gives the same clauses and slugs.
 */
export function parseClauses(markdown: string, options: ParseClausesOptions): ParsedClauses {
  const tree = parser.parse(blankFrontMatter(markdown)) as Root;
  markAttributeIds(tree);
  const state = new ParseState(tree, options);
  for (const node of tree.children) {
    const handler = (handlers[node.type] ?? unknownBlock) as Handler;
    handler(state, node);
  }
  const clauses = finishClauses(state);
  return { clauses, problems: state.problems };
}
