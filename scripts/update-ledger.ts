/**
 * `npm run ledger:update` (after a build): records the URLs the built site publishes in the
 * content folder's ledger, `published-urls.txt`. It only ever adds: a URL the site drops needs a
 * tombstone (the build refuses to drop it otherwise), and stays in the ledger for good.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { contentRoot } from '#content/environment.ts';
import { formatLedger, parseLedger, publishedUrls } from './lib/url-ledger.ts';
import { ledgerFile } from './lib/check-built-site.ts';
import { readBuiltSite } from './lib/read-built-site.ts';

const outDir = process.env.SEC_OUT_DIR ?? 'dist';
const file = ledgerFile(contentRoot());
if (!existsSync(outDir)) {
  console.error(`no built site in ${outDir}/: run npm run build first`);
  process.exit(1);
}
const before = existsSync(file) ? parseLedger(await readFile(file, 'utf8')).map((e) => e.url) : [];
const built = publishedUrls((await readBuiltSite(outDir)).pages.values());
const text = formatLedger([...before, ...built]);
await writeFile(file, text);
const added = new Set(built);
for (const url of before) added.delete(url);
console.log(`${file}: ${added.size} URL${added.size === 1 ? '' : 's'} added, ${new Set([...before, ...built]).size} in all`);
