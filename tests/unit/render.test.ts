import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { countChanges, rowId } from '#compare/change-kinds.ts';
import { renderChangeNav, renderCompare, renderSummary } from '#render/render-compare.ts';
import { renderVersion } from '#render/render-version.ts';

const clauses = (markdown: string) => parseClauses(markdown, { file: 't.md' }).clauses;

describe('renderVersion', () => {
  const html = toHtml(renderVersion(clauses('## 2 Scope\n\n2.3 The DCC shall act.\n\n(a) promptly; and\n\n(b) fairly.')));

  it('gives every clause the id of its slug and a permalink', () => {
    expect(html).toContain(
      '<h2 id="2" class="clause clause-heading"><span id="2-scope" class="clause-alias"></span><span id="scope" class="clause-alias"></span><a class="clause-label" href="#2">2</a> Scope',
    );
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

describe('renderCompare: identity across versions', () => {
  const html = (oldMd: string, newMd: string) => {
    const rows = alignClauses(clauses(oldMd), clauses(newMd));
    return { rows, html: toHtml(renderCompare(rows, { from: 'v1', to: 'v2' })), summary: toHtml(renderSummary(rows)) };
  };

  it('shows a split as one row naming every part, each with its label', () => {
    const { html: out } = html(
      '## 2 Records\n\n2.2 The Licensee shall keep every record for six years. The Licensee shall show any record to the Authority on request.',
      '## 2 Records\n\n2.2 The Licensee shall keep every record for six years.\n\n2.3 The Licensee shall show any record to the Authority on request.',
    );
    expect(out).toContain('id="c-2.2" data-change="split" data-from="2.2" data-to="2.2 2.3"');
    expect(out).toContain('aria-label="Clause 2.2: split from 2.2"');
    expect(out).toContain('<div class="cmp-piece"><span class="cmp-label">2.3</span> <p>The Licensee shall show any record to the Authority on request.</p></div>');
    expect(out).not.toContain('<del');
  });

  it('shows a merge as one row naming every merged clause', () => {
    const { html: out } = html(
      '## 3 Hours\n\n3.2 On Saturdays the Centre opens at ten in the morning.\n\n3.3 On Sundays the Centre is closed to all visitors.',
      '## 3 Hours\n\n3.2 On Saturdays the Centre opens at ten in the morning, and on Sundays the Centre is closed to all visitors.',
    );
    expect(out).toContain('data-change="merged" data-from="3.2 3.3" data-to="3.2" data-reworded="true"');
    expect(out).toContain('<p class="cmp-note">merged from 3.2 and 3.3 and reworded</p>');
  });

  it('says where a moved clause came from', () => {
    const { html: out } = html(
      '## 1 Members\n\n1.1 Members pay the subscription by the end of March.\n\n## 3 Finance\n\n3.1 The Treasurer keeps the accounts.',
      '## 1 Members\n\n## 3 Finance\n\n3.1 The Treasurer keeps the accounts.\n\n3.2 Members pay the subscription by the end of March.',
    );
    expect(out).toContain('data-change="moved" data-from="1.1" data-to="3.2"');
    expect(out).toContain('<p class="cmp-note">moved from Section 1 (was 1.1)</p>');
  });

  it('marks a reference that follows its renumbered target as consequential, and counts the row as unchanged', () => {
    const {
      rows,
      html: out,
      summary,
    } = html(
      '## 5 A\n\n5.1 The first duty of the DCC.\n\n5.2 The second duty of the DCC.\n\n5.3 The DCC acts under Clause 5.2 only.',
      '## 5 A\n\n5.1 The first duty of the DCC.\n\n5.2 A new duty of the Supplier alone.\n\n5.3 The second duty of the DCC.\n\n5.4 The DCC acts under Clause 5.3 only.',
    );
    expect(countChanges(rows)).toMatchObject({ renumbered: 2, inserted: 1, modified: 0 });
    expect(out).toContain('id="c-5.4" data-change="renumbered" data-from="5.3" data-to="5.4" data-consequential="true"');
    expect(out).toContain('Clause <del class="diff-inline consequential">5.2</del><ins class="consequential">5.3</ins> only.');
    expect(out).toContain('<p class="cmp-note">renumbered from 5.3 with consequential changes</p>');
    expect(summary).toContain('renumbered: <a href="#c-5.3">5.2 → 5.3</a>, <a href="#c-5.4">5.3 → 5.4</a>');
  });

  it('lists unchanged clauses whose only change is consequential apart', () => {
    const { summary } = html(
      '## 5 A\n\n5.1 First.\n\n5.2 Second duty here.\n\n## 6 B\n\n6.1 Under Clause 5.2 it acts.',
      '## 5 A\n\n5.1 First.\n\n5.2 A brand new clause entirely.\n\n5.3 Second duty here.\n\n## 6 B\n\n6.1 Under Clause 5.3 it acts.',
    );
    expect(summary).toContain('<span class="count" data-count="consequential">1</span> with consequential changes only: <a href="#c-6.1">6.1</a>');
  });
});

describe('renderCompare: navigation and context', () => {
  const lines = Array.from({ length: 14 }, (_, i) => `1.${i + 1} Clause number ${i + 1} of the section says something of its own.`);
  const changed = [...lines];
  changed[5] = '1.6 Clause number 6 of the section now says something else of its own.';
  const rows = alignClauses(clauses(['## 1 S', ...lines].join('\n\n')), clauses(['## 1 S', ...changed].join('\n\n')));
  const out = toHtml(renderCompare(rows, { from: 'v1', to: 'v2' }));

  it("records each unchanged row's distance to the nearest change, and folds the far ones", () => {
    expect(out).toContain('id="c-1.5" data-change="unchanged" data-from="1.5" data-to="1.5" data-distance="1"');
    expect(out).toContain('id="c-1.3" data-change="unchanged" data-from="1.3" data-to="1.3" data-distance="3"');
    expect(out).toContain('id="c-1.12" data-change="unchanged" data-from="1.12" data-to="1.12" data-distance="far"');
    expect(out).toContain('<summary>5 unchanged: 1.10 to 1.14</summary>');
    // Three far rows before the change (the heading, 1.1, 1.2) are too few to fold.
    expect(out).toContain(
      '<div class="compare"><div class="cmp-columns" aria-hidden="true"><div class="cmp-old">v1</div><div class="cmp-new">v2</div></div><div class="cmp-row" id="c-1"',
    );
  });

  it('gives each change plain links to its neighbours and a navigation bar', () => {
    expect(out).toContain('<p class="cmp-step"><span class="cmp-step-count">Change 1 of 1</span></p>');
    const nav = toHtml(renderChangeNav(rows));
    expect(nav).toContain('<nav class="cmp-nav" aria-label="Change navigation" data-change-nav="">');
    expect(nav).toContain('<a href="#c-1.6" data-step="next" rel="next">Next change</a>');
    expect(nav).toContain('1 change</span>');
  });
});
