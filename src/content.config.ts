import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { directionSchema, documentSchema, versionSchema } from '#content/content-schema.ts';
import { contentRoot } from '#content/environment.ts';

const root = contentRoot();
// Pages run our own unified pipeline over the raw files (for exact line numbers), so bodies need not be kept.
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: '*/index.md', base: `${root}/documents`, generateId: idFromPath, retainBody: false }),
    schema: documentSchema,
  }),
  versions: defineCollection({
    loader: glob({ pattern: ['*/*.md', '!*/index.md'], base: `${root}/documents`, generateId: idFromPath, retainBody: false }),
    schema: versionSchema,
  }),
  directions: defineCollection({
    loader: glob({ pattern: '*.md', base: `${root}/directions`, generateId: idFromPath, retainBody: false }),
    schema: directionSchema,
  }),
};
