// @ts-check
import { defineConfig } from 'astro/config';
import { siteUrlFromEnv } from '#content/environment.ts';
import { sitePath } from '#publish/urls.ts';

// The absolute URL the site is published at; permalinks and citations are built on it.
const site = siteUrlFromEnv();
// Published under a path (`https://example.org/sec-versions/`), the site's pages, assets and
// links all live under it; at the root of a domain nothing is set, and the output is unchanged.
const base = sitePath(site);

export default defineConfig({
  site,
  ...(base === '/' ? {} : { base }),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages never use Astro's Markdown (the core renders content); Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // Pages whose cacheKey (src/publish/page-cache-keys.ts) and code are unchanged since the last
  // build are copied from it (scripts/build.ts keeps the cache). Needs build.concurrency 1 (the default).
  experimental: { incrementalBuild: true },
  security: {
    // Every page carries a Content Security Policy meta tag: scripts only from this site (Astro
    // adds the hashes of its own), no inline scripts, handlers or styles, nothing framed or
    // embedded. Pagefind runs a same-origin Web Worker and compiles WebAssembly.
    csp: {
      directives: [
        "default-src 'self'",
        // Pagefind's stylesheet draws its icons as data: SVG images (images cannot run scripts).
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-src 'none'",
        "worker-src 'self'",
        "connect-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
