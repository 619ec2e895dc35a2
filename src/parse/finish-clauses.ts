import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Definition } from 'mdast';
import type { Clause } from '#model/clause.ts';
import { blocksToHast } from './blocks-to-hast.ts';
import { contentText } from './clause-text.ts';
import { clauseWarnings } from './clause-warnings.ts';
import { resolveAnchors } from './anchor-aliases.ts';
import type { ClauseFields, Draft, ParseState } from './parse-state.ts';

/**
 * Builds every clause once the document has been read: renders its blocks, derives its text,
 * and adds the warnings about each clause (too long, nested too deep, HTML left open). Then
 * gives the clauses the anchors the source's own links use and rewrites those links
 * (anchor-aliases.ts).
 */
export function finishClauses(state: ParseState): Clause[] {
  const headingTexts = new Map<number, string>();
  const clauses = state.drafts.map((draft, index) => {
    const { text, content } = rendered(draft, state.definitions);
    const clause = buildClause(draft.fields, text, content);
    state.problems.push(...clauseWarnings(clause, draft.blocks, state.file, state.point));
    if (draft.written !== undefined) headingTexts.set(index, draft.written);
    return clause;
  });
  state.problems.push(...resolveAnchors(clauses, { file: state.file, linksBase: state.linksBase, headingTexts }));
  return clauses;
}

/** A draft's text and content: rendered from its blocks, or as the table handler gave them. */
function rendered(draft: Draft, definitions: readonly Definition[]): { text: string; content: ElementContent[] } {
  if (draft.blocks.length === 0) return { text: draft.text ?? '', content: draft.content ?? [] };
  let content = blocksToHast([...definitions, ...draft.blocks]);
  if (draft.fields.kind === 'heading') {
    // A heading is rendered as a paragraph: its content is what is inside.
    const paragraph = content.find((c): c is Element => c.type === 'element');
    content = paragraph ? paragraph.children : [];
  }
  const text = contentText(content);
  if (draft.alert) content = [h('div', { className: ['alert', `alert-${draft.alert}`] }, content)];
  return { text, content };
}

/** The clause, its keys always in the same order (cached and shipped versions stay byte-identical). */
function buildClause(fields: ClauseFields, text: string, content: ElementContent[]): Clause {
  const { number, label, depth, parent, path, start, end, slug, kind, rank, table } = fields;
  return {
    number,
    label,
    depth,
    parent,
    path,
    text,
    content,
    start,
    end,
    slug,
    kind,
    ...(rank === undefined ? {} : { rank }),
    ...(table === undefined ? {} : { table }),
  };
}
