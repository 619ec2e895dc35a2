import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '#compare/align-clauses.ts';
import { citationText, citeVersion, clausePermalink, clauseTitle, excerpt } from '#publish/citation.ts';
import { clauseCounterparts, inEffectCounterparts } from '#compare/clause-counterparts.ts';
import type { Clause } from '#model/clause.ts';
import { citeLink, sameClauseLink } from '#render/render-clause-tools.ts';
import { renderVersion } from '#render/render-version.ts';
import { absoluteUrl } from '#publish/urls.ts';
import { SITE_URL, sampleSite } from '../support/sample-site.ts';

const site = sampleSite();
const td = site.documents[0]!;
const [v1, draft, v2] = td.versions as [(typeof td.versions)[0], (typeof td.versions)[0], (typeof td.versions)[0]];
const clause = (version: typeof v1, slug: string): Clause => {
  const found = version.clauses.find((c) => c.slug === slug);
  if (!found) throw new Error(`no clause ${slug} in v${version.version}`);
  return found;
};

describe('citationText', () => {
  it('names the document, version and clause, then the absolute permalink', () => {
    expect(citationText({ document: td, version: v2, clause: clause(v2, '1.3') }, SITE_URL)).toBe('SEC Appendix ZZ (TD) v2.0, clause 1.3 — https://sec.example.test/td/v2.0/#1.3');
  });

  it('names sub-paragraphs, sections and table rows the way the page does', () => {
    expect(citationText({ document: td, version: v2, clause: clause(v2, '1.3-a') }, SITE_URL)).toBe(
      'SEC Appendix ZZ (TD) v2.0, clause 1.3(a) — https://sec.example.test/td/v2.0/#1.3-a',
    );
    expect(citationText({ document: td, version: v1, clause: clause(v1, '2') }, SITE_URL)).toBe('SEC Appendix ZZ (TD) v1.0, section 2 — https://sec.example.test/td/v1.0/#2');
    expect(citationText({ document: td, version: v1, clause: clause(v1, '2-table-beta') }, SITE_URL)).toBe(
      'SEC Appendix ZZ (TD) v1.0, row “Beta” — https://sec.example.test/td/v1.0/#2-table-beta',
    );
  });

  it('builds on the configured site URL, whatever it is', () => {
    expect(clausePermalink({ document: td, version: draft, clause: clause(draft, '1.1') }, new URL('http://127.0.0.1:4321'))).toBe('http://127.0.0.1:4321/td/v2.0-draft/#1.1');
    expect(citeVersion(td, draft)).toBe('SEC Appendix ZZ (TD) v2.0-draft');
  });
});

describe('clauseTitle and excerpt', () => {
  it('titles a link preview as "TD v2.0 — clause 1.1"', () => {
    expect(clauseTitle({ document: td, version: v2, clause: clause(v2, '1.1') })).toBe('TD v2.0 — clause 1.1');
  });

  it('keeps short text whole and cuts long text at a word with an ellipsis', () => {
    expect(excerpt('  A short   text. ')).toBe('A short text.');
    const long = 'word '.repeat(100);
    const cut = excerpt(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(word )+word…$/);
    expect(excerpt(`${'x'.repeat(80)}`, 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('citeLink', () => {
  const html = toHtml(citeLink({ document: td, version: v2, clause: clause(v2, '1.1') }, SITE_URL));

  it('leads to the note on how to cite without JavaScript and holds the citation to copy', () => {
    expect(html).toContain('href="#how-to-cite"');
    expect(html).toContain('data-cite=""');
    expect(html).toContain('title="SEC Appendix ZZ (TD) v2.0, clause 1.1 — https://sec.example.test/td/v2.0/#1.1"');
    expect(html).toContain('aria-label="Cite clause 1.1"');
  });

  it('is what the version page adds beside each clause through the tools callback', () => {
    const page = toHtml(renderVersion(v2.clauses, (c) => [citeLink({ document: td, version: v2, clause: c }, SITE_URL)]));
    expect(page).toContain('<span class="clause-tools"><a class="permalink" href="#1.3-b"');
    expect(page).toContain('aria-label="Cite clause 1.3(b)">cite</a></span>');
    expect(page).toContain('aria-label="Cite row “Alpha”"');
  });

  it('builds absolute links on the configured site', () => {
    expect(absoluteUrl('/td/v2.0/#1.1', SITE_URL)).toBe('https://sec.example.test/td/v2.0/#1.1');
  });
});

describe('clauseCounterparts', () => {
  const counterparts = clauseCounterparts(alignClauses(v1.clauses, v2.clauses));

  it('maps each old clause to the clause it became, through renumbering', () => {
    expect(counterparts.get('1.1')?.slug).toBe('1.1');
    expect(counterparts.get('1.2')?.slug).toBe('1.3');
    expect(counterparts.get('1.2-a')?.slug).toBe('1.3-a');
    expect(counterparts.get('2-table-beta')?.slug).toBe('2-table-beta');
  });

  it('has no counterpart for a deleted clause', () => {
    expect(counterparts.has('1.3')).toBe(false);
  });

  it('links a clause to the same clause in the version in effect', () => {
    const html = toHtml(sameClauseLink({ document: td, version: v2, clause: counterparts.get('1.2') as Clause }));
    expect(html).toBe('<a class="same-clause" href="/td/v2.0/#1.3" data-same-clause="" aria-label="Same clause in v2.0, the version in effect: clause 1.3">v2.0</a>');
  });
});

describe('inEffectCounterparts', () => {
  const compare = (from: typeof v1, to: typeof v1) => alignClauses(from.clauses, to.clauses);

  it('maps a superseded version and a draft onto the version in effect', () => {
    expect(inEffectCounterparts(td, v1, site.asOf, compare)?.current.version).toBe('2.0');
    expect(inEffectCounterparts(td, v1, site.asOf, compare)?.counterparts.get('1.2')?.slug).toBe('1.3');
    expect(inEffectCounterparts(td, draft, site.asOf, compare)?.counterparts.get('1.1')?.slug).toBe('1.1');
  });

  it('maps nothing for the version in effect or one not yet in effect', () => {
    expect(inEffectCounterparts(td, v2, site.asOf, compare)).toBeUndefined();
    const early = sampleSite('2020-07-25').documents[0]!;
    expect(inEffectCounterparts(early, early.versions[2]!, '2020-07-25', compare)).toBeUndefined();
    expect(inEffectCounterparts(early, early.versions[0]!, '2020-07-25', compare)).toBeUndefined();
  });
});
