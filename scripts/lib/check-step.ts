/**
 * The first step of `npm run build`, in a process of its own (so its memory is returned before
 * Astro starts): checks the content, printing every problem, and writes what the later steps
 * need of it (the search records and the link sources) to the file named on the command line.
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

const [output] = process.argv.slice(2);
if (!output) throw new Error('usage: check-step.ts <prepared.json>');
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
await writeFile(output, JSON.stringify({ records, inEffectRecords, links }));
await writeStepStats('check');
