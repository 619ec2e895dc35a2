/** `npm run check:content`: validates the content folder and lists every problem with file and line. */
import { asOfDate, contentRoot } from '#content/environment.ts';
import { checkSite } from './lib/check-site.ts';

const site = await checkSite(contentRoot(), asOfDate());
if (!site) process.exit(1);
const versions = site.documents.reduce((n, d) => n + d.versions.length, 0);
const clauses = site.documents.reduce((n, d) => n + d.versions.reduce((m, v) => m + v.clauses.length, 0), 0);
console.log(`content OK: ${site.documents.length} documents, ${versions} versions, ${clauses} clauses, ${site.directions.length} directions`);
