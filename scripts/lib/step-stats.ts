import { writeFile } from 'node:fs/promises';

/** For the benchmark: a build step's peak memory, written beside the build's own figures. */
export async function writeStepStats(step: string): Promise<void> {
  const file = process.env.SEC_BUILD_STATS;
  if (file) await writeFile(`${file}.${step}`, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}
