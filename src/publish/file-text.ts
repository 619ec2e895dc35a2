/**
 * The text of the site's machine-readable files, serialised from trees and data built by the
 * core, never assembled as strings: one place, so a file reads the same whether Astro's dev
 * server serves it or the build writes it.
 */
import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';

/** An XML document's text from an xast tree, ending in a newline. */
export function xmlText(tree: Root): string {
  // `]]>` may not appear in XML text (it ends a CDATA section): a title holding it would make the
  // feed unreadable. The serializer leaves `>` alone, and only text and attributes can hold it.
  return `${toXml(tree).replaceAll(']]>', ']]&#x3E;')}\n`;
}

/** JSON indented so people can read it too, ending in a newline. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
