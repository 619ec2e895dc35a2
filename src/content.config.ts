import { defineCollection } from 'astro:content';
import { directionSchema, documentSchema, versionSchema } from '#content/content-schema.ts';
import { contentRoot } from '#content/environment.ts';
import { contentFilesLoader } from '#node/content-files-loader.ts';

const root = contentRoot();
// Pages run our own unified pipeline over the raw files (for exact line numbers): the loader
// keeps each file's front matter and path, and renders no Markdown.
export const collections = {
  documents: defineCollection({ loader: contentFilesLoader('documents', root), schema: documentSchema }),
  versions: defineCollection({ loader: contentFilesLoader('versions', root), schema: versionSchema }),
  directions: defineCollection({ loader: contentFilesLoader('directions', root), schema: directionSchema }),
};
