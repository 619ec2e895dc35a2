/**
 * The computation of a comparison in the browser, apart from the worker that runs it, so it can
 * be tested, timed and profiled outside a browser: the same core modules the build uses, so a
 * comparison computed in the browser has the same rows, marks and markup as a pre-built one.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { alignClauses } from '#compare/align-clauses.ts';
import { decodeVersion, type VersionData } from '#publish/version-data.ts';
import { withBaseLinks } from '#render/base-links.ts';
import { hastToHtml } from '#render/hast-to-html.ts';
import { renderChangeList } from '#render/render-change-list.ts';
import { renderChangeNav, renderCompareChildren, renderSummary } from '#render/render-compare.ts';

/** What the page sends: both versions' data as JSON text, and their labels. */
export interface ComputeRequest {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  /** The two versions' pages, where their `#1.1` links lead. */
  fromPage?: string;
  toPage?: string;
  /** The path the site is published under (`/sec-versions/`), when not the root: links are put under it as the build does. */
  base?: string;
}

/**
 * What the worker answers, in two parts so the first screen shows before the rest is diffed:
 * `first`, the summary and the comparison with its first rows (navigation, change list and the
 * `<div class="compare">` holding its first children); then `rest`, the HTML of the remaining
 * children of that `<div>`, to append to it. Or an error.
 */
export type ComputeResult = { part: 'first'; summary: string; compare: string } | { part: 'rest'; rows: string } | { error: string };

/** Children of the comparison sent in the first part: the column headings and enough rows (or folds) to fill a tall screen. */
const FIRST_CHILDREN = 24;

/** Aligns, diffs and renders two versions' data into the HTML the page shows, first part first. */
export function* computeComparison(request: ComputeRequest, firstChildren = FIRST_CHILDREN): Generator<ComputeResult, void, undefined> {
  const { from, to, fromLabel, toLabel, fromPage, toPage, base = '/' } = request;
  const before = decodeVersion(JSON.parse(from) as VersionData);
  const after = decodeVersion(JSON.parse(to) as VersionData);
  const rows = alignClauses(before, after);
  const children = renderCompareChildren(rows, {
    from: fromLabel,
    to: toLabel,
    clauses: { old: before, new: after },
    ...(fromPage && toPage ? { pages: { old: fromPage, new: toPage } } : {}),
  });
  const first: ElementContent[] = [];
  while (first.length < firstChildren) {
    const next = children.next();
    if (next.done) break;
    first.push(next.value);
  }
  yield {
    part: 'first',
    summary: hastToHtml(withBaseLinks(renderSummary(rows), base)),
    compare: hastToHtml(
      withBaseLinks([renderChangeNav(rows), h('div', { className: ['cmp-with-list'] }, [renderChangeList(rows), h('div', { className: ['compare'] }, first)])], base),
    ),
  };
  yield { part: 'rest', rows: hastToHtml(withBaseLinks([...children], base)) };
}
