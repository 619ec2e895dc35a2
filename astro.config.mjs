// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';

// Astro keeps its content store between builds; one store per content folder, or an entry whose
// text is unchanged keeps the path of a folder built before (see SEC_CONTENT_DIR).
const contentKey = createHash('sha256')
  .update(resolve(process.env.SEC_CONTENT_DIR ?? 'content'))
  .digest('hex')
  .slice(0, 12);

// The absolute URL the site is published at; permalinks and citations are built on it.
const site = process.env.SITE_URL ?? 'https://sec-versions.example.org';

export default defineConfig({
  site,
  output: 'static',
  cacheDir: `./node_modules/.astro/content-${contentKey}`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
