// @ts-check
import { defineConfig } from 'astro/config';

// The absolute URL the site is published at; permalinks and citations are built on it.
const site = process.env.SITE_URL ?? 'https://sec-versions.example.org';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
