/**
 * The content collections' loader: each content file's front matter, validated by the
 * collection's schema, and its path. Astro's `glob()` loader would also render every file's
 * Markdown to HTML and keep it in the data store, which the build bundles into its server code:
 * at the scale of the whole SEC, 69 MB of HTML that no page reads (pages render clauses with
 * the project's own pipeline from the files themselves; see src/data/site.ts).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFrontMatter } from '#content/read-front-matter.ts';
import { segment } from '#content/site-sources.ts';
import { type ContentFileKind, listContentFiles } from './list-content-files.ts';

/** An entry's id, as `glob()` made it: its path in its collection's folder, without `.md` (`tmad/v6.0`, `tmad/index`). */
function entryId(kind: Exclude<ContentFileKind, 'other'>, file: string): string {
  const name = segment(file, -1).replace(/\.md$/, '');
  return kind === 'directions' ? name : `${segment(file, -2)}/${name}`;
}

/**
 * Loads the files of one kind (`documents`, `versions` or `directions`, as
 * {@link listContentFiles} tells them apart) from the content folder `root`. A file whose
 * bytes are unchanged since the last build keeps its entry; a file gone takes its entry with it.
 * In `astro dev`, the folder is watched and loaded again on any change in it.
 */
export function contentFilesLoader(kind: Exclude<ContentFileKind, 'other'>, root: string): Loader {
  return {
    name: 'sec-content-files',
    load: async (context: LoaderContext) => {
      const { store, parseData, generateDigest, config, watcher } = context;
      const projectRoot = fileURLToPath(config.root);
      const sync = async () => {
        const kept = new Set<string>();
        for (const { file, kind: found } of await listContentFiles(root)) {
          if (found !== kind) continue;
          const id = entryId(kind, file);
          kept.add(id);
          const contents = await readFile(file, 'utf8');
          const digest = generateDigest(contents);
          if (store.get(id)?.digest === digest) continue;
          const data = readFrontMatter(file, contents).data;
          const filePath = relative(projectRoot, resolve(file)).split(sep).join('/');
          const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
          store.set({ id, data: await parseData({ id, data: record, filePath: resolve(file) }), filePath, digest });
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      };
      await sync();
      if (watcher) {
        const folder = resolve(root);
        watcher.add(folder);
        watcher.on('all', (_event, path) => {
          if (resolve(path).startsWith(folder + sep)) void sync().catch((error: unknown) => context.logger.error(`content folder ${root}: ${String(error)}`));
        });
      }
    },
  };
}
