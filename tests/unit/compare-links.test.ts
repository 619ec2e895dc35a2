import { describe, expect, it } from 'vitest';
import type { DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { compareLinks } from '#render/compare-links.ts';
import { siteUrlWarning } from '#content/environment.ts';

/** Only the fields the choice of comparisons reads; the rest of a record does not matter here. */
function version(name: string, status: VersionRecord['status'], effective?: string): VersionRecord {
  return { version: name, slug: `v${name}`, status, effective } as unknown as VersionRecord;
}

const v5 = version('5.0', 'designated', '2020-06-15');
const draft = version('6.0-draft', 'consultation-draft');
const v6 = version('6.0', 'designated', '2020-07-26');
const tmad = { id: 'tmad', versions: [v5, draft, v6] } as unknown as DocumentRecord;
const links = (v: VersionRecord) => compareLinks(tmad, v, '2026-01-01').map((l) => `${l.from.version}...${l.to.version}`);

describe('compareLinks', () => {
  it('leads with the designated version before, then the consultation draft', () => {
    expect(links(v6)).toEqual(['5.0...6.0', '6.0-draft...6.0']);
    expect(compareLinks(tmad, v6, '2026-01-01')[0]?.label).toBe('Compare with v5.0, the designated version before');
  });

  it('gives a superseded version the designated version that replaced it', () => {
    expect(links(v5)).toEqual(['5.0...6.0']);
  });

  it('gives a draft the version before it, the one that followed it', () => {
    expect(links(draft)).toEqual(['5.0...6.0-draft', '6.0-draft...6.0']);
  });
});

describe('siteUrlWarning', () => {
  it('warns when SITE_URL is not set, naming the variable and the address used instead', () => {
    expect(siteUrlWarning({})).toMatch(/SITE_URL is not set.*sec-versions\.example\.org/);
    expect(siteUrlWarning({ SITE_URL: 'https://example.org/sec-versions/' })).toBeUndefined();
  });
});
