import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves a built site folder the way a static host does (`/x/` → `x/index.html`, otherwise
 * `404.html` with status 404) on a free port of 127.0.0.1. For tests of builds made outside `dist/`.
 * Under `base` (`/sec-versions/`), the folder is served at that path and nothing outside it is.
 */
export async function serveStatic(root: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const served = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const path = served.startsWith(base) ? `/${served.slice(base.length)}` : '/.outside-the-base-path';
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(root, '404.html');
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
