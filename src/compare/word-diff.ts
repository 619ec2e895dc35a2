import { diffChars } from 'diff';
import type { Element, ElementContent, Properties } from 'hast';
import { findReferences } from './cross-references.ts';
import { diffIds } from './diff-ids.ts';

declare module 'hast' {
  /** What the word diff records on the `<ins>`/`<del>` it makes, so adjacent tokens with the same mark join one element. */
  interface ElementData {
    mark?: Exclude<Mark, null>;
    /** Why the mark is there when it is not an ordinary change: `case`, `consequential`. */
    className?: string | undefined;
  }
}

/** A word, a run of whitespace or a punctuation mark, with the elements it sits in. */
export interface Token {
  /** The text as written. */
  text: string;
  /**
   * What is compared: whitespace collapsed to one space, so hard wraps are not changes; words in
   * lower case, so a case-only change pairs the words and is then marked letter by letter; a
   * cross-referenced clause number as `§` and the number its target has in the new version.
   */
  key: string;
  /** Enclosing elements, outermost first (the original hast nodes, compared by identity). */
  ancestors: Element[];
  /** A void element (`br`) standing as a token of its own. */
  element?: Element;
}

/** What happened to one token. */
export type TokenOp = 'equal' | 'removed' | 'added';

/** The word diff of one clause, rendered for the old column, the new column, and inline. */
export interface WordDiff {
  /** Old content with removed words in `<del>`. */
  old: ElementContent[];
  /** New content with added words in `<ins>`, and removed words in `<del class="diff-inline">` (shown only in the inline red-line). */
  new: ElementContent[];
  /** Whether any word changed. */
  changed: boolean;
  /** Whether some change is consequential: a cross-reference whose target was renumbered. */
  consequential: boolean;
}

/** How to diff: with `renumbered` (old number → new number), cross-references to renumbered clauses are consequential. */
export interface WordDiffOptions {
  renumbered?: ReadonlyMap<string, string>;
}

/** Whitespace, a dotted number as one word (`4.41`, `4.12A`, `H14.36A`), a word, or one other character. */
const WORD = /\s+|(?:[A-Z]{1,2})?\d+(?:\.\d+[A-Z]{0,2})+(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
/**
 * Whether a character is whitespace as `\s` matches it (ECMAScript's WhiteSpace and
 * LineTerminator, all in the Basic Multilingual Plane): a token starting with one is a run of
 * whitespace, the first alternative of {@link WORD}, since no other alternative starts with one.
 * A comparison of numbers, not a regular expression run per token.
 */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
const BLOCK = new Set(['p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'div', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Most edits a single clause diff may take before it is shown as replaced whole. Keeps the
 * worst case bounded without a clock, so output never depends on the machine's speed.
 */
const MAX_EDIT_LENGTH = 4000;

/** Splits hast content into tokens, remembering the elements around each. */
export function tokenize(content: readonly ElementContent[]): Token[] {
  const tokens: Token[] = [];
  const visit = (nodes: readonly ElementContent[], ancestors: Element[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // exec in a loop, not matchAll: no iterator or copy of the pattern per text node.
        WORD.lastIndex = 0;
        for (let match = WORD.exec(node.value); match !== null; match = WORD.exec(node.value)) {
          const text = match[0];
          tokens.push({ text, key: isWhitespace(text.charCodeAt(0)) ? ' ' : text.toLowerCase(), ancestors });
        }
      } else if (node.type === 'element') {
        if (node.children.length === 0 && !BLOCK.has(node.tagName)) {
          tokens.push({ text: '', key: `<${node.tagName}>`, ancestors, element: node });
        } else {
          visit(node.children, [...ancestors, node]);
        }
      }
    }
  };
  visit(content, []);
  return tokens;
}

/**
 * Joins the tokens of each clause number named in a cross-reference into one token keyed by
 * the number its target has in the new version (`renumbered`; the number itself when absent),
 * so "Clause 5.7" in the old text and "Clause 5.8" in the new compare equal when 5.7 became 5.8.
 */
function keyReferences(tokens: readonly Token[], renumbered?: ReadonlyMap<string, string>): Token[] {
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    starts.push(text.length);
    text += token.element ? '\u0000' : token.text;
  }
  const spans = findReferences(text);
  if (spans.length === 0) return [...tokens];
  const startIndex = new Map(starts.map((offset, index) => [offset, index]));
  const out: Token[] = [];
  let next = 0;
  // Where token k ends in the text (NaN past the last token, so no span ends there).
  const endOf = (k: number) => (starts[k] ?? Number.NaN) + (tokens[k]?.text.length ?? 0);
  for (const span of spans) {
    const first = startIndex.get(span.start);
    const head = first === undefined ? undefined : tokens[first];
    if (first === undefined || head === undefined || first < next) continue;
    let last = first;
    while (last < tokens.length && endOf(last) < span.end) last++;
    const run = tokens.slice(first, last + 1);
    // Only a number written within one element, ending on a token boundary, becomes one token.
    if (endOf(last) !== span.end || run.some((t) => t.element || t.ancestors !== head.ancestors)) continue;
    out.push(...tokens.slice(next, first));
    out.push({
      text: run.map((t) => t.text).join(''),
      key: `§${renumbered?.get(span.number) ?? span.number}`,
      ancestors: head.ancestors,
    });
    next = last + 1;
  }
  out.push(...tokens.slice(next));
  return out;
}

/** One run of the diff: consecutive tokens with the same fate. */
export type DiffRun = EqualRun | ChangedRun;

/** Tokens both sides have: `tokens` as the new side writes them, `oldTokens` as the old side does. */
export interface EqualRun {
  op: 'equal';
  tokens: Token[];
  oldTokens: Token[];
}

/** Tokens only one side has. */
export interface ChangedRun {
  op: 'removed' | 'added';
  tokens: Token[];
}

/**
 * Diffs two token lists word by word ({@link diffIds}: jsdiff's algorithm on the tokens' keys
 * interned to numbers). When the edit is too large to compute within {@link MAX_EDIT_LENGTH},
 * the whole old text is removed and the new text added.
 */
export function diffTokens(oldTokens: readonly Token[], newTokens: readonly Token[]): DiffRun[] {
  const ids = new Map<string, number>();
  const intern = (tokens: readonly Token[]) => {
    const out = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const key = (tokens[k] as Token).key;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      out[k] = id;
    }
    return out;
  };
  const changes = diffIds(intern(oldTokens), intern(newTokens), MAX_EDIT_LENGTH);
  if (changes === undefined) {
    const whole: DiffRun[] = [
      { op: 'removed', tokens: [...oldTokens] },
      { op: 'added', tokens: [...newTokens] },
    ];
    return whole.filter((run) => run.tokens.length > 0);
  }
  const runs: DiffRun[] = [];
  let i = 0;
  let j = 0;
  for (const { op, count } of changes) {
    if (op === 'added') {
      runs.push({ op: 'added', tokens: newTokens.slice(j, j + count) });
      j += count;
    } else if (op === 'removed') {
      runs.push({ op: 'removed', tokens: oldTokens.slice(i, i + count) });
      i += count;
    } else {
      // Equal runs take the new side's tokens for the new column and the old side's for the old.
      runs.push({ op: 'equal', tokens: newTokens.slice(j, j + count), oldTokens: oldTokens.slice(i, i + count) });
      i += count;
      j += count;
    }
  }
  return absorbSpaces(runs);
}

/** A lone space between two changes reads better as part of them: "old words" → "new words". */
function absorbSpaces(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  runs.forEach((run, k) => {
    const before = out.at(-1);
    const after = runs[k + 1];
    if (run.op === 'equal' && run.tokens.every((t) => t.key === ' ') && before && before.op !== 'equal' && after && after.op !== 'equal') {
      const removed: DiffRun = { op: 'removed', tokens: run.oldTokens };
      const added: DiffRun = { op: 'added', tokens: run.tokens };
      out.push(removed, added);
      return;
    }
    out.push(run);
  });
  // Regroup so each change reads as all removals then all additions.
  const grouped: DiffRun[] = [];
  let pendingRemoved: Token[] = [];
  let pendingAdded: Token[] = [];
  const flush = () => {
    if (pendingRemoved.length) grouped.push({ op: 'removed', tokens: pendingRemoved });
    if (pendingAdded.length) grouped.push({ op: 'added', tokens: pendingAdded });
    pendingRemoved = [];
    pendingAdded = [];
  };
  for (const run of out) {
    if (run.op === 'removed') pendingRemoved = pendingRemoved.concat(run.tokens);
    else if (run.op === 'added') pendingAdded = pendingAdded.concat(run.tokens);
    else {
      flush();
      grouped.push(run);
    }
  }
  flush();
  return grouped;
}

/**
 * Diffs two clauses' content word by word and renders both sides as hast, keeping their
 * formatting (emphasis, links, lists) and marking changes with `<ins>` and `<del>`. A word whose
 * case alone changed is marked on the letters that changed (class `case`); a cross-reference
 * that changed only because its target was renumbered is marked with class `consequential`.
 */
export function wordDiff(oldContent: readonly ElementContent[], newContent: readonly ElementContent[], options: WordDiffOptions = {}): WordDiff {
  let oldTokens = tokenize(oldContent);
  let newTokens = tokenize(newContent);
  if (options.renumbered) {
    oldTokens = keyReferences(oldTokens, options.renumbered);
    newTokens = keyReferences(newTokens);
  }
  const runs = diffTokens(oldTokens, newTokens);
  const oldItems: Item[] = [];
  const newItems: Item[] = [];
  let changedInPlace = false;
  let consequential = false;
  // Full ancestors of the last new-side token: where removed words go in the inline red-line.
  let context: Element[] = [];
  runs.forEach((run, index) => {
    if (run.op === 'equal') {
      const oldTokensOfRun = run.oldTokens;
      run.tokens.forEach((token, k) => {
        const before = oldTokensOfRun[k] ?? token;
        if (before.text === token.text || token.key === ' ') {
          oldItems.push({ token: before, mark: null });
          newItems.push({ token, mark: null });
        } else if (token.key.startsWith('§')) {
          consequential = true;
          oldItems.push({ token: before, mark: 'del', className: 'consequential' });
          newItems.push({ token: { ...before, ancestors: token.ancestors }, mark: 'del-inline', className: 'consequential' });
          newItems.push({ token, mark: 'ins', className: 'consequential' });
        } else {
          changedInPlace = true;
          markLetters(before, token, oldItems, newItems);
        }
      });
      context = run.tokens.at(-1)?.ancestors ?? context;
    } else if (run.tokens.every((token) => token.key === ' ')) {
      // Space gained or lost between blocks (the parts of a split clause) changes no word.
      if (run.op === 'added') for (const token of run.tokens) newItems.push({ token, mark: null });
      else for (const token of run.tokens) oldItems.push({ token, mark: null });
    } else if (run.op === 'added') {
      for (const token of run.tokens) newItems.push({ token, mark: 'ins' });
      context = run.tokens.at(-1)?.ancestors ?? context;
    } else {
      for (const token of run.tokens) oldItems.push({ token, mark: 'del' });
      const around = context.length > 0 ? context : (nextNewAncestors(runs, index) ?? []);
      for (const token of run.tokens) {
        // Removed words keep their formatting when the new text around them has the same shape.
        const ancestors = sameShape(token.ancestors, around) ? around : blockAncestors(around);
        newItems.push({ token: { ...token, ancestors }, mark: 'del-inline' });
      }
    }
  });
  return {
    old: build(oldItems),
    new: build(newItems),
    changed: changedInPlace || runs.some((run) => run.op !== 'equal' && run.tokens.some((token) => token.key !== ' ')),
    consequential,
  };
}

/** Marks a case-only change on the letters that changed: `<del>a</del>ccount` → `<ins>A</ins>ccount`. */
function markLetters(before: Token, after: Token, oldItems: Item[], newItems: Item[]): void {
  for (const part of diffChars(before.text, after.text)) {
    if (part.added) newItems.push({ token: { ...after, text: part.value }, mark: 'ins', className: 'case' });
    else if (part.removed) {
      oldItems.push({ token: { ...before, text: part.value }, mark: 'del', className: 'case' });
      newItems.push({ token: { ...after, text: part.value }, mark: 'del-inline', className: 'case' });
    } else {
      oldItems.push({ token: { ...before, text: part.value }, mark: null });
      newItems.push({ token: { ...after, text: part.value }, mark: null });
    }
  }
}

function nextNewAncestors(runs: DiffRun[], index: number): Element[] | undefined {
  for (const run of runs.slice(index + 1)) {
    if (run.op !== 'removed' && run.tokens[0]) return run.tokens[0].ancestors;
  }
  return undefined;
}

function sameShape(a: readonly Element[], b: readonly Element[]): boolean {
  return a.length === b.length && a.every((element, i) => element.tagName === b[i]?.tagName);
}

function blockAncestors(ancestors: Element[]): Element[] {
  let last = -1;
  ancestors.forEach((element, index) => {
    if (BLOCK.has(element.tagName)) last = index;
  });
  return ancestors.slice(0, last + 1);
}

type Mark = 'ins' | 'del' | 'del-inline' | null;

interface Item {
  token: Token;
  mark: Mark;
  /** Why the mark is there when it is not an ordinary change: `case`, `consequential`. */
  className?: string;
}

interface Open {
  source: Element | null;
  node: { children: ElementContent[] };
}

/** Rebuilds hast from tokens, reopening each token's enclosing elements and wrapping changes. */
function build(items: readonly Item[]): ElementContent[] {
  const root: Open = { source: null, node: { children: [] } };
  const stack: Open[] = [root];
  for (const { token, mark, className } of items) {
    let depth = 0;
    while (depth + 1 < stack.length && depth < token.ancestors.length && stack[depth + 1]?.source === token.ancestors[depth]) depth++;
    stack.length = depth + 1;
    let top = stack[depth] ?? root;
    // By index, not a slice: most tokens open no element, and a slice is made for each.
    for (let d = depth; d < token.ancestors.length; d++) {
      const source = token.ancestors[d] as Element;
      const copy: Element = { type: 'element', tagName: source.tagName, properties: { ...source.properties }, children: [] };
      top.node.children.push(copy);
      top = { source, node: copy };
      stack.push(top);
    }
    const leaf: ElementContent = token.element ? { ...token.element, children: [] } : { type: 'text', value: token.text };
    if (mark === null) appendLeaf(top.node.children, leaf);
    else appendMarked(top.node.children, leaf, mark, className);
  }
  return root.node.children;
}

/** Adds a token's node, joining a text to the text before it. */
function appendLeaf(children: ElementContent[], leaf: ElementContent): void {
  const last = children.at(-1);
  if (leaf.type === 'text' && last?.type === 'text') last.value += leaf.value;
  else children.push(leaf);
}

/** Adds a changed token's node inside the `<ins>`/`<del>` before it when that has the same mark, else in a new one. */
function appendMarked(children: ElementContent[], leaf: ElementContent, mark: Exclude<Mark, null>, className: string | undefined): void {
  const last = children.at(-1);
  if (last?.type === 'element' && last.data?.mark === mark && last.data.className === className) appendLeaf(last.children, leaf);
  else children.push(markElement(mark, leaf, className));
}

function markElement(mark: Exclude<Mark, null>, child: ElementContent, className?: string): Element {
  const classes = [...(mark === 'del-inline' ? ['diff-inline'] : []), ...(className ? [className] : [])];
  const properties: Properties = classes.length > 0 ? { className: classes } : {};
  return {
    type: 'element',
    tagName: mark === 'ins' ? 'ins' : 'del',
    properties,
    children: [child],
    // hast-util-from-parse5 declares `position` required on ElementData (for parsed elements); a
    // made element has none, so this one cast stands for the whole augmentation above.
    data: { mark, className } as Element['data'],
  };
}
