/**
 * The link check of `npm run build`, in a process of its own after Astro and Pagefind are done:
 * reads the built site (only its re-rendered pages when the cache allows, see link-index.ts),
 * checks every link and the URL ledger, and prints what it found. The link sources come from
 * the content check's file, so the build's orchestrator never holds them. Exits 1 when a link
 * is broken or a published URL dropped.
 */
import { readFile } from 'node:fs/promises';
import { checkBuiltSite, type LinkSources } from './check-built-site.ts';
import { writeStepStats } from './step-stats.ts';

const [site, sourcesFile, root, siteUrl, previous, cacheDir] = process.argv.slice(2);
if (!site || !sourcesFile || !root || !siteUrl || !previous || !cacheDir)
  throw new Error('usage: links-step.ts <site> <links.json> <content root> <site URL> <previous site> <cache dir>');
const sources = JSON.parse(await readFile(sourcesFile, 'utf8')) as LinkSources;
const report = await checkBuiltSite(site, sources, root, siteUrl, previous, cacheDir);
for (const line of report.lines) (report.ok ? console.log : console.error)(line);
await writeStepStats('links');
process.exitCode = report.ok ? 0 : 1;
