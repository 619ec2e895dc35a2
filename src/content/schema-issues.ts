/**
 * Schema issues worded for a document administrator: the field as written, the value quoted,
 * and what to write instead. Reads only Zod's public issue objects and the schema's JSON
 * Schema (for the known field names), never Zod internals.
 */
import { z } from 'astro/zod';
import type { ContentProblem } from '#model/content-problem.ts';
import { closest } from './did-you-mean.ts';
import type { FrontMatterFile } from './read-front-matter.ts';

/** A schema issue, as Zod reports it. */
export type SchemaIssue = z.core.$ZodIssue;

const FIELDS_HINT = 'see content/README.md for the fields each file needs';

/**
 * Turns schema issues into problems a document administrator can act on. A misspelt field
 * gives one problem ("did you mean"), not a second one for the field it was meant to be.
 */
export function issuesToProblems(file: string, front: FrontMatterFile, schema: z.ZodType, issues: readonly SchemaIssue[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') problems.push(...unknownFields(file, front, schema, issue, meant));
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const field = fieldName(issue.path);
    const value = valueAt(front.data, issue.path);
    if (value === undefined && meant.has(field)) continue;
    const at = front.locate(value === undefined ? issue.path.slice(0, -1) : issue.path);
    const [message, hint] = wording(issue, field, value);
    problems.push({ file, ...at, severity: 'error', message, hint });
  }
  return problems;
}

/** One problem per unknown field, suggesting the field it was probably meant to be (recorded in `meant`). */
function unknownFields(file: string, front: FrontMatterFile, schema: z.ZodType, issue: z.core.$ZodIssueUnrecognizedKeys, meant: Set<string>): ContentProblem[] {
  const known = fieldsAt(schema, issue.path);
  return issue.keys.map((key) => {
    const suggestion = closest(key, known);
    if (suggestion) meant.add(fieldName([...issue.path, suggestion]));
    return {
      file,
      ...front.locate([...issue.path, key]),
      severity: 'error',
      message: `unknown field "${fieldName([...issue.path, key])}"`,
      hint: suggestion ? `did you mean "${suggestion}"?` : `known fields: ${known.join(', ')}`,
    };
  });
}

/** The message and hint for one issue (other than an unknown field). */
function wording(issue: SchemaIssue, field: string, value: unknown): [message: string, hint: string] {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [`missing field "${field}"`, FIELDS_HINT];
      if (field === '') return [`front matter must be fields, not ${describe(value)}`, 'write one "field: value" per line between the --- lines'];
      return [`${field}: expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describe(value)}`, FIELDS_HINT];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return [`${field}: ${describe(value)} is not allowed`, `${suggestion ? `did you mean "${suggestion}"? ` : ''}write one of: ${allowed.join(', ')}`];
    }
    case 'invalid_format':
      return [`${field}: ${describe(value)} is not valid`, issue.message];
    case 'too_small':
      if (issue.origin === 'string') return [`${field} is empty`, 'write a value, or leave the field out if it is optional'];
      if (issue.origin === 'array') return [`${field} needs at least ${String(issue.minimum)} ${issue.minimum === 1 ? 'entry' : 'entries'}`, FIELDS_HINT];
      break;
    case 'custom':
      return [field ? `${field}: ${issue.message}` : issue.message, hintParam(issue.params) ?? FIELDS_HINT];
  }
  return [field ? `${field}: ${issue.message}` : issue.message, FIELDS_HINT];
}

/** The `hint` a schema's own check attaches to its issue (see content-schema.ts). */
function hintParam(params: Record<string, unknown> | undefined): string | undefined {
  return typeof params?.hint === 'string' ? params.hint : undefined;
}

/** A field as the administrator wrote it: `signatory.role`, `consultations[0].closed`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

/** The front-matter value at a path, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A value as a message quotes it: `"designate"`, `the number 2`, `a list`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return 'a group of fields';
}

type JsonSchema = z.core.JSONSchema.JSONSchema | boolean;
const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

/** The field names a path leads to in a schema (through lists), in the schema's order. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node = jsonSchemas.get(schema);
  if (node === undefined) {
    // The input side: what an administrator writes, before transforms and defaults.
    node = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    jsonSchemas.set(schema, node);
  }
  for (const key of path) {
    if (typeof node !== 'object') return [];
    const next: JsonSchema | undefined = typeof key === 'number' ? (Array.isArray(node.items) ? undefined : node.items) : node.properties?.[String(key)];
    if (next === undefined) return [];
    node = next;
  }
  return typeof node === 'object' ? Object.keys(node.properties ?? {}) : [];
}
