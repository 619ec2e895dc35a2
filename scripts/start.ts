/**
 * `npm start`: builds the site and serves it, with `SITE_URL` set to the address it is served
 * at (unless given), so citations, feeds and the ¶ links all name an address that answers.
 * A `SITE_URL` with a path (`http://127.0.0.1:4321/sec-versions/`) builds and serves the site
 * under that path, as a host publishing it there would.
 */
import { spawnSync } from 'node:child_process';
import { sitePath } from '#publish/urls.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';
const env = { ...process.env, SITE_URL: process.env.SITE_URL ?? `http://${host}:${port}/` };
const local = `http://${host}:${port}${sitePath(env.SITE_URL)}`;
console.log(local === env.SITE_URL ? `Serving at ${local} (SITE_URL)` : `Serving at ${local}, built for ${env.SITE_URL} (SITE_URL)`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const args of [
  ['run', 'build'],
  // astro preview serves the site under the path astro.config.mjs takes from SITE_URL.
  ['exec', '--', 'astro', 'preview', '--host', host, '--port', port],
]) {
  const result = spawnSync(npm, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
