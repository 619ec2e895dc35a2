import { describe, expect, it } from 'vitest';
import { folderOf, layerViolations, LAYERS, projectLayerViolations, targetOf } from '../support/import-layers.ts';

describe('import layers', () => {
  it('maps paths and specifiers to folders', () => {
    expect(folderOf('src/parse/parse-clauses.ts')).toBe('parse');
    expect(folderOf('src/import/docx/docx-to-mdast.ts')).toBe('import');
    expect(folderOf('src/content.config.ts')).toBe('(root)');
    expect(folderOf('scripts/lib/check-links.ts')).toBe('build-scripts');
    expect(targetOf('#compare/word-diff.ts', 'src/render/x.ts')).toBe('compare');
    expect(targetOf('../model/clause.ts', 'src/parse/x.ts')).toBe('model');
    expect(targetOf('./y.ts', 'src/parse/x.ts')).toBe('parse');
    expect(targetOf('hastscript', 'src/parse/x.ts')).toBeUndefined();
  });

  it('refuses an import that runs the wrong way, with its line', () => {
    const text = "import type { Clause } from '#model/clause.ts';\nimport { renderVersion } from '#render/render-version.ts';\n";
    expect(layerViolations('src/parse/parse-clauses.ts', text)).toEqual([
      {
        file: 'src/parse/parse-clauses.ts',
        line: 2,
        specifier: '#render/render-version.ts',
        reason: 'src/parse may import src/parse, src/model, not src/render',
      },
    ]);
    expect(layerViolations('src/model/clause.ts', "const m = await import('../compare/align-clauses.ts');")).toHaveLength(1);
    expect(layerViolations('src/publish/feed.ts', "export { x } from '#render/render-compare.ts';")).toHaveLength(1);
  });

  it('refuses astro:* in the core and build scripts in the site', () => {
    expect(layerViolations('src/compare/x.ts', "import { getCollection } from 'astro:content';")[0]?.reason).toMatch(/only src\/data/);
    expect(layerViolations('src/data/site.ts', "import { getCollection } from 'astro:content';")).toEqual([]);
    expect(layerViolations('src/data/site.ts', "import { checkLinks } from '../../scripts/lib/check-links.ts';")[0]?.reason).toMatch(/build scripts/);
  });

  it('the model imports nothing of the project, and no layer imports one above it', () => {
    expect(LAYERS.model).toEqual([]);
    for (const [folder, allowed] of Object.entries(LAYERS)) {
      for (const below of allowed.filter((f) => f !== folder)) expect(LAYERS[below] ?? [], `${below} imports ${folder}`).not.toContain(folder);
    }
  });

  it('every file under src/ follows the layers', () => {
    expect(projectLayerViolations(process.cwd())).toEqual([]);
  });
});
