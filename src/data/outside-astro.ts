/**
 * Whether this Astro run is the build's Astro step, whose downloads and data files are written
 * by a step of their own beside it (scripts/lib/files-step.ts): their routes then give no pages.
 * Told by the environment, not by `import.meta.env.DEV`, which is true in a build run with
 * NODE_ENV=test (as the build tests run it). `astro dev`, and `astro build` run by hand, render
 * them with Astro from the same functions.
 */
export const FILES_OUTSIDE_ASTRO = 'SEC_FILES_OUTSIDE_ASTRO';

/** True in the build's Astro step: the routes of src/publish/generated-files.ts give no pages. */
export function filesWrittenOutsideAstro(): boolean {
  return process.env[FILES_OUTSIDE_ASTRO] === '1';
}
