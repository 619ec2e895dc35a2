import type { Element, Root } from 'xast';
import { x } from 'xastscript';
import { citeVersion } from './citation.ts';
import { describeChanges, type DesignationRecord } from './feed-entries.ts';
import { formatDate } from '#model/format-date.ts';
import { absoluteUrl, apiVersionUrl, compareUrl, directionUrl, versionUrl } from './urls.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** What distinguishes one feed from another: its title and where it and its HTML page live. */
export interface FeedOptions {
  title: string;
  subtitle?: string;
  /** Site path of the feed itself: `/tmad/feed.xml`. Its absolute URL is the feed's id. */
  path: string;
  /** Site path of the page the feed follows: `/tmad/`. */
  alternate: string;
}

/** A `YYYY-MM-DD` day as an RFC 3339 timestamp, midnight UTC. */
export function atomDate(date: string): string {
  return `${date}T00:00:00Z`;
}

/** The title of a designation entry: `TMAD v6.0 designated, in legal effect from 26 July 2020`. */
export function entryTitle(record: DesignationRecord): string {
  const { document, version } = record;
  return `${document.shortName} v${version.version} designated, in legal effect from ${formatDate(version.effective ?? record.date)}`;
}

/** The plain-text summary of a designation: who designated what, from when, and what changed. */
export function entrySummary(record: DesignationRecord): string {
  const { document, version, direction, previous, counts } = record;
  const by = direction ? ` by the direction “${direction.title}”` : '';
  const effect = version.effective ? `, in legal effect from ${formatDate(version.effective)}` : '';
  const changes = previous && counts ? ` Changes since v${previous.version}: ${describeChanges(counts)}.` : ' The first version on this site.';
  const illustrative = version.illustrative ? ' The text on this site is illustrative.' : '';
  return `${citeVersion(document, version)}, ${document.title}, designated on ${formatDate(record.date)}${by}${effect}.${changes}${illustrative}`;
}

/**
 * An Atom feed (RFC 4287) of designations, built as an XML tree. (xastscript reads an object
 * in second place as attributes, so element children are always passed in arrays.) Every date comes from the
 * content, so the same content gives the same bytes: `updated` is the newest designation's date.
 */
export function designationFeed(options: FeedOptions, records: readonly DesignationRecord[], site: URL | string): Root {
  const url = (path: string) => absoluteUrl(path, site);
  const updated =
    records
      .map((r) => r.date)
      .sort()
      .at(-1) ?? '1970-01-01';
  const feed = x(
    'feed',
    { xmlns: ATOM, 'xml:lang': 'en-GB' },
    x('id', url(options.path)),
    x('title', options.title),
    options.subtitle ? x('subtitle', options.subtitle) : undefined,
    x('updated', atomDate(updated)),
    x('author', [x('name', 'SEC versions'), x('uri', url('/'))]),
    x('link', { rel: 'self', type: 'application/atom+xml', href: url(options.path) }),
    x('link', { rel: 'alternate', type: 'text/html', href: url(options.alternate) }),
    ...records.map((record) => entry(record, url)),
  );
  return x(null, { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, feed);
}

function entry(record: DesignationRecord, url: (path: string) => string): Element {
  const { document, version, direction, previous } = record;
  const text = versionUrl(document.id, version.version);
  const redline = previous && record.hasRedline ? compareUrl(document.id, previous.version, version.version) : undefined;
  const summary = entrySummary(record);
  const links: Array<{ href: string; label: string }> = [
    { href: url(text), label: `Read ${document.shortName} v${version.version}` },
    ...(redline && previous ? [{ href: url(redline), label: `Red-line against v${previous.version}` }] : []),
    ...(direction ? [{ href: url(directionUrl(direction.id)), label: `The direction of ${formatDate(direction.date)}` }] : []),
    ...(version.source ? [{ href: version.source, label: 'Official text' }] : []),
  ];
  return x('entry', [
    x('id', url(text)),
    x('title', entryTitle(record)),
    x('updated', atomDate(record.date)),
    x('published', atomDate(record.date)),
    direction ? x('author', [x('name', direction.onBehalfOf ? `${direction.issuer}, for the ${direction.onBehalfOf}` : direction.issuer)]) : undefined,
    x('link', { rel: 'alternate', type: 'text/html', href: url(text), title: `${document.shortName} v${version.version}, full text` }),
    x('link', { rel: 'alternate', type: 'application/json', href: url(apiVersionUrl(document.id, version.version)), title: 'The text as data' }),
    redline && previous ? x('link', { rel: 'related', type: 'text/html', href: url(redline), title: `Red-line against v${previous.version}` }) : undefined,
    direction ? x('link', { rel: 'via', type: 'text/html', href: url(directionUrl(direction.id)), title: direction.title }) : undefined,
    version.source ? x('link', { rel: 'related', href: version.source, title: 'Official text' }) : undefined,
    x('category', { term: document.id, label: document.shortName }),
    x('summary', { type: 'text' }, summary),
    x('content', { type: 'xhtml' }, [
      x('div', { xmlns: XHTML }, [
        x('p', summary),
        x(
          'ul',
          links.map((link) => x('li', [x('a', { href: link.href }, link.label)])),
        ),
      ]),
    ]),
  ]);
}
