import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '../../src/lib/align-clauses.ts';
import { parseClauses } from '../../src/lib/parse-clauses.ts';
import { countChanges, renderCompare, renderSummary, rowId } from '../../src/lib/render-compare.ts';
import { renderVersion } from '../../src/lib/render-version.ts';

const clauses = (markdown: string) => parseClauses(markdown, { file: 't.md' }).clauses;

describe('renderVersion', () => {
  const html = toHtml(renderVersion(clauses('## 2 Scope\n\n2.3 The DCC shall act.\n\n(a) promptly; and\n\n(b) fairly.')));

  it('gives every clause the id of its slug and a permalink', () => {
    expect(html).toContain('<h2 id="2" class="clause clause-heading"><a class="clause-label" href="#2">2</a> Scope');
    expect(html).toContain('<div id="2.3" class="clause depth-0"><a class="clause-label" href="#2.3">2.3</a>');
    expect(html).toContain('<div id="2.3-a" class="clause depth-1"><a class="clause-label" href="#2.3-a">(a)</a>');
    expect(html).toContain('<a class="permalink" href="#2.3-b" data-copy-link="" title="Link to clause 2.3(b)" aria-label="Link to clause 2.3(b)">');
  });

  it('wraps each top-level section so it can be skipped when off screen', () => {
    expect(html.startsWith('<div class="doc-text"><section class="doc-section" aria-labelledby="2">')).toBe(true);
  });

  it('renders content text that looks like markup as text', () => {
    const escaped = toHtml(renderVersion(clauses('1.1 Type \\<script\\>alert("x")\\</script\\> to see.')));
    expect(escaped).toContain('&#x3C;script>alert("x")&#x3C;/script>');
    expect(escaped).not.toContain('<script>');
  });

  it('renders a table with an anchor on each row', () => {
    const table = toHtml(renderVersion(clauses('| Model | Fuel |\n| --- | --- |\n| A | Gas |')));
    expect(table).toContain('<table id="table" class="clause-table"><thead><tr><th scope="col">Model</th><th scope="col">Fuel</th></tr></thead>');
    expect(table).toContain('<tr id="table-a" class="clause-row"><th scope="row">A <a class="permalink"');
  });
});

describe('renderCompare', () => {
  const rows = alignClauses(
    clauses('1.1 The period is 48 hours.\n\n1.2 Old clause to go away entirely now.'),
    clauses('1.1 The period is 336 hours.\n\n1.2 A brand new clause about something else.'),
  );

  it('carries the kind of change and both slugs on each row', () => {
    const html = toHtml(renderCompare(rows, { from: 'v1', to: 'v2' }));
    expect(html).toContain('id="c-1.1" data-change="modified" data-from="1.1" data-to="1.1"');
    expect(html).toContain('id="c-del-1.2" data-change="deleted" data-from="1.2"');
    expect(html).toContain('id="c-1.2" data-change="inserted" data-to="1.2"');
    expect(html).toContain('<del>48</del>');
    expect(html).toContain('<ins>336</ins>');
  });

  it('counts and links each change in the summary', () => {
    expect(countChanges(rows)).toMatchObject({ modified: 1, inserted: 1, deleted: 1, unchanged: 0 });
    const summary = toHtml(renderSummary(rows));
    expect(summary).toContain('<span class="count" data-count="modified">1</span> modified: <a href="#c-1.1">1.1</a>');
    expect(rows.map(rowId)).toEqual(['c-1.1', 'c-del-1.2', 'c-1.2']);
  });
});
