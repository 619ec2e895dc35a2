import type { ElementContent } from 'hast';
import type { VersionRecord } from '#model/site-model.ts';

/**
 * Writes a version's links to its own clauses (`#4.41`, checked to exist first) against the
 * version's page (`/tmad/v6.0/#4.41`), so they land wherever the clause is shown: on its version
 * page (the same page), a clause history, a comparison, or in the version's data. The address
 * is the version page's (see versionUrl in src/publish/urls.ts, which this layer may not import).
 */
export function linkToVersionPage(version: VersionRecord): void {
  const page = `/${version.document}/v${version.version}/`;
  for (const clause of version.clauses) rewrite(clause.content, page);
}

function rewrite(nodes: readonly ElementContent[], page: string): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const href = node.properties?.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) node.properties.href = `${page}${href}`;
    rewrite(node.children, page);
  }
}
