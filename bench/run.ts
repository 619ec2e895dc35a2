/**
 * `npm run bench -- [--documents 60 --versions 12 --clauses 400 --seed 1 --memory-scales 15,30]`: builds the site on a
 * generated corpus and measures it. Prints a table and writes every figure to
 * `bench/last-run.json` (or `--json <file>`).
 *
 * Measured in one run, side by side: full build (wall time, pages, pages per second, peak memory
 * of the build's process tree), a rebuild with nothing changed and one after adding one version
 * (both on the incremental build's cache of the build before: pages rendered and copied), HTML and JavaScript bytes
 * per page type, the Pagefind index and what a first query fetches, a comparison computed in the
 * browser, and the diff engine on a 100-page pair against whole-text jsdiff and git --word-diff.
 *
 * `npm run bench -- --only compare [--work <dir> --keep] [--reuse]`: the comparison figures
 * alone (see {@link compareOnly}), written to `bench/last-run-compare.json`.
 *
 * `npm run bench -- --only search [--site dist] [--keep]`: the search alone at scale (see
 * {@link searchOnly}), written to `bench/last-search.json`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { diffWordsWithSpace } from 'diff';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { wordDiff } from '#compare/word-diff.ts';
import { type AstroRun, LAST_RUN } from '../scripts/lib/astro-cache.ts';
import { generateCorpus, SEC_SCALE, type CorpusFile } from '../scripts/lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: String(SEC_SCALE.documents) },
    versions: { type: 'string', default: String(SEC_SCALE.versions) },
    clauses: { type: 'string', default: String(SEC_SCALE.clauses) },
    seed: { type: 'string', default: '1' },
    'big-clauses': { type: 'string', default: '1350' },
    json: { type: 'string', default: 'bench/last-run.json' },
    work: { type: 'string' },
    'skip-browser': { type: 'boolean', default: false },
    /** `search`: only the search at scale (see {@link searchOnly}); `compare`: only the comparison figures (browser and diff engine), on a one-document corpus plus the 100-page pair. */
    only: { type: 'string' },
    /** With `--only search`: the built site whose search pages are used. */
    site: { type: 'string', default: 'dist' },
    keep: { type: 'boolean', default: false },
    /** With `--only compare`: measure the site already built in `--work` instead of building it again. */
    reuse: { type: 'boolean', default: false },
    // Peak memory of full builds at smaller corpora ("15,30"), for the growth to the full scale:
    // on by default at SEC scale, off otherwise ("" turns it off).
    'memory-scales': { type: 'string' },
  },
});
const scale = { documents: Number(values.documents), versions: Number(values.versions), clauses: Number(values.clauses), seed: Number(values.seed) };
const bigClauses = Number(values['big-clauses']);
const work = values.work ?? join(tmpdir(), `sec-bench-${scale.documents}x${scale.versions}x${scale.clauses}-${scale.seed}`);
const content = join(work, 'content');
const out = join(work, 'dist');
const cache = join(work, 'cache');
const [contentDir, outDir, cacheDir] = [content, out, cache];
const asOf = '2026-01-01';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number);
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function writeFiles(root: string, files: CorpusFile[]) {
  for (const file of files) {
    const path = join(root, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
  }
}

/** Sum of resident memory of a process and all its descendants (Linux /proc), in bytes. */
function treeRss(root: number): number | undefined {
  if (!existsSync('/proc')) return undefined;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ');
      parents.set(Number(entry), Number(fields?.[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // Gone.
    }
  }
  return total;
}

interface BuildRun {
  seconds: number;
  /** The build and every process it started (Astro, Pagefind, worker threads), summed, sampled every 200 ms. */
  peakTreeRssBytes: number | null;
  /** Each Node process's own peak: the orchestrator (which also runs the link check), the content check, Astro. */
  processMaxRssBytes: Record<string, number | null>;
  phasesMs: Record<string, number>;
  /** Files the Astro step rendered, and pages it copied from the previous build's cache (incremental build). */
  pages: { rendered: number; reused: number } | null;
  /** The build found nothing changed since the build before and kept its site (see scripts/lib/unchanged-build.ts). */
  keptUnchanged: boolean;
}

async function runBuild(label: string, root?: string): Promise<BuildRun> {
  // Another corpus (for the memory at fewer documents) is built in a folder of its own.
  const [content, out, cache] = root ? [join(root, 'content'), join(root, 'dist'), join(root, 'cache')] : [contentDir, outDir, cacheDir];
  const statsFile = join(work, `stats-${label}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, SEC_CONTENT_DIR: content, SEC_OUT_DIR: out, SEC_CACHE_DIR: cache, SEC_BUILD_STATS: statsFile, SEC_AS_OF: asOf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid) ?? 0);
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} build failed (exit ${code}):\n${output.slice(-4000)}`);
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as { maxRssBytes: Record<string, number | null>; phasesMs: Record<string, number>; unchanged?: boolean };
  let pages: BuildRun['pages'] = null;
  // Nothing changed: the build kept the site and ran no step (the record of the last Astro step is the build before's).
  if (stats.unchanged)
    return { seconds: round(seconds), peakTreeRssBytes: peak || null, processMaxRssBytes: stats.maxRssBytes, phasesMs: stats.phasesMs, pages: null, keptUnchanged: true };
  try {
    const run = JSON.parse(await readFile(join(`${out}.cache`, LAST_RUN), 'utf8')) as AstroRun;
    pages = { rendered: run.rendered.length, reused: run.reused };
  } catch {
    // A build without an incremental cache record.
  }
  return { seconds: round(seconds), peakTreeRssBytes: peak || null, processMaxRssBytes: stats.maxRssBytes, phasesMs: stats.phasesMs, pages, keptUnchanged: false };
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

/** The kind of page a built file is, from its URL. */
function pageType(url: string, html: string): string {
  if (url === '/') return 'home';
  if (url === '/search/' || url === '/search/all/') return 'search';
  if (url === '/404.html') return '404';
  if (url.startsWith('/directions/')) return url === '/directions/' ? 'directions' : 'direction';
  if (/^\/[^/]+\/compare\//.test(url)) return html.includes('compare-in-browser') ? 'compare (in browser)' : 'compare (pre-built)';
  if (/^\/[^/]+\/clauses\//.test(url)) return 'clause history';
  if (/^\/[^/]+\/latest\/$/.test(url)) return 'latest';
  if (/^\/[^/]+\/in-effect\/$/.test(url)) return 'in effect';
  if (/^\/[^/]+\/v[^/]+\/$/.test(url)) return 'version';
  if (/^\/[^/]+\/$/.test(url)) return 'document';
  return 'other';
}

const jsSizes = new Map<string, number>();
/** Bytes of a script and everything it imports statically (what the browser must fetch to run it). */
function scriptClosure(file: string, seen = new Set<string>()): number {
  if (seen.has(file) || !existsSync(file)) return 0;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  let total = jsSizes.get(file) ?? code.length;
  jsSizes.set(file, total);
  for (const match of code.matchAll(/(?:^|[;\s{}])import\s*(?:[^'"();]*?from\s*)?["']([^"']+\.js)["']/g)) {
    const target = join(dirname(file), match[1] as string);
    total += scriptClosure(target, seen);
  }
  return total;
}

function pageScripts(html: string, url: string): number {
  let total = 0;
  const seen = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1] ?? '')?.[1];
    if (src) total += scriptClosure(join(out, new URL(src, `http://x${url}`).pathname), seen);
    else total += Buffer.byteLength(match[2] ?? '');
  }
  return total;
}

function serve(root: string): Promise<{ server: Server; port: number }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end(existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/** Chromium as the bench drives it (headless, no background traffic). */
function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A first search query, in a fresh page: everything fetched from the Pagefind bundles, split
 * into the UI and the index, the time to the first result shown, and the page's own timings of
 * the Pagefind calls (`search-init`, `search-filters`, `search-query`).
 */
async function firstSearchQuery(browser: Browser, port: number, path: string) {
  const page = await browser.newPage();
  const fetched: Array<{ url: string; bytes: number }> = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!/^\/pagefind(-in-effect)?\//.test(url.pathname)) return;
    try {
      fetched.push({ url: url.pathname, bytes: (await response.body()).length });
    } catch {
      // Redirects and aborted requests carry no body.
    }
  });
  const started = performance.now();
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.locator('.search-hits a').first().waitFor({ timeout: 300_000 });
  const msToFirstResult = performance.now() - started;
  // The rest of the results load after the first are shown: wait for all, then for the network.
  await page.waitForFunction(() => performance.getEntriesByName('search-query').length > 0, null, { timeout: 300_000 });
  await page.waitForLoadState('networkidle');
  const pagefindMs = await page.evaluate(() =>
    Object.fromEntries(['search-init', 'search-first-results', 'search-query'].map((name) => [name, Math.round(performance.getEntriesByName(name)[0]?.duration ?? Number.NaN)])),
  );
  await page.close();
  const ui = fetched.filter((f) => /pagefind-(component-)?ui/.test(f.url));
  const index = fetched.filter((f) => !ui.includes(f));
  return {
    path,
    // From opening the page to the first result shown (the first screen's; the rest follow): one run, so only a rough figure.
    msToFirstResult: round(msToFirstResult),
    pagefindMs,
    indexBytes: index.reduce((n, f) => n + f.bytes, 0),
    uiBytes: ui.reduce((n, f) => n + f.bytes, 0),
    requests: fetched.length,
    bytesByKind: bytesByKind(fetched),
  };
}

async function browserFigures(): Promise<Record<string, unknown>> {
  const { server, port } = await serve(out);
  const browser = await launchChromium();
  try {
    const inEffectQuery = await firstSearchQuery(browser, port, '/search/?q=migration');
    const allVersionsQuery = await firstSearchQuery(browser, port, '/search/all/?q=migration');

    const compareInBrowser = await compareInBrowserFigures(browser, port);
    return {
      firstQuery: inEffectQuery,
      firstQueryAllVersions: allVersionsQuery,
      compareInBrowser,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * A comparison that is not pre-built, computed in the browser: time from its data loaded to
 * shown, split into the worker's computation and the page taking in the result, and the time
 * to the first screen of rows, medians of `runs`. Measured twice: on the first comparison page
 * the build left to the browser, and on the 100-page pair, whose comparison is pre-built, by
 * serving its two versions' data to that same page in place of its own.
 */
async function compareInBrowserFigures(browser: Browser, port: number, runs = 5): Promise<Record<string, unknown>> {
  const stub = walk(out).find((f) => f.endsWith('index.html') && /\/compare\//.test(f) && readFileSync(f, 'utf8').includes('compare-in-browser'));
  if (!stub) return { url: null };
  const url = `/${relative(out, dirname(stub))}/`;
  const measure = async (swap?: { from: string; to: string }) => {
    const figures = {
      render: [] as number[],
      compute: [] as number[],
      insert: [] as number[],
      firstRows: [] as number[],
      firstShownAt: [] as number[],
      dataLoadedAt: [] as number[],
    };
    for (let k = 0; k < runs; k++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (swap) {
        await page.route(/\/data\/.*\.json$/, async (route) => {
          const html = readFileSync(stub, 'utf8');
          const from = /data-from-data="([^"]+)"/.exec(html)?.[1];
          const path = new URL(route.request().url()).pathname;
          await route.fulfill({ path: join(out, path === from ? swap.from : swap.to), contentType: 'application/json' });
        });
      }
      await page.goto(`http://127.0.0.1:${port}${url}`);
      await page.locator('.compare-in-browser[data-state="ready"]').waitFor({ timeout: 120_000 });
      const [render, compute, insert, firstRows] = await page.evaluate(() =>
        ['compare-render', 'compare-compute', 'compare-insert', 'compare-first-rows'].map((name) => performance.getEntriesByName(name)[0]?.duration ?? Number.NaN),
      );
      // The same moments from the start of the navigation: what the reader waits, data download and script loading included.
      const [firstShownAt, dataLoadedAt] = await page.evaluate(() =>
        ['compare-first-shown', 'compare-data-loaded'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
      );
      figures.firstShownAt.push(firstShownAt as number);
      figures.dataLoadedAt.push(dataLoadedAt as number);
      figures.render.push(render as number);
      figures.compute.push(compute as number);
      figures.insert.push(insert as number);
      figures.firstRows.push(firstRows as number);
      await page.close();
    }
    return {
      renderMsMedian: round(median(figures.render)),
      runs: figures.render.map((x) => round(x)),
      // The worker's computation, then the page taking in its HTML (medians of the same runs).
      computeMsMedian: round(median(figures.compute)),
      insertMsMedian: round(median(figures.insert)),
      // From data loaded to the first screen of rows shown (the rest follows).
      firstRowsMsMedian: round(median(figures.firstRows)),
      // From the start of the navigation to the data loaded, and to the first screen of rows shown.
      dataLoadedAtMsMedian: round(median(figures.dataLoadedAt)),
      firstShownAtMsMedian: round(median(figures.firstShownAt)),
    };
  };
  const big = existsSync(join(out, 'data', 'big-01', 'v1.0.json')) ? await measure({ from: 'data/big-01/v1.0.json', to: 'data/big-01/v2.0.json' }) : null;
  return { url, ...(await measure()), bigPair: big };
}

/**
 * `--only compare`: the comparison figures alone, on one document of the bench's scale plus
 * the 100-page pair (a few minutes' build instead of the SEC's), written to `--json`.
 */
async function compareOnly() {
  console.log(`bench --only compare: 1 document × ${scale.versions} versions × ${scale.clauses} clauses and the ${bigClauses}-clause pair, in ${work}`);
  const { bigOld, bigNew } = bigPairFiles();
  if (!(values.reuse && existsSync(out))) {
    await rm(work, { recursive: true, force: true });
    await writeFiles(content, [...generateCorpus({ ...scale, documents: 1 }), ...bigPair()]);
    await writeFile(join(work, 'big-old.md'), readFrontMatter('a', bigOld).body);
    await writeFile(join(work, 'big-new.md'), readFrontMatter('b', bigNew).body);
    await runBuild('full');
  }
  const { server, port } = await serve(out);
  const browser = await launchChromium();
  let compareInBrowser: Record<string, unknown>;
  try {
    compareInBrowser = await compareInBrowserFigures(browser, port);
  } finally {
    await browser.close();
    server.close();
  }
  const engine = diffEngine(bigOld, bigNew);
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    scale: { ...scale, documents: 1, bigClauses },
    compareInBrowser,
    diffEngine: engine,
  };
  // Not over the full bench's figures unless asked.
  const json = values.json === 'bench/last-run.json' ? 'bench/last-run-compare.json' : values.json;
  await mkdir(dirname(json), { recursive: true });
  await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ compareInBrowser, diffEngine: engine }, null, 2));
  console.log(`\nwritten to ${json}`);
  if (!values.keep) await rm(work, { recursive: true, force: true });
}

/**
 * A 100-page document (about 40,000 words) in two versions with about 5% of its words changed
 * (3 clauses in 10 edited five times each, a few inserted, deleted and moved): its comparison
 * page is measured, and the diff engine is timed on it.
 */
/** One comparison's browser figures as the report prints them. */
function compareLine(c: {
  renderMsMedian: number;
  runs: number[];
  computeMsMedian: number;
  insertMsMedian: number;
  firstRowsMsMedian: number;
  firstShownAtMsMedian?: number;
}): string {
  const fromNavigation = c.firstShownAtMsMedian === undefined ? '' : `; first screen ${c.firstShownAtMsMedian} ms from navigation`;
  return `first screen ${c.firstRowsMsMedian} ms, all shown ${c.renderMsMedian} ms from data loaded (median of ${c.runs.length}): worker ${c.computeMsMedian} ms, page ${c.insertMsMedian} ms${fromNavigation}`;
}

function bigPair(): CorpusFile[] {
  return generateCorpus({
    documents: 1,
    versions: 2,
    clauses: bigClauses,
    seed: scale.seed + 7,
    modified: 0.3,
    edits: 5,
    inserted: 0.004,
    deleted: 0.002,
    moved: 0.001,
    prefix: 'big',
    directions: false,
  });
}

function bigPairFiles(): { bigOld: string; bigNew: string } {
  const big = bigPair();
  return { bigOld: big.find((f) => f.path.endsWith('v1.0.md'))?.text ?? '', bigNew: big.find((f) => f.path.endsWith('v2.0.md'))?.text ?? '' };
}

/**
 * What a first query's bytes are made of, by Pagefind file kind: the runtime (its JS and
 * WebAssembly), the metadata of every record (`pf_meta`), the filters, the index chunks of the
 * query's words, the fragments of the results shown, and the UI. A target miss can then be
 * traced to the part that grows with the number of records.
 */
function bytesByKind(fetched: ReadonlyArray<{ url: string; bytes: number }>): Record<string, number> {
  const kind = (url: string): string => {
    if (/pagefind-(component-)?ui/.test(url)) return 'ui';
    if (url.endsWith('.pf_meta')) return 'meta';
    if (url.endsWith('.pf_filter')) return 'filters';
    if (url.endsWith('.pf_index')) return 'wordIndex';
    if (url.endsWith('.pf_fragment')) return 'fragments';
    return 'runtime';
  };
  const totals: Record<string, number> = {};
  for (const f of fetched) totals[kind(f.url)] = (totals[kind(f.url)] ?? 0) + f.bytes;
  return Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b)));
}

function diffEngine(bigOld: string, bigNew: string): Record<string, unknown> {
  const oldBody = readFrontMatter('old', bigOld).body;
  const newBody = readFrontMatter('new', bigNew).body;
  const before = parseClauses(oldBody, { file: 'old.md' }).clauses;
  const after = parseClauses(newBody, { file: 'new.md' }).clauses;
  const words = oldBody.split(/\s+/).length;
  // The share of words a word diff finds changed, to state what "5% changed" means here: words
  // removed plus words added, over twice the words (the mean of the share of old words removed
  // and of new words added).
  const changedWords = diffWordsWithSpace(oldBody, newBody)
    .filter((c) => c.added || c.removed)
    .reduce((n, c) => n + c.value.split(/\s+/).filter(Boolean).length, 0);
  const clauseFirst = () => {
    const rows = alignClauses(before, after);
    let changed = 0;
    for (const row of rows) {
      if (row.old && row.new && row.reworded) {
        wordDiff(row.old.content, row.new.content);
        changed++;
      }
    }
    return { rows: rows.length, changed };
  };
  const time = (fn: () => unknown, runs: number) => {
    fn();
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const shape = clauseFirst();
  const ours = time(clauseFirst, 7);
  const jsdiff = time(() => diffWordsWithSpace(oldBody, newBody), 3);
  const a = join(work, 'big-old.md');
  const b = join(work, 'big-new.md');
  const git = (() => {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const result = spawnSync('git', ['diff', '--no-index', '--word-diff', '--no-color', a, b], { maxBuffer: 1 << 28 });
      times.push(performance.now() - t);
      if (result.error) return null;
    }
    return median(times);
  })();
  return {
    words,
    changedWordShare: round(changedWords / words / 2, 3),
    clauses: { old: before.length, new: after.length, rewordedPairs: shape.changed, rows: shape.rows },
    clauseFirstMs: round(ours, 2),
    jsdiffWholeTextMs: round(jsdiff),
    gitWordDiffMs: git === null ? null : round(git),
    speedupVsJsdiff: round(jsdiff / ours),
    ratioVsGit: git === null ? null : round(git / ours, 2),
  };
}

/** The peak memory of full builds at fewer documents, and how much it grows from the fewest to the full scale. */
interface MemoryGrowth {
  scales: Array<{ documents: number; peakTreeRssBytes: number | null; seconds: number }>;
  /** (peak at full scale − peak at the fewest documents) / peak at the fewest, e.g. 0.2 for 20%. */
  growth: number | null;
}

/** The document counts to measure peak memory at: `--memory-scales`, by default 15 and 30 at SEC scale. */
function memoryScales(): number[] {
  const given = values['memory-scales'] ?? (scale.documents === SEC_SCALE.documents ? '15,30' : '');
  return given
    .split(',')
    .filter((n) => n.trim() !== '')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0 && n < scale.documents);
}

/**
 * Full builds of the corpus generated with fewer documents (the same generator, seed and big
 * pair), each in a folder of its own, for the peak memory of the build's process tree.
 * Memory must not grow with the corpus: what grows shows what is still held whole.
 */
async function memoryAtScales(full: BuildRun, shared: CorpusFile[]): Promise<MemoryGrowth | null> {
  const counts = memoryScales();
  if (counts.length === 0) return null;
  const scales: MemoryGrowth['scales'] = [];
  for (const documents of counts) {
    const dir = join(work, `memory-${documents}`);
    await rm(dir, { recursive: true, force: true });
    await writeFiles(join(dir, 'content'), [...generateCorpus({ ...scale, documents }), ...shared]);
    const run = await runBuild(`memory-${documents}`, dir);
    scales.push({ documents, peakTreeRssBytes: run.peakTreeRssBytes, seconds: run.seconds });
    await rm(dir, { recursive: true, force: true });
  }
  scales.push({ documents: scale.documents, peakTreeRssBytes: full.peakTreeRssBytes, seconds: full.seconds });
  const smallest = scales[0]?.peakTreeRssBytes;
  return { scales, growth: smallest && full.peakTreeRssBytes ? round((full.peakTreeRssBytes - smallest) / smallest, 3) : null };
}

async function main() {
  console.log(`bench: ${scale.documents} documents × ${scale.versions} versions × ${scale.clauses} clauses (seed ${scale.seed}), in ${work}`);
  await rm(work, { recursive: true, force: true });
  const corpus = generateCorpus(scale);
  const big = bigPair();
  await writeFiles(content, [...corpus, ...big]);
  const bigOld = big.find((f) => f.path.endsWith('v1.0.md'))?.text ?? '';
  const bigNew = big.find((f) => f.path.endsWith('v2.0.md'))?.text ?? '';
  await writeFile(join(work, 'big-old.md'), readFrontMatter('a', bigOld).body);
  await writeFile(join(work, 'big-new.md'), readFrontMatter('b', bigNew).body);

  const full = await runBuild('full');
  const files = walk(out);
  const pages = files.filter((f) => f.endsWith('.html'));
  const byType = new Map<string, { raw: number[]; gzip: number[]; js: number[] }>();
  for (const file of pages) {
    const url = `/${relative(out, file)}`.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    const type = pageType(url, html);
    const entry = byType.get(type) ?? { raw: [], gzip: [], js: [] };
    entry.raw.push(Buffer.byteLength(html));
    entry.gzip.push(gzipSync(html).length);
    entry.js.push(pageScripts(html, url));
    byType.set(type, entry);
  }
  const pageTypes = Object.fromEntries(
    [...byType]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, e]) => [
        type,
        {
          pages: e.raw.length,
          htmlBytes: { median: median(e.raw), p95: percentile(e.raw, 95) },
          gzipBytes: { median: median(e.gzip), p95: percentile(e.gzip, 95) },
          jsBytes: { median: median(e.js), p95: percentile(e.js, 95) },
        },
      ]),
  );
  const bigCompare = join(out, 'big-01', 'compare', 'v1.0...v2.0', 'index.html');
  const bigCompareBytes = existsSync(bigCompare) ? readFileSync(bigCompare) : undefined;
  // The index on disk, both bundles (all versions, and the versions in effect), without their UI files.
  const indexBytesOf = async (bundle: string) =>
    (
      await Promise.all(
        walk(join(out, bundle))
          .filter((f) => !/pagefind-(component-|modular-)?ui|pagefind-highlight/.test(f))
          .map((f) => stat(f)),
      )
    ).reduce((n, s) => n + s.size, 0);
  const pagefindIndexBytes = { allVersions: await indexBytesOf('pagefind'), inEffect: await indexBytesOf('pagefind-in-effect') };
  const dataFiles = files.filter((f) => f.includes(`${out}/data/`));

  // The same content, code and settings again: the build keeps the site it wrote.
  const unchanged = await runBuild('unchanged');

  // One new version of one document, built on the cache of the build before.
  const next = scale.versions + 1;
  const grown = generateCorpus({ ...scale, documents: 1, versions: next, directions: false }).find((f) => f.path === `documents/doc-01/v${next}.0.md`);
  if (grown) await writeFiles(content, [grown]);
  const incremental = await runBuild('incremental');

  const memoryGrowth = await memoryAtScales(full, big);

  const browser = values['skip-browser'] ? null : await browserFigures();
  const engine = diffEngine(bigOld, bigNew);

  const result = {
    when: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    scale: { ...scale, bigClauses },
    build: {
      full,
      pages: pages.length,
      files: files.length,
      pagesPerSecond: round(pages.length / full.seconds),
      unchanged,
      unchangedShareOfFull: round(unchanged.seconds / full.seconds, 3),
      incremental,
      incrementalShareOfFull: round(incremental.seconds / full.seconds, 3),
      memoryGrowth,
    },
    pageTypes,
    bigCompare: bigCompareBytes ? { htmlBytes: bigCompareBytes.length, gzipBytes: gzipSync(bigCompareBytes).length } : null,
    versionData: { files: dataFiles.length, gzipBytesMedian: median(dataFiles.slice(0, 200).map((f) => gzipSync(readFileSync(f)).length)) },
    search: { indexBytes: pagefindIndexBytes, ...(browser ? { firstQuery: browser.firstQuery, firstQueryAllVersions: browser.firstQueryAllVersions } : {}) },
    compareInBrowser: browser?.compareInBrowser ?? null,
    diffEngine: engine,
  };
  await mkdir(dirname(values.json), { recursive: true });
  await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
  report(result);
  if (!values.keep) await rm(work, { recursive: true, force: true });
}

/** The bench table's row for the memory at fewer documents. */
function memoryGrowthRows(m: MemoryGrowth | null): Array<[string, string]> {
  if (!m) return [];
  const mib = (n: number | null) => (n === null ? 'n/a' : `${(n / 1024 / 1024).toFixed(0)} MiB`);
  const growth = m.growth === null ? 'n/a' : `${(m.growth * 100).toFixed(1)}%`;
  return [['  peak memory by corpus', `${m.scales.map((s) => `${s.documents} documents ${mib(s.peakTreeRssBytes)}`).join(', ')}; growth ${growth}`]];
}

/** The issue's target on memory growth, when it was measured. */
function memoryGrowthTarget(m: MemoryGrowth | null): Array<[string, string, boolean]> {
  if (!m || m.growth === null) return [];
  const from = m.scales[0]?.documents;
  const to = m.scales.at(-1)?.documents;
  return [[`peak memory growth ${from}→${to} documents < 25%`, `${(m.growth * 100).toFixed(1)}%`, m.growth < 0.25]];
}

// biome-ignore lint/suspicious/noExplicitAny: reads back the result object written just above, whose nested figures are typed `unknown` where they are measured
function report(r: Record<string, any>) {
  const kb = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${(n / 1024).toFixed(1)} KiB`);
  const mb = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${(n / 1024 / 1024).toFixed(0)} MiB`);
  const pagesLine = (p: { rendered: number; reused: number } | null) => (p ? `${p.rendered} files rendered, ${p.reused} copied` : 'pages n/a');
  const rows: Array<[string, string]> = [
    ['full build', `${r.build.full.seconds} s, ${r.build.pages} pages, ${r.build.pagesPerSecond} pages/s`],
    ['  phases (ms)', JSON.stringify(r.build.full.phasesMs)],
    [
      '  peak memory',
      `${mb(r.build.full.peakTreeRssBytes)} (all processes together); each: ${Object.entries(r.build.full.processMaxRssBytes as Record<string, number | null>)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(', ')}`,
    ],
    [
      'rebuild, nothing changed',
      `${r.build.unchanged.seconds} s (${(r.build.unchangedShareOfFull * 100).toFixed(1)}% of full), ${r.build.unchanged.keptUnchanged ? 'site kept, no step run' : pagesLine(r.build.unchanged.pages)}, phases ${JSON.stringify(r.build.unchanged.phasesMs)}`,
    ],
    [
      'rebuild, one version added',
      `${r.build.incremental.seconds} s (${(r.build.incrementalShareOfFull * 100).toFixed(1)}% of full), ${pagesLine(r.build.incremental.pages)}, phases ${JSON.stringify(r.build.incremental.phasesMs)}`,
    ],
  ];
  rows.push(...memoryGrowthRows(r.build.memoryGrowth));
  // biome-ignore lint/suspicious/noExplicitAny: as for `r`
  for (const [type, t] of Object.entries(r.pageTypes as Record<string, any>)) {
    rows.push([
      `  ${type} (${t.pages})`,
      `html ${kb(t.htmlBytes.median)} / p95 ${kb(t.htmlBytes.p95)}; gzip ${kb(t.gzipBytes.median)} / p95 ${kb(t.gzipBytes.p95)}; js ${kb(t.jsBytes.median)}`,
    ]);
  }
  rows.push(['100-page compare page', r.bigCompare ? `${kb(r.bigCompare.htmlBytes)} raw, ${kb(r.bigCompare.gzipBytes)} gzip` : 'n/a']);
  rows.push(['version data (browser compare)', `${r.versionData.files} files, ${kb(r.versionData.gzipBytesMedian)} gzip median`]);
  rows.push(['pagefind index on disk', `${kb(r.search.indexBytes.inEffect)} in effect, ${kb(r.search.indexBytes.allVersions)} all versions`]);
  for (const [label, q] of [
    ['first query fetches', r.search.firstQuery],
    ['  all versions', r.search.firstQueryAllVersions],
  ] as const) {
    if (!q) continue;
    rows.push([label, `${kb(q.indexBytes)} index + ${kb(q.uiBytes)} UI (${q.requests} requests, ${q.path}), first result after ${(q.msToFirstResult / 1000).toFixed(1)} s`]);
    rows.push([
      '    of which',
      Object.entries(q.bytesByKind as Record<string, number>)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', '),
    ]);
  }
  if (r.compareInBrowser) {
    const c = r.compareInBrowser;
    rows.push(['compare in browser', `${c.url}: ${compareLine(c)}`]);
    if (c.bigPair) rows.push(['  100-page pair', compareLine(c.bigPair)]);
  }
  const e = r.diffEngine;
  rows.push([
    `diff engine, ${e.words} words, ${(e.changedWordShare * 100).toFixed(1)}% changed`,
    `clause-first ${e.clauseFirstMs} ms; jsdiff whole text ${e.jsdiffWholeTextMs} ms (${e.speedupVsJsdiff}× slower); git --word-diff ${e.gitWordDiffMs} ms (${e.ratioVsGit}× ours)`,
  ]);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  // The build targets of issue 16 (the search, browser and engine targets are read from the rows above).
  const targets: Array<[string, string, boolean]> = [
    ['full build < 300 s', `${r.build.full.seconds} s`, r.build.full.seconds < 300],
    ['peak memory < 2,048 MiB', mb(r.build.full.peakTreeRssBytes), (r.build.full.peakTreeRssBytes ?? Infinity) < 2048 * 1024 * 1024],
    ['rebuild, one version added < 10% of full', `${(r.build.incrementalShareOfFull * 100).toFixed(1)}%`, r.build.incrementalShareOfFull < 0.1],
    ...memoryGrowthTarget(r.build.memoryGrowth),
    ['rebuild, nothing changed < 5% of full', `${(r.build.unchangedShareOfFull * 100).toFixed(1)}%`, r.build.unchangedShareOfFull < 0.05],
  ];
  console.log('\ntargets');
  for (const [target, got, met] of targets) console.log(`  ${target.padEnd(44)} ${got.padEnd(10)} ${met ? 'met' : 'missed'}`);
  console.log(`\nwritten to ${values.json}`);
}

/**
 * `npm run bench -- --only search [--site dist]`: the search alone at scale, without a full
 * build. The generated corpus's search records (computed by the build's own check step), indexed
 * into a copy of a site already built (`--site`, any scale: only its search pages are used),
 * then a first query on each search page, three times each (medians), and the reuse of both
 * bundles when indexed again from the same records. Writes bench/last-search.json (or `--json`).
 */
async function searchOnly() {
  const { indexSearch } = await import('../scripts/lib/index-search.ts');
  console.log(`bench (search only): ${scale.documents} documents × ${scale.versions} versions × ${scale.clauses} clauses, in ${work}`);
  const prepared = join(work, 'search.json');
  const preparedInEffect = join(work, 'search-in-effect.json');
  if (!existsSync(prepared) || !existsSync(preparedInEffect)) {
    await rm(content, { recursive: true, force: true });
    await writeFiles(content, generateCorpus(scale));
    const check = spawnSync(process.execPath, ['scripts/lib/check-step.ts', join(work, 'prepared.json'), join(work, 'links.json'), prepared, preparedInEffect], {
      env: { ...process.env, SEC_CONTENT_DIR: content, SEC_CACHE_DIR: cache, SEC_AS_OF: asOf },
      stdio: 'inherit',
    });
    if (check.status !== 0) throw new Error(`the content check of the generated corpus failed (exit ${check.status})`);
  }
  const records = JSON.parse(await readFile(prepared, 'utf8'));
  const inEffectRecords = JSON.parse(await readFile(preparedInEffect, 'utf8'));
  const site = join(work, 'search-site');
  await rm(site, { recursive: true, force: true });
  await cp(values.site as string, site, { recursive: true });
  const bundles = [
    { name: 'pagefind-in-effect', records: inEffectRecords, outputPath: join(site, 'pagefind-in-effect') },
    { name: 'pagefind', records, outputPath: join(site, 'pagefind') },
  ];
  // With --keep, bundles indexed by the run before are reused (the first indexing then shows which).
  const searchCache = join(work, 'search-cache');
  if (!values.keep) await rm(searchCache, { recursive: true, force: true });
  let started = performance.now();
  const indexed = await indexSearch(bundles, searchCache);
  const indexSeconds = round((performance.now() - started) / 1000);
  started = performance.now();
  const again = await indexSearch(bundles, searchCache);
  const unchangedSeconds = round((performance.now() - started) / 1000);
  const { server, port } = await serve(site);
  const browser = await launchChromium();
  const runs = async (path: string) => {
    const all = [];
    for (let k = 0; k < 3; k++) all.push(await firstSearchQuery(browser, port, path));
    return {
      ...(all[0] as object),
      msToFirstResult: round(median(all.map((r) => r.msToFirstResult))),
      msRuns: all.map((r) => r.msToFirstResult),
      pagefindMsRuns: all.map((r) => r.pagefindMs),
    };
  };
  try {
    const search = {
      when: new Date().toISOString(),
      scale,
      records: { inEffect: inEffectRecords.length, allVersions: records.length },
      indexBytes: { inEffect: indexed[0]?.bytes, allVersions: indexed[1]?.bytes },
      indexSeconds,
      reusedFromRunBefore: indexed.map((b) => b.reused),
      // Indexing the same records again: both bundles copied from the cache.
      unchanged: { seconds: unchangedSeconds, reused: again.map((b) => b.reused) },
      firstQuery: await runs('/search/?q=migration'),
      firstQueryAllVersions: await runs('/search/all/?q=migration'),
      clauseNumberAllVersions: await runs('/search/all/?q=8.6'),
    };
    console.log(JSON.stringify(search, null, 1));
    // Not over the full bench's figures.
    const json = values.json === 'bench/last-run.json' ? 'bench/last-search.json' : (values.json as string);
    await writeFile(json, `${JSON.stringify(search, null, 1)}\n`);
    console.log(`\nwritten to ${json}`);
  } finally {
    await browser.close();
    server.close();
  }
}

if (values.only === 'search') await searchOnly();
else if (values.only === 'compare') await compareOnly();
else if (values.only) throw new Error(`--only ${values.only}: the parts that run alone are \`search\` and \`compare\``);
else await main();
