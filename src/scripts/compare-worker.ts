/// <reference lib="webworker" />
/**
 * The comparison engine in a Web Worker: the same core modules the build uses, so a comparison
 * computed in the browser has the same rows, marks and markup as a pre-built one.
 */
import { toHtml } from 'hast-util-to-html';
import { alignClauses } from '#compare/align-clauses.ts';
import { h } from 'hastscript';
import { withBaseLinks } from '#render/base-links.ts';
import { renderChangeNav, renderCompare, renderSummary } from '#render/render-compare.ts';
import { renderChangeList } from '#render/render-change-list.ts';
import { decodeVersion, type VersionData } from '#publish/version-data.ts';

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

/** What the worker answers: the summary and the comparison as HTML, or an error. */
export type ComputeResult = { summary: string; compare: string } | { error: string };

self.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  try {
    const { from, to, fromLabel, toLabel, fromPage, toPage, base = '/' } = event.data;
    const before = decodeVersion(JSON.parse(from) as VersionData);
    const after = decodeVersion(JSON.parse(to) as VersionData);
    const rows = alignClauses(before, after);
    const result: ComputeResult = {
      summary: toHtml(withBaseLinks(renderSummary(rows), base)),
      compare: toHtml(
        withBaseLinks(
          [
            renderChangeNav(rows),
            h('div', { className: ['cmp-with-list'] }, [
              renderChangeList(rows),
              renderCompare(rows, { from: fromLabel, to: toLabel, clauses: { old: before, new: after }, ...(fromPage && toPage ? { pages: { old: fromPage, new: toPage } } : {}) }),
            ]),
          ],
          base,
        ),
      ),
    };
    self.postMessage(result);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ComputeResult);
  }
});
