import type { Element, Nodes, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import { find, html } from 'property-information';

/**
 * Serialises hast to HTML exactly as `hast-util-to-html` does with its default options (same
 * bytes), in a fraction of its time: the site's pages are hundreds of kilobytes of clauses, and
 * serialising them was the largest single cost of a build. What `toHtml` does per attribute
 * (looking its name up in the HTML schema, escaping the name, choosing the escapes) depends on
 * the attribute's name alone, so it is done once a name, here; escaping is one pass a string.
 * SVG and `<template>` (another schema, a content fragment), comments and doctypes are rare
 * here and are left to `toHtml` itself. `tests/unit/hast-to-html.test.ts` compares the two.
 */
export function hastToHtml(tree: Nodes | readonly Nodes[]): string {
  if (isNodeList(tree)) return children(tree, undefined);
  return one(tree, undefined);
}

function isNodeList(tree: Nodes | readonly Nodes[]): tree is readonly Nodes[] {
  return Array.isArray(tree);
}

const VOID = new Set(htmlVoidElements);
/** Elements whose text is written as it is (`toHtml` writes theirs unescaped). */
const RAW_TEXT = new Set(['script', 'style']);

function one(node: Nodes, parent: string | undefined): string {
  switch (node.type) {
    case 'root':
      return children(node.children, undefined);
    case 'element':
      return element(node);
    // Without `allowDangerousHtml`, `toHtml` writes raw nodes as text.
    case 'text':
    case 'raw':
      return parent !== undefined && RAW_TEXT.has(parent) ? node.value : escapeText(node.value);
    default:
      return toHtml(node);
  }
}

function children(nodes: readonly Nodes[], parent: string | undefined): string {
  let out = '';
  for (const node of nodes) out += one(node, parent);
  return out;
}

function element(node: Element): string {
  // Another schema (SVG), or content that is a fragment of its own (template): as toHtml has it.
  if (node.tagName === 'svg' || node.tagName === 'template') return toHtml(node);
  const attributes = serializeAttributes(node.properties);
  const content = children(node.children, node.tagName);
  const open = `<${node.tagName}${attributes ? ` ${attributes}` : ''}>`;
  // A void element with children is written as an ordinary one, as toHtml does.
  if (content === '' && VOID.has(node.tagName.toLowerCase())) return open;
  return `${open}${content}</${node.tagName}>`;
}

interface AttributeInfo {
  /** The attribute's name, escaped. */
  name: string;
  attribute: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}

const infos = new Map<string, AttributeInfo>();

function attributeInfo(key: string): AttributeInfo {
  let known = infos.get(key);
  if (!known) {
    const info = find(html, key);
    known = {
      name: info.attribute.replace(UNSAFE_IN_NAME, reference),
      attribute: info.attribute,
      boolean: info.boolean,
      overloadedBoolean: info.overloadedBoolean,
      commaSeparated: info.commaSeparated,
    };
    infos.set(key, known);
  }
  return known;
}

function serializeAttributes(properties: Properties | undefined): string {
  let out = '';
  if (!properties) return out;
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const attribute = serializeAttribute(key, value);
    if (attribute) out = out ? `${out} ${attribute}` : attribute;
  }
  return out;
}

function serializeAttribute(key: string, given: Properties[string]): string {
  const info = attributeInfo(key);
  let value: Properties[string] = given;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return info.name;
  const text = Array.isArray(value) ? (info.commaSeparated ? commaList(value) : value.join(' ').trim()) : String(value);
  return `${info.name}="${escapeAttribute(text)}"`;
}

/** A comma-separated list as `comma-separated-tokens` writes it for `toHtml` (a space after each comma). */
function commaList(values: readonly (string | number)[]): string {
  const input = values[values.length - 1] === '' ? [...values, ''] : values;
  return input.join(', ').trim();
}

// What toHtml escapes, by default (no parse errors allowed, no dangerous characters), as
// hexadecimal character references: in text, `<` and `&`; in a double-quoted attribute value,
// also the quotes and the backtick; in an attribute name, whatever could end it.
const UNSAFE_IN_TEXT = /[<&]/g;
const UNSAFE_IN_ATTRIBUTE = /[\0"&'`]/g;
const UNSAFE_IN_NAME = /[\0\t\n\f\r "&'/<=>`]/g;

function reference(character: string): string {
  return `&#x${(character.codePointAt(0) as number).toString(16).toUpperCase()};`;
}

function escapeText(value: string): string {
  UNSAFE_IN_TEXT.lastIndex = 0;
  return UNSAFE_IN_TEXT.test(value) ? value.replace(UNSAFE_IN_TEXT, reference) : value;
}

function escapeAttribute(value: string): string {
  UNSAFE_IN_ATTRIBUTE.lastIndex = 0;
  return UNSAFE_IN_ATTRIBUTE.test(value) ? value.replace(UNSAFE_IN_ATTRIBUTE, reference) : value;
}
