/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a generated page is
 * copied from the previous build when its key and its code are unchanged, so each key must change
 * whenever anything the page renders changes, and should not change otherwise.
 *
 * A key is a SHA-256 over the page's inputs: the site-wide facts every page's layout shows (the
 * address the site is published at, the as-of date that decides "in effect", the removed-anchor
 * notes, the list of documents), the frame of its document (the document's own fields, every
 * version's dates, states and labels, and the directions that mention it), and the contents
 * only of the versions and clauses the page shows. Code is not part of a key: Astro hashes each
 * page's module graph itself.
 */
import { createHash } from 'node:crypto';
import type { ClauseHistory, HistoryEntry } from '#compare/clause-history.ts';
import type { Clause } from '#model/clause.ts';
import type { DirectionRecord, DocumentRecord, Site, VersionRecord } from '#model/site-model.ts';

/** What the keys are computed from, besides the site itself. */
export interface PageCacheInputs {
  site: Site;
  /** The address the site is published at (`SITE_URL`): canonical links and citations name it. */
  siteUrl: string;
  /** Facts every page's layout shows whatever the page (the removed-anchor notes of tombstones.yaml). */
  layoutFacts: unknown;
  /** Old number → new number between two versions, as clause histories mark renumbered references. */
  renumbered: (from: VersionRecord, to: VersionRecord) => ReadonlyMap<string, string>;
}

/** A cache key for each kind of generated page. */
export interface PageCacheKeys {
  /** Pages that show a whole document: its page, feed, "in effect" and latest pages, and each version's page (which links clauses to their histories and to the version in effect). */
  document(document: DocumentRecord): string;
  /**
   * A version's reading page: the document's key, and the frames and texts of the other documents
   * its text names, into which its cross-references may lead with a preview of the clause.
   */
  reading(document: DocumentRecord): string;
  /** A version's own files (JSON, Akoma Ntoso, Word, browser data): the version's text and its document's frame. */
  version(document: DocumentRecord, version: VersionRecord): string;
  /** A comparison (page, Word file, JSON): the two versions' texts and the document's frame. */
  compare(document: DocumentRecord, from: VersionRecord, to: VersionRecord): string;
  /** A clause history: the clause in each version it appears in, and the renumberings its marked changes follow. */
  history(document: DocumentRecord, history: ClauseHistory): string;
  /** A direction's page: every direction and every document's frame (a direction links the versions it designates). */
  direction(direction: DirectionRecord): string;
  /** A removed page's notice. */
  removed(tombstone: unknown): string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A clause's rendered fields (its source position is not shown on any page, so an edit above it does not change it). */
function clauseFields(clause: Clause): Omit<Clause, 'start' | 'end'> {
  const { start: _start, end: _end, ...fields } = clause;
  return fields;
}

/** A version's fields other than its text. */
function versionFields(version: VersionRecord): Omit<VersionRecord, 'clauses'> {
  const { clauses: _clauses, ...fields } = version;
  return fields;
}

/** Computes the cache keys of every generated page of a site; each part is hashed once per build. */
export function pageCacheKeys(inputs: PageCacheInputs): PageCacheKeys {
  const { site } = inputs;
  const siteKey = sha256(
    JSON.stringify({
      siteUrl: inputs.siteUrl,
      asOf: site.asOf,
      layout: inputs.layoutFacts,
      documents: site.documents.map((d) => [d.id, d.shortName, d.title, d.secReference, d.parent ?? null, d.order]),
    }),
  );

  const clauseHashes = new WeakMap<Clause, string>();
  const clauseHash = (clause: Clause): string => {
    let hash = clauseHashes.get(clause);
    if (hash === undefined) {
      hash = sha256(JSON.stringify(clauseFields(clause)));
      clauseHashes.set(clause, hash);
    }
    return hash;
  };

  const versionHashes = new WeakMap<VersionRecord, string>();
  /** A version's text: every clause, positions included (safe: only over-renders). */
  const versionText = (version: VersionRecord): string => {
    let hash = versionHashes.get(version);
    if (hash === undefined) {
      hash = sha256(JSON.stringify(version.clauses.map((c) => [clauseHash(c), c.start, c.end])));
      versionHashes.set(version, hash);
    }
    return hash;
  };

  const frames = new Map<string, string>();
  /** The document's fields, its versions' fields (dates, states, labels) and the directions that mention it. */
  const frame = (document: DocumentRecord): string => {
    let hash = frames.get(document.id);
    if (hash === undefined) {
      const { versions, ...fields } = document;
      const versionIds = new Set(versions.map((v) => v.direction).filter((id) => id !== undefined));
      const consultations = new Set(versions.flatMap((v) => v.consultations));
      const directions = site.directions.filter(
        (d) =>
          versionIds.has(d.id) ||
          d.designations.some((x) => x.document === document.id) ||
          d.annexes.some((a) => a.document === document.id) ||
          d.consultations.some((c) => consultations.has(c.id) || c.documents.includes(document.id)),
      );
      hash = sha256(JSON.stringify({ siteKey, fields, versions: versions.map(versionFields), directions }));
      frames.set(document.id, hash);
    }
    return hash;
  };

  const documentKeys = new Map<string, string>();
  const readingKeys = new Map<string, string>();
  const allFrames = (): string => sha256(JSON.stringify(site.documents.map(frame)));
  let directionsKey: string | undefined;

  const entryKey = (entry: HistoryEntry | undefined) => (entry ? [entry.version.version, clauseHash(entry.clause)] : null);
  // A pair's renumbering is the same for every clause of it: listed once, not once per clause history.
  const renumberings = new WeakMap<ReadonlyMap<string, string>, Array<[string, string]>>();
  const renumbering = (from: HistoryEntry | undefined, to: HistoryEntry) => {
    if (!from || from.clause.text === to.clause.text) return null;
    const map = inputs.renumbered(from.version, to.version);
    let list = renumberings.get(map);
    if (!list) {
      list = [...map].sort();
      renumberings.set(map, list);
    }
    return list;
  };

  /**
   * The other documents a document's text names (by SEC reference, title or short name): its
   * cross-references may lead into them, at the version in effect on each version's date, with a
   * preview of the clause they name. Over-inclusive by design: a name merely mentioned only
   * re-renders a page that did not need it.
   */
  const related = (document: DocumentRecord): DocumentRecord[] => {
    const text = document.versions.flatMap((v) => v.clauses.map((c) => c.text)).join('\n');
    return site.documents.filter((other) => other !== document && [other.secReference, other.title, other.shortName].some((name) => name && text.includes(name)));
  };

  return {
    document(document) {
      let key = documentKeys.get(document.id);
      if (key === undefined) {
        key = sha256(JSON.stringify(['document', frame(document), document.versions.map(versionText)]));
        documentKeys.set(document.id, key);
      }
      return key;
    },
    reading(document) {
      let key = readingKeys.get(document.id);
      if (key === undefined) {
        const others = related(document).map((other) => [other.id, frame(other), other.versions.map(versionText)]);
        key = sha256(JSON.stringify(['reading', this.document(document), others]));
        readingKeys.set(document.id, key);
      }
      return key;
    },
    version(document, version) {
      return sha256(JSON.stringify(['version', frame(document), version.version, versionText(version)]));
    },
    compare(document, from, to) {
      return sha256(JSON.stringify(['compare', frame(document), from.version, versionText(from), to.version, versionText(to)]));
    },
    history(document, history) {
      const entries = history.entries.map((entry) => ({
        at: entryKey(entry),
        kind: entry.kind,
        reworded: entry.reworded,
        consequential: entry.consequential,
        with: entry.with?.map(clauseHash) ?? null,
        previous: entryKey(entry.previous),
        draft: entryKey(entry.draft),
        renumberedSincePrevious: renumbering(entry.previous, entry),
        renumberedSinceDraft: renumbering(entry.draft, entry),
      }));
      const ended = history.ended ? [history.ended.version.version, history.ended.kind, history.ended.into ? clauseHash(history.ended.into) : null] : null;
      return sha256(JSON.stringify(['history', frame(document), history.slug, entries, ended]));
    },
    direction(direction) {
      directionsKey ??= sha256(JSON.stringify([siteKey, site.directions, allFrames()]));
      return sha256(JSON.stringify(['direction', directionsKey, direction.id]));
    },
    removed(tombstone) {
      return sha256(JSON.stringify(['removed', siteKey, tombstone]));
    },
  };
}
