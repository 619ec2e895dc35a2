import type { ElementContent } from 'hast';
import type { Clause } from '#model/clause.ts';
import { CONTENT_LIMITS, raiseHint } from './content-limits.ts';
import type { VersionDraft } from './build-records.ts';
import type { ProblemSink } from './problem-sink.ts';

const UTF8 = new TextEncoder();

/**
 * The limits the build has on clauses, checked on the parsed clauses: how many there are, how
 * deep their HTML nests (the renderers recurse per level), how many segments a number has and
 * how long an id is (it is an anchor, and part of a file name for clause-history pages).
 */
export function checkClauseLimits(version: VersionDraft, sink: ProblemSink): void {
  const over = version.clauses[CONTENT_LIMITS.clauses];
  if (over)
    sink.error(
      version.file,
      over.start,
      `more than ${CONTENT_LIMITS.clauses} clauses in one version`,
      `split the document, or check that the file holds one version only; ${raiseHint('clauses')}`,
    );
  for (const clause of version.clauses) {
    const wrong = clauseProblem(clause);
    // One message per clause: a number too long also makes its id too long.
    if (wrong) sink.error(version.file, clause.start, wrong[0], wrong[1]);
  }
}

/** The first limit a clause is beyond, as message and hint. */
function clauseProblem(clause: Clause): [string, string] | undefined {
  const segments = clause.number?.split('.').length ?? 0;
  if (segments > CONTENT_LIMITS.clauseNumberSegments) {
    return [
      `clause number of ${segments} segments, more than ${CONTENT_LIMITS.clauseNumberSegments}`,
      `check the number: it reads as ${clause.number?.slice(0, 40)}…; ${raiseHint('clauseNumberSegments')}`,
    ];
  }
  const bytes = UTF8.encode(clause.slug).length;
  if (bytes > CONTENT_LIMITS.slugBytes) {
    return [
      `clause id of ${bytes} bytes, more than ${CONTENT_LIMITS.slugBytes} (${clause.slug.slice(0, 30)}…)`,
      `a table row's id is its first cell: keep first cells short (a number or a code); ${raiseHint('slugBytes')}`,
    ];
  }
  const depth = nestingDepth(clause.content);
  if (depth > CONTENT_LIMITS.elementDepth) {
    return [`HTML or Markdown nested ${depth} elements deep in one clause, more than ${CONTENT_LIMITS.elementDepth}`, `flatten the nesting; ${raiseHint('elementDepth')}`];
  }
  return undefined;
}

/** How deep elements nest in a tree, measured without recursion (the tree may be deeper than the stack). */
function nestingDepth(nodes: readonly ElementContent[]): number {
  let deepest = 0;
  const stack = nodes.map((node) => ({ node, depth: 1 }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.node.type !== 'element') continue;
    deepest = Math.max(deepest, item.depth);
    for (const child of item.node.children) stack.push({ node: child, depth: item.depth + 1 });
  }
  return deepest;
}
