/**
 * A site whose versions read their clauses only when asked, and hold a few documents' clauses at
 * a time. Astro renders every page in one process; given the whole site with its texts, its memory
 * grew with the corpus (every version's clauses, alignments and histories stayed alive to the
 * end). Here a version's `clauses` is a property that reads its document's texts from the parse
 * cache on first use (`#node/deferred-parser.ts`) and keeps them among the last few documents
 * used. Astro renders route by route, each route's pages document by document, so a document is
 * read again at most once per route.
 *
 * What is computed from a document's texts (its alignments, its clause histories) must be let go
 * with them: `onRelease` says when. A document's texts are never released while it is the one
 * most recently used, so a page's own document keeps the same clause objects while it renders.
 */
import type { Clause } from '#model/clause.ts';
import type { Site } from '#model/site-model.ts';
import type { DeferredParser } from './deferred-parser.ts';

/** What the texts kept: how often documents were read and released. */
export interface TextsOnDemand {
  /** Called with a document's id after its texts were released: what was computed from them must go too. */
  onRelease(listener: (documentId: string) => void): void;
  /** Documents read (a document read again after its release counts again) and released. */
  readonly stats: { reads: number; releases: number };
}

/**
 * Makes every version of `site` (loaded with `texts.parse`) read its clauses on demand, keeping the
 * clauses of at most `documents` documents. The site's records are changed in place; nothing else
 * about them changes.
 */
export function textsOnDemand(site: Site, texts: DeferredParser, documents: number): TextsOnDemand {
  if (!Number.isInteger(documents) || documents < 1) throw new Error(`textsOnDemand: documents must be a whole number of at least 1, not ${documents}`);
  // Most recently used last: a Map iterates in insertion order.
  const held = new Map<string, Clause[][]>();
  const listeners: Array<(documentId: string) => void> = [];
  const stats = { reads: 0, releases: 0 };
  let latest: { id: string; clauses: Clause[][] } | undefined;

  for (const document of site.documents) {
    const read = (): Clause[][] => {
      // Pages read `clauses` in loops: the document most recently used is answered without touching the order.
      if (latest?.id === document.id) return latest.clauses;
      let clauses = held.get(document.id);
      if (clauses) {
        held.delete(document.id);
      } else {
        clauses = document.versions.map((version) => texts.clausesOf(version));
        stats.reads++;
      }
      held.set(document.id, clauses);
      while (held.size > documents) {
        const [oldest] = held.keys();
        if (oldest === undefined) break;
        held.delete(oldest);
        stats.releases++;
        for (const listener of listeners) listener(oldest);
      }
      latest = { id: document.id, clauses };
      return clauses;
    };
    document.versions.forEach((version, index) => {
      Object.defineProperty(version, 'clauses', { enumerable: true, configurable: true, get: () => read()[index] as Clause[] });
    });
  }

  return {
    onRelease(listener) {
      listeners.push(listener);
    },
    stats,
  };
}
