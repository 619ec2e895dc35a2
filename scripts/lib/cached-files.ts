/**
 * Files a build step writes outside Astro, with a cache of its own between builds: a file whose
 * inputs are unchanged since an earlier build is copied from the cache folder, where each file is
 * kept under a hash of its code key (the project's code, and whatever else shapes every file of
 * the step), its path and its cache key (`#publish/page-cache-keys.ts`).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Files written (or copied) at once: the disk works while the next ones are made. */
const IN_FLIGHT = 32;

/** What a step did with its files: the record `addToRun` (astro-cache.ts) folds into the Astro step's. */
export interface CachedFilesResult {
  /** Files made this build, relative to the site folder. */
  rendered: string[];
  /** How many were copied from the cache. */
  reused: number;
  /** The cache's state after the step, as text (the names it holds, sorted). */
  state: string;
}

/** Writes a step's files into a site folder, from its cache where it can. */
export class CachedFiles {
  readonly #siteDir: string;
  readonly #cache: string;
  readonly #codeKey: string;
  #cached: Set<string> | undefined;
  readonly #used = new Set<string>();
  readonly #rendered: string[] = [];
  #reused = 0;
  readonly #folders = new Map<string, Promise<unknown>>();
  readonly #pending = new Set<Promise<void>>();

  /** `cache` is the step's own folder, kept between builds; `codeKey` changes whenever the code or anything every file shows changes. */
  constructor(siteDir: string, cache: string, codeKey: string) {
    this.#siteDir = siteDir;
    this.#cache = cache;
    this.#codeKey = codeKey;
  }

  /**
   * Puts the file at `path` (relative to the site folder) into the site: copied from the cache
   * when a build before made it from the same key, else made by `contents` and kept in the
   * cache. Resolves when the step may go on (a few files are written at once).
   */
  async write(path: string, key: string, contents: () => string | Uint8Array | Promise<string | Uint8Array>): Promise<void> {
    if (!this.#cached) {
      await mkdir(this.#cache, { recursive: true });
      this.#cached = new Set(await readdir(this.#cache));
    }
    const name = createHash('sha256').update(this.#codeKey).update('\u0000').update(path).update('\u0000').update(key).digest('hex');
    const target = join(this.#siteDir, path);
    this.#used.add(name);
    if (this.#cached.has(name)) {
      this.#reused += 1;
      await this.#settle(this.#folder(dirname(target)).then(() => copyFile(join(this.#cache, name), target)));
      return;
    }
    this.#rendered.push(path);
    const bytes = await contents();
    await this.#settle(
      (async () => {
        await this.#folder(dirname(target));
        await writeFile(target, bytes);
        // Written whole under a temporary name first: a build killed here leaves no torn file to copy later.
        const temporary = join(this.#cache, `${name}.${process.pid}.tmp`);
        await writeFile(temporary, bytes);
        await rename(temporary, join(this.#cache, name));
      })(),
    );
  }

  /** Waits for every write, removes from the cache what no build will ask for again, and says what was done. */
  async finish(): Promise<CachedFilesResult> {
    await Promise.all(this.#pending);
    // Files whose inputs changed, and temporary files of killed builds.
    const stale = [...(this.#cached ?? [])].filter((name) => !this.#used.has(name));
    await Promise.all(stale.map((name) => rm(join(this.#cache, name), { force: true })));
    return { rendered: this.#rendered, reused: this.#reused, state: [...this.#used].sort().join('\n') };
  }

  /** Each folder is made once, however many files go into it. */
  #folder(path: string): Promise<unknown> {
    let made = this.#folders.get(path);
    if (!made) {
      made = mkdir(path, { recursive: true });
      this.#folders.set(path, made);
    }
    return made;
  }

  async #settle(task: Promise<void>): Promise<void> {
    this.#pending.add(task);
    void task.finally(() => this.#pending.delete(task));
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }
}
