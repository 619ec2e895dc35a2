import type { ElementContent } from 'hast';

/**
 * A version's text may link to its own clauses by fragment alone (`[Clause 1.1](#1.1)`, or
 * `<a href="#1.1">`), as content/README.md documents: right on the version's page, wrong
 * wherever the clause is shown on another page (its history, a comparison), where that anchor
 * is not. This gives such links, per page, the address of the clause in its own version:
 * `#1.1` in v6.0 of TMAD becomes `/tmad/v6.0/#1.1`. Whether the clause exists is the content
 * check's to say (it names the file and line of a link to a missing clause). Returns new
 * nodes; the content (shared by every page) is never changed in place.
 */
export function linkFragmentsToVersion(content: readonly ElementContent[], versionPath: string): ElementContent[] {
  return content.map((node) => rebase(node, versionPath));
}

function rebase(node: ElementContent, versionPath: string): ElementContent {
  if (node.type !== 'element') return node;
  const href = node.properties.href;
  const children = node.children.map((child) => rebase(child, versionPath) as typeof child);
  const local = node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1;
  return { ...node, properties: local ? { ...node.properties, href: `${versionPath}${href}` } : node.properties, children };
}
