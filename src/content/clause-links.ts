import type { ElementContent } from 'hast';
import type { VersionDraft } from './build-records.ts';
import type { ProblemSink } from './problem-sink.ts';

/** Links to `#slug` inside a version must land on a clause of that version. */
export function checkClauseLinks(version: VersionDraft, sink: ProblemSink): void {
  const slugs = new Set(version.clauses.map((c) => c.slug));
  for (const clause of version.clauses) {
    walk(clause.content, (href) => {
      // A bare `#` points at the page itself: pointless, but not broken.
      if (!href.startsWith('#') || href === '#') return;
      const target = decoded(href.slice(1));
      if (target === undefined) {
        sink.error(version.file, clause.start, `link ${printable(href)} has a malformed %-escape`, 'write the clause number as it is (#2.3), or escape % as %25');
      } else if (!slugs.has(target)) {
        sink.error(version.file, clause.start, `link to clause ${target}, which does not exist in this version`, 'link to an existing clause (#2.3, #18.4-a) or remove the link');
      }
    });
  }
}

function walk(nodes: ElementContent[], onHref: (href: string) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const href = node.properties?.href;
    if (node.tagName === 'a' && typeof href === 'string') onHref(href);
    walk(node.children, onHref);
  }
}

function decoded(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

function printable(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
