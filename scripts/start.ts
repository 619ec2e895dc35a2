/**
 * `npm start`: builds the site and serves it, with `SITE_URL` set to the address it is served
 * at (unless given), so citations, feeds and the ¶ links all name an address that answers.
 */
import { spawnSync } from 'node:child_process';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';
const env = { ...process.env, SITE_URL: process.env.SITE_URL ?? `http://${host}:${port}/` };
console.log(`Serving at ${env.SITE_URL} (SITE_URL)`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const args of [
  ['run', 'build'],
  ['exec', '--', 'astro', 'preview', '--host', host, '--port', port],
]) {
  const result = spawnSync(npm, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
