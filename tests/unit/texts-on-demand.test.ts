import { describe, expect, it } from 'vitest';
import { loadSite } from '#content/load-site.ts';
import type { Site } from '#model/site-model.ts';
import { deferredParser } from '#node/deferred-parser.ts';
import { textsOnDemand } from '#node/texts-on-demand.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { recordingParser, sampleSite, sampleSources } from '../support/sample-site.ts';

/** The sample site (documents `td` and `ot`) with its texts on demand, and the files parsed, in order. */
function onDemand(documents: number) {
  const parsed: string[] = [];
  const texts = recordingParser(parsed);
  const { site } = loadSite(sampleSources(), '2020-08-01', { parse: texts.parse });
  if (!site) throw new Error('the sample site did not load');
  const released: string[] = [];
  const held = textsOnDemand(site, texts, documents);
  held.onRelease((id) => released.push(id));
  const document = (id: string) => {
    const found = site.documents.find((d) => d.id === id);
    if (!found) throw new Error(`no document ${id}`);
    return found;
  };
  return { site, parsed, released, stats: held.stats, td: document('td'), ot: document('ot') };
}

describe('textsOnDemand', () => {
  const eager = sampleSite();

  it('reads nothing until a version is asked for its clauses, then reads its whole document once', () => {
    const { parsed, stats, td } = onDemand(2);
    expect(parsed).toEqual([]);
    expect(td.versions[1]?.clauses.length).toBeGreaterThan(0);
    expect(parsed).toEqual(td.versions.map((v) => v.file));
    expect(td.versions[0]?.clauses.length).toBeGreaterThan(0);
    expect(stats).toEqual({ reads: 1, releases: 0 });
  });

  it('gives every version the clauses the site loaded with its texts has', () => {
    const { site } = onDemand(1);
    expect(site.documents.map((d) => d.versions.map((v) => v.clauses))).toEqual(eager.documents.map((d) => d.versions.map((v) => v.clauses)));
  });

  it('releases the document used least recently beyond the limit, and reads it again when asked', () => {
    const { released, stats, td, ot } = onDemand(1);
    const first = td.versions[0]?.clauses;
    expect(ot.versions[0]?.clauses).toBeDefined();
    expect(released).toEqual(['td']);
    const again = td.versions[0]?.clauses;
    expect(released).toEqual(['td', 'ot']);
    expect(stats).toEqual({ reads: 3, releases: 2 });
    // Read again: equal clauses, new objects (what was computed from the released ones went with them).
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('keeps the same clause objects for a document while it is held', () => {
    const { released, stats, td, ot } = onDemand(2);
    const first = td.versions[0]?.clauses;
    for (let i = 0; i < 3; i++) expect(ot.versions[0]?.clauses.length).toBeGreaterThan(0);
    expect(td.versions[0]?.clauses).toBe(first);
    expect(released).toEqual([]);
    expect(stats).toEqual({ reads: 2, releases: 0 });
  });

  it('leaves every other field of the records as loaded, and the clauses among them when copied', () => {
    const { site } = onDemand(1);
    const copy: Site = structuredClone(site);
    expect(copy).toEqual(eager);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    const { site } = loadSite(sampleSources(), '2020-08-01', { parse: deferredParser((m, o) => () => parseClauses(m, o)).parse });
    if (!site) throw new Error('the sample site did not load');
    expect(() =>
      textsOnDemand(
        site,
        deferredParser((m, o) => () => parseClauses(m, o)),
        0,
      ),
    ).toThrow('documents must be a whole number of at least 1, not 0');
  });
});
