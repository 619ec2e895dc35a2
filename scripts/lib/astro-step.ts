/**
 * The Astro step of `npm run build`, in a process of its own with a bounded heap: renders every
 * page into the folder named on the command line, with the cache folder named after it. Pages
 * whose cache key and code are unchanged since the last build are copied from the cache
 * (`experimental.incrementalBuild`); what was rendered is recorded in the cache folder.
 */
import { mkdir } from 'node:fs/promises';
import { build } from 'astro';
import { FILES_OUTSIDE_ASTRO } from '#data/outside-astro.ts';
import { markFinished, markStarted } from './astro-cache.ts';
import { writeStepStats } from './step-stats.ts';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: astro-step.ts <outDir> <cacheDir>');
await mkdir(cacheDir, { recursive: true });
const start = await markStarted(cacheDir);
// The downloads and data files are written by the step beside this one (scripts/lib/files-step.ts).
process.env[FILES_OUTSIDE_ASTRO] = '1';
await build({ root: process.cwd(), outDir, cacheDir, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
// The pages it rendered and copied are printed by the step after it, which adds its own (scripts/lib/histories-step.ts).
await markFinished(cacheDir, outDir, start);
await writeStepStats('astro');
