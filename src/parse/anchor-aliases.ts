import type { Element, ElementContent } from 'hast';
import type { Clause } from '#model/clause.ts';
import type { ContentProblem } from '#model/content-problem.ts';
import { HeadingSlugger } from './heading-slugs.ts';

/** The prefix the sanitiser gives every `id` written in the content (see blocks-to-hast.ts). */
const CLOBBER = 'user-content-';

/** What anchor resolution needs to know of the document. */
export interface AnchorOptions {
  file: string;
  /** The address root-relative links (`/articles/…`) are relative to, from the document's `linksBase`. */
  linksBase?: string | undefined;
  /** Each heading's text as written (with its number), by clause index. */
  headingTexts: ReadonlyMap<number, string>;
}

/**
 * Gives each clause the anchors its source's own links use, as aliases (see
 * {@link Clause.aliases}): the GitHub and kramdown slugs of a heading, and every explicit `id`
 * (`<span id="5.3.a">`, `{#k-payment}`) written in its text. A clause's own slug always wins, and
 * an alias goes to the first clause that claims it, so no id is on a page twice. Then rewrites
 * the links: `#alias` to `#slug`, and root-relative links against `linksBase` (or reports them).
 */
export function resolveAnchors(clauses: Clause[], options: AnchorOptions): ContentProblem[] {
  const targets = aliasTargets(clauses, options.headingTexts);
  const problems: ContentProblem[] = [];
  for (const clause of clauses) {
    rewriteLinks(clause.content, (href) => {
      if (href.startsWith('#')) return targets.get(safeDecode(href.slice(1))) ?? href;
      if (!href.startsWith('/') || href.startsWith('//')) return href;
      // Without linksBase, a root-relative link is taken as a link to this site: the link check
      // after the build finds it or reports it, naming linksBase.
      return options.linksBase ? new URL(href, options.linksBase).href : href;
    });
  }
  return problems;
}

/** Every alias, mapped to `#slug` of the clause it lands on; sets each clause's `aliases`. */
function aliasTargets(clauses: Clause[], headingTexts: ReadonlyMap<number, string>): Map<string, string> {
  const slugs = new Set(clauses.map((c) => c.slug));
  const targets = new Map<string, string>();
  const slugger = new HeadingSlugger();
  clauses.forEach((clause, index) => {
    const written = headingTexts.get(index);
    const candidates = [...(written === undefined ? [] : slugger.slugs(written)), ...explicitIds(clause.content)];
    const aliases = candidates.filter((alias) => {
      if (alias === '' || slugs.has(alias) || targets.has(alias)) return false;
      targets.set(alias, `#${clause.slug}`);
      return true;
    });
    if (aliases.length > 0) clause.aliases = aliases;
  });
  return targets;
}

/** The ids written in content (`id="5.3.a"` is kept as `user-content-5.3.a`), in order. */
function explicitIds(content: readonly ElementContent[]): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = node.properties?.id;
      if (typeof id === 'string' && id.startsWith(CLOBBER)) ids.push(id.slice(CLOBBER.length));
      walk(node.children);
    }
  };
  walk(content);
  return ids;
}

function rewriteLinks(nodes: readonly ElementContent[], rewrite: (href: string) => string): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const link = node as Element;
    const href = link.properties?.href;
    if (link.tagName === 'a' && typeof href === 'string') link.properties.href = rewrite(href);
    rewriteLinks(link.children, rewrite);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
