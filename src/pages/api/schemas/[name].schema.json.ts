import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse } from '#data/responses.ts';

/** The JSON Schemas of `schemas/`, published beside the data they describe. */
const schemas = import.meta.glob<object>('../../../../schemas/*.schema.json', { eager: true, import: 'default' });

export const getStaticPaths = (() =>
  Object.entries(schemas).map(([file, schema]) => ({
    params: { name: (file.split('/').at(-1) as string).replace(/\.schema\.json$/, '') },
    props: { schema },
  }))) satisfies GetStaticPaths;

/** `/api/schemas/<name>.schema.json`, the same data as the schema in the repository. */
export const GET: APIRoute<{ schema: object }> = (context) => jsonResponse(context.props.schema);
