import { describe, expect, it } from 'vitest';
import { loadSite } from '#content/load-site.ts';
import { apiVersionFacts } from '#publish/api-version-facts.ts';
import { sampleSources } from '../support/sample-site.ts';

/** The sample site with `source:` added to the front matter of TD v2.0 and of the direction. */
function withSources(versionSource: string, directionSource = 'https://example.org/letters/2020-07-24.pdf') {
  const sources = sampleSources();
  const add = (file: { text: string }, line: string) => {
    file.text = file.text.replace(/\n---\n/, `\n${line}\n---\n`);
  };
  const v2 = sources.versions.find((f) => f.file.endsWith('td/v2.0.md'));
  const letter = sources.directions[0];
  if (!v2 || !letter) throw new Error('sample changed');
  add(v2, `source: ${versionSource}`);
  add(letter, `source: ${directionSource}`);
  return loadSite(sources, '2020-08-01');
}

describe('official sources', () => {
  it('are read for versions and directions and carried in the API; absent ones are null', () => {
    const { site, problems } = withSources('https://example.org/official/td-v2.0.pdf');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const td = site?.documents.find((d) => d.id === 'td');
    const v2 = td?.versions.find((v) => v.version === '2.0');
    expect(v2?.source).toBe('https://example.org/official/td-v2.0.pdf');
    expect(site?.directions[0]?.source).toBe('https://example.org/letters/2020-07-24.pdf');
    expect(apiVersionFacts(v2 as NonNullable<typeof v2>).source).toBe('https://example.org/official/td-v2.0.pdf');
    const v1 = td?.versions.find((v) => v.version === '1.0');
    expect(apiVersionFacts(v1 as NonNullable<typeof v1>).source).toBeNull();
  });

  it('must be full https addresses, named at their line', () => {
    for (const bad of ['http://example.org/td.pdf', '/td.pdf', 'not a url']) {
      const { problems } = withSources(bad);
      const errors = problems.filter((p) => p.severity === 'error');
      expect(errors, bad).toHaveLength(1);
      expect(errors[0]?.file).toBe('content/documents/td/v2.0.md');
      expect(errors[0]?.message).toMatch(/source/);
      expect(errors[0]?.line).toBeGreaterThan(1);
    }
  });
});
