/**
 * The first step of `npm run build`, in a process of its own (so its memory is returned before
 * Astro starts): checks the content, printing every problem, and writes what the later steps
 * need of it to the files named on the command line: the number of version pages to the first,
 * the link sources to the second (read only by the link check's own process), the search records
 * of all versions and of the versions in effect to the third and fourth (read by the search step
 * after Astro), so the build's orchestrator holds none of them.
 * Exits 1 when the content has errors.
 */
import { writeFile } from 'node:fs/promises';
import { buildHistories } from '#compare/clause-history.ts';
import { contentRoot } from '#content/environment.ts';
import { cachedAligner } from '#node/align-cache.ts';
import { inEffectSearchRecords, searchRecords } from '#publish/search-records.ts';
import { linkSources } from './check-built-site.ts';
import { checkSite } from './check-site.ts';
import { writeStepStats } from './step-stats.ts';

const [output, linksOutput, searchOutput, inEffectSearchOutput] = process.argv.slice(2);
if (!output || !linksOutput || !searchOutput || !inEffectSearchOutput) throw new Error('usage: check-step.ts <prepared.json> <links.json> <search.json> <search-in-effect.json>');
const site = await checkSite(contentRoot(), process.env.SEC_AS_OF as string);
if (!site) process.exit(1);
// The search of all versions groups a clause's texts by its history (the alignments are cached
// on disk, for the pages to reuse).
const align = cachedAligner();
const histories = new Map(site.documents.map((d) => [d.id, buildHistories(d, (from, to) => align(from.clauses, to.clauses))]));
const records = searchRecords(site, (document, version, slug) => histories.get(document.id)?.slugOf(version, slug));
const inEffectRecords = inEffectSearchRecords(site);
// Every search result must lead somewhere: the link check follows the records' URLs too.
const links = linkSources(
  site,
  [...records, ...inEffectRecords].map((record) => record.url),
);
await writeFile(linksOutput, JSON.stringify(links));
// Apart: the search step reads each bundle's records only when it indexes that bundle.
await writeFile(searchOutput, JSON.stringify(records));
await writeFile(inEffectSearchOutput, JSON.stringify(inEffectRecords));
await writeFile(output, JSON.stringify({ versionPages: Object.keys(links.pages).length }));
await writeStepStats('check');
