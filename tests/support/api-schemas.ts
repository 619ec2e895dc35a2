/**
 * The API's JSON Schemas (`schemas/*.schema.json`) compiled with Ajv for JSON Schema draft
 * 2020-12, formats checked, for tests of the builders and of every JSON file a build writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The folder of the schemas, relative to the repository root (where tests run). */
const SCHEMA_DIR = 'schemas';

/** Each schema by name (`documents`, `version`, `compare`), parsed. */
export function readSchemas(): Map<string, object> {
  const schemas = new Map<string, object>();
  for (const file of readdirSync(SCHEMA_DIR).sort()) {
    if (file.endsWith('.schema.json')) schemas.set(file.replace(/\.schema\.json$/, ''), JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object);
  }
  return schemas;
}

/**
 * A validator per schema. Compiling checks each schema against the draft 2020-12 meta-schema
 * (strict mode also refuses unknown keywords), so a broken schema fails here.
 */
export function schemaValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const [name, schema] of readSchemas()) validators.set(name, ajv.compile(schema));
  return validators;
}

/** Ajv's errors as readable lines: `/rows/3/kind must be equal to one of the allowed values`. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}
