/**
 * The Astro step of `npm run build`, in a process of its own with a bounded heap: renders every
 * page into the folder named on the command line, with the cache folder named after it.
 */
import { build } from 'astro';
import { writeStepStats } from './step-stats.ts';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: astro-step.ts <outDir> <cacheDir>');
await build({ root: process.cwd(), outDir, cacheDir, logLevel: process.env.SEC_LOG_LEVEL === 'info' ? 'info' : 'warn' });
await writeStepStats('astro');
