import { createHash } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFilesLoader } from '#node/content-files-loader.ts';
import { listContentFiles } from '#node/list-content-files.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  [other: string]: unknown;
}

/** The parts of Astro's loader context the loader uses: a store kept in a Map, and the project root. */
function context(projectRoot: string) {
  const entries = new Map<string, StoredEntry>();
  const parsed: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => {
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => {
      entries.delete(id);
    },
  };
  const value = {
    collection: 'test',
    store,
    config: { root: pathToFileURL(`${projectRoot}/`) },
    logger: { error: () => undefined },
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 16),
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return data;
    },
  };
  return { entries, parsed, context: value as unknown as LoaderContext };
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sec-loader-'));
  await cp('tests/fixtures/site-minimal', join(root, 'content'), { recursive: true });
  await writeFile(join(root, 'content/documents/td/v3.0.MD'), '---\nversion: "3.0"\n---\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listContentFiles', () => {
  it('tells documents, versions, directions and other files apart, in order', async () => {
    const files = await listContentFiles(join(root, 'content'));
    expect(files.map(({ file, kind }) => [relative(root, file), kind])).toEqual([
      ['content/documents/td/index.md', 'documents'],
      ['content/documents/td/v1.0.md', 'versions'],
      ['content/documents/td/v2.0.md', 'versions'],
      ['content/documents/td/v3.0.MD', 'other'],
      ['content/directions/2020-07-24-test.md', 'directions'],
    ]);
  });

  it('lists nothing for a folder that does not exist', async () => {
    expect(await listContentFiles(join(root, 'missing'))).toEqual([]);
  });
});

describe('contentFilesLoader', () => {
  it("stores each file's front matter and path under glob()'s ids, and no rendered Markdown or body", async () => {
    const { entries, context: ctx } = context(root);
    await contentFilesLoader('versions', join(root, 'content')).load(ctx);
    expect([...entries.keys()]).toEqual(['td/v1.0', 'td/v2.0']);
    const first = entries.get('td/v1.0');
    expect(first?.filePath).toBe('content/documents/td/v1.0.md');
    expect(first?.data).toMatchObject({ version: '1.0', status: 'designated' });
    expect(Object.keys(first ?? {}).sort()).toEqual(['data', 'digest', 'filePath', 'id']);
  });

  it('loads only the kind asked for', async () => {
    const documents = context(root);
    await contentFilesLoader('documents', join(root, 'content')).load(documents.context);
    expect([...documents.entries.keys()]).toEqual(['td/index']);
    const directions = context(root);
    await contentFilesLoader('directions', join(root, 'content')).load(directions.context);
    expect([...directions.entries.keys()]).toEqual(['2020-07-24-test']);
  });

  it('keeps the entry of an unchanged file, reads a changed one again and drops a deleted one', async () => {
    const { entries, parsed, context: ctx } = context(root);
    const loader = contentFilesLoader('versions', join(root, 'content'));
    await loader.load(ctx);
    expect(parsed).toEqual(['td/v1.0', 'td/v2.0']);
    await writeFile(join(root, 'content/documents/td/v2.0.md'), '---\nversion: "2.0"\nstatus: draft\n---\n## 1 Scope\n');
    await rm(join(root, 'content/documents/td/v1.0.md'));
    await loader.load(ctx);
    expect(parsed).toEqual(['td/v1.0', 'td/v2.0', 'td/v2.0']);
    expect([...entries.keys()]).toEqual(['td/v2.0']);
    expect(entries.get('td/v2.0')?.data).toEqual({ version: '2.0', status: 'draft' });
  });
});
