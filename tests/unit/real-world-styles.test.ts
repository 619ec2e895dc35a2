import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/check-site.ts';
import { loadSite, type SiteSources } from '#content/load-site.ts';
import type { Clause } from '#model/clause.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { renderVersion } from '#render/render-version.ts';

const parse = (markdown: string, linksBase?: string) => parseClauses(markdown, { file: 'v1.0.md', ...(linksBase ? { linksBase } : {}) });
const hrefs = (clause: Clause | undefined) => [...toHtml(clause?.content ?? []).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('numbers in context', () => {
  const { clauses, problems } = parse(
    ['## B. Accounts', '', '### 1. Opening', '', '1. Give your name.', '', '### 2. Closing', '', '#### 1. Notice', '', '## C. Use', '', '### 1. Fair use'].join('\n'),
  );
  const by = (slug: string) => clauses.find((c) => c.slug === slug);

  it('prefixes a heading numbered afresh with its section number, keeping the number shown as written', () => {
    expect(clauses.map((c) => [c.slug, c.number, c.label])).toEqual([
      ['b', 'B', 'B'],
      ['b.1', 'B.1', '1'],
      ['b.1.1', 'B.1.1', '1.'],
      ['b.2', 'B.2', '2'],
      ['b.2.1', 'B.2.1', '1'],
      ['c', 'C', 'C'],
      ['c.1', 'C.1', '1'],
    ]);
    expect(problems).toEqual([]);
  });

  it('nests each level under the one above it', () => {
    expect(by('b.2.1')).toMatchObject({ parent: 'b.2', depth: 2, path: ['B Accounts', '2 Closing'] });
    expect(by('b.1.1')).toMatchObject({ parent: 'b.1', kind: 'clause' });
  });

  it('leaves numbers written in full as they are', () => {
    const full = parse('## 4 Fees\n\n### 4.1 Annual fee\n\n4.1.1 Paid in March.\n\n## H14 Testing\n\n### H14.2 Tests\n').clauses;
    expect(full.map((c) => c.number)).toEqual(['4', '4.1', '4.1.1', 'H14', 'H14.2']);
  });

  it('reads "§ 1" as a section number, shown as written', () => {
    const [section, item] = parse('## § 3 Duties\n\n1. The club keeps the boats safe.\n').clauses;
    expect(section).toMatchObject({ slug: '3', number: '3', label: '§ 3', text: 'Duties' });
    expect(item).toMatchObject({ slug: '3.1', number: '3.1', parent: '3' });
  });
});

describe('duplicate numbers', () => {
  it('are warnings: the second gets <slug>~2, the third ~3, and the warning names both lines', () => {
    const { clauses, problems } = parse('## A. Rules\n\n### 1. One\n\n### 1. Again\n\n### 1. Thrice\n');
    expect(clauses.map((c) => [c.slug, c.number])).toEqual([
      ['a', 'A'],
      ['a.1', 'A.1'],
      ['a.1~2', 'A.1'],
      ['a.1~3', 'A.1'],
    ]);
    expect(problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      ['warning', 5, 'duplicate clause A.1 (lines 3 and 5): this one is anchored #a.1~2'],
      ['warning', 7, 'duplicate clause A.1 (lines 3 and 7): this one is anchored #a.1~3'],
    ]);
  });

  it('still warn when numbers go backwards', () => {
    const { problems } = parse('## B. Later\n\n## A. Earlier\n');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: 'clause numbers go backwards: A comes after B (line 1)' })]);
  });
});

describe('anchor aliases', () => {
  it('answers to GitHub and kramdown heading slugs, and rewrites links to them', () => {
    const { clauses, problems } = parse('## K. Payment\n\nSee [payment](#k-payment) and [terms](#4-additional-terms).\n\n## 4. Additional Terms\n');
    // kramdown drops what comes before the first letter: the same as GitHub's here, different for "4. …".
    expect(clauses[0]).toMatchObject({ slug: 'k', aliases: ['k-payment'] });
    expect(clauses[2]).toMatchObject({ slug: '4', aliases: ['4-additional-terms', 'additional-terms'] });
    expect(hrefs(clauses[1])).toEqual(['#k', '#4']);
    expect(problems).toEqual([]);
  });

  it('answers to explicit ids in inline HTML', () => {
    const { clauses } = parse('1. <span class="h" id="5.3.a">Scope</span> of the rules.\n2. As [above](#5.3.a).\n');
    expect(clauses[0]).toMatchObject({ slug: '1', aliases: ['5.3.a'] });
    expect(hrefs(clauses[1])).toEqual(['#1']);
  });

  it('answers to {#id} attributes, which are not shown as text', () => {
    const { clauses } = parse('## Fees {#fees}\n\nThe fee is due in March. {#due}\n\nSee [fees](#fees) and [due](#due).\n');
    expect(clauses[0]).toMatchObject({ slug: 'fees', text: 'Fees' });
    expect(clauses[1]).toMatchObject({ slug: 'fees-p1', aliases: ['due'], text: 'The fee is due in March.' });
    expect(hrefs(clauses[2])).toEqual(['#fees', '#fees-p1']);
  });

  it('never gives an id twice: a clause slug wins, then the first clause to claim an alias', () => {
    const { clauses } = parse('## 1 Intro\n\n## Intro\n\n## 1 Intro\n');
    // GitHub gives the second "1 Intro" `1-intro-1`; kramdown's "intro" (of the first) is the second heading's own slug.
    expect(clauses.map((c) => [c.slug, c.aliases ?? []])).toEqual([
      ['1', ['1-intro']],
      ['intro', ['intro-1']],
      ['1~2', ['1-intro-1', 'intro-2']],
    ]);
  });

  it('puts each alias on the page as an empty element inside the clause', () => {
    const html = toHtml(renderVersion(parse('## K. Payment\n\n1. <span id="pay.1">Pay</span> on time.\n').clauses));
    expect(html).toContain('<h2 id="k" class="clause clause-heading"><span id="k-payment" class="clause-alias"></span><a class="clause-label"');
    expect(html).toContain('<div id="k.1" class="clause depth-0"><span id="pay.1" class="clause-alias"></span>');
  });
});

describe('linksBase', () => {
  it('writes root-relative links absolute against it', () => {
    const { clauses, problems } = parse('1.1 Read [the guide](/articles/guide#top) and [this](#1.1).\n', 'https://example.org/base/');
    expect(hrefs(clauses[0])).toEqual(['https://example.org/articles/guide#top', '#1.1']);
    expect(problems).toEqual([]);
  });

  it('without it, keeps root-relative links as links to this site, for the link check to find or report', () => {
    const { clauses, problems } = parse('1.1 Read [one](/a) and [two](/b); [elsewhere](https://example.org/c) is fine.\n');
    expect(hrefs(clauses[0])).toEqual(['/a', '/b', 'https://example.org/c']);
    expect(problems).toEqual([]);
  });

  it('is read from the document index.md', () => {
    const sources: SiteSources = {
      documents: [{ file: 'content/documents/td/index.md', text: '---\ntitle: T\nshortName: T\nsecReference: X\nlinksBase: https://example.org\n---\n' }],
      versions: [
        { file: 'content/documents/td/v1.0.md', text: '---\nversion: "1.0"\nstatus: designated\ndesignated: 2020-01-01\neffective: 2020-01-01\n---\n1.1 See [it](/x).\n' },
      ],
      directions: [],
    };
    const { site, problems } = loadSite(sources, '2021-01-01');
    expect(problems).toEqual([]);
    expect(hrefs(site?.documents[0]?.versions[0]?.clauses[0])).toEqual(['https://example.org/x']);
  });
});

describe('the real-world styles fixture', () => {
  it("passes the content check with warnings only for the repeated number; its links to an alias go to the clause's own anchor", async () => {
    const root = 'tests/fixtures/real-world-styles';
    const { site, lines } = await checkContent(root, '2025-01-01');
    expect(lines.filter((l) => / (error|warning): /.test(l)).map((l) => l.replace(`${root}/`, '').split('\n')[0])).toEqual([
      'documents/club/v1.0.md:30:1 warning: duplicate clause B.1 (lines 23 and 30): this one is anchored #b.1~2',
      'documents/club/v1.0.md:32:1 warning: duplicate clause B.1.1 (lines 25 and 32): this one is anchored #b.1.1~2',
    ]);
    const clauses = site?.documents[0]?.versions[0]?.clauses ?? [];
    const by = (slug: string) => clauses.find((c) => c.slug === slug);
    expect(hrefs(by('a.1.1'))).toEqual(['https://rowing.example.org/join/form']);
    expect(hrefs(by('a.1.2'))).toEqual(['#c']);
    expect(hrefs(by('b.1.2'))).toEqual(['#4']);
    expect(hrefs(by('c.2'))).toEqual(['#c.1']);
    expect(hrefs(by('4.1'))).toEqual(['#4', 'https://rowing.example.org/notices/fees']);
    expect(by('b.1~2')).toMatchObject({ label: '1', text: 'Damage', aliases: ['1-damage', 'damage'] });
  });
});
