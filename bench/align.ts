/**
 * Alignment benchmark: times `alignClauses` on synthetic pairs of versions from 100 to 10,000
 * clauses and prints clauses against median milliseconds (CPU, and wall-clock) and milliseconds
 * per clause, to show that the cost grows near-linearly. Run with `npm run bench:align` (`-- --runs 9` for more runs,
 * `-- --sizes 100,1000` for other sizes).
 *
 * The versions are generated from a fixed seed, so every run aligns the same text: sections of
 * clauses with sub-paragraphs and cross-references, in words drawn from a vocabulary with a few
 * very common words (as legal text has); the new version deletes, inserts, rewords, moves, splits
 * and merges clauses, renumbers everything after them, and updates the cross-references.
 * Parsing is not timed.
 */
import { performance } from 'node:perf_hooks';
import { alignClauses } from '#compare/align-clauses.ts';
import { parseClauses } from '#parse/parse-clauses.ts';
import { random } from '../scripts/lib/synthetic-corpus.ts';

const SEED = 20200724;

const SYLLABLES = ['ca', 'de', 'fi', 'go', 'lu', 'ma', 'ne', 'po', 'ri', 'sa', 'te', 'vo', 'zu', 'ba', 'ki', 'mo', 'ru', 'ta'];
const COMMON = ['the', 'shall', 'of', 'to', 'and', 'a', 'in', 'DCC', 'Party', 'any', 'each', 'that', 'for', 'by', 'with'];

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

interface Item {
  /** Stable identity, for reading the result, never shown to the aligner. */
  id: number;
  words: string[];
  subs: string[][];
  /** Identity of the clause this one refers to, if any. */
  ref?: number;
}

interface Section {
  title: string;
  items: Item[];
}

function sentence(rand: () => number, vocab: readonly string[], length: number): string[] {
  return Array.from({ length }, () => {
    // Zipf-like: common words often, rare words rarely.
    if (rand() < 0.35) return COMMON[Math.floor(rand() * COMMON.length)] as string;
    return vocab[Math.floor(vocab.length * rand() ** 2)] as string;
  });
}

/** A document of about `target` clauses (headings, clauses and sub-paragraphs counted). */
function generate(rand: () => number, vocab: readonly string[], target: number): Section[] {
  const sections: Section[] = [];
  let count = 0;
  let id = 0;
  while (count < target) {
    const section: Section = { title: sentence(rand, vocab, 3).join(' '), items: [] };
    count++;
    const size = 8 + Math.floor(rand() * 16);
    for (let k = 0; k < size && count < target; k++) {
      const subs = rand() < 0.25 ? Array.from({ length: 2 + Math.floor(rand() * 2) }, () => sentence(rand, vocab, 6 + Math.floor(rand() * 10))) : [];
      section.items.push({ id: id++, words: sentence(rand, vocab, 12 + Math.floor(rand() * 28)), subs });
      count += 1 + subs.length;
    }
    sections.push(section);
  }
  const all = sections.flatMap((s) => s.items);
  for (const item of all) if (rand() < 0.1) item.ref = all[Math.floor(rand() * all.length)]?.id;
  return sections;
}

/** The next version: deletions, insertions, rewordings, moves, splits and merges. */
function revise(rand: () => number, vocab: readonly string[], sections: readonly Section[]): Section[] {
  let nextId = 1_000_000;
  const out: Section[] = sections.map((s) => ({ title: s.title, items: [] }));
  const moved: Item[] = [];
  sections.forEach((section, s) => {
    const target = out[s] as Section;
    for (const item of section.items) {
      const roll = rand();
      if (roll < 0.02) continue; // deleted
      if (roll < 0.04) target.items.push({ id: nextId++, words: sentence(rand, vocab, 15 + Math.floor(rand() * 20)), subs: [] }); // inserted before
      let copy: Item = { ...item, words: [...item.words], subs: item.subs.map((sub) => [...sub]) };
      if (roll >= 0.04 && roll < 0.09) {
        for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) copy.words[Math.floor(rand() * copy.words.length)] = vocab[Math.floor(rand() * vocab.length)] as string;
      }
      if (roll >= 0.09 && roll < 0.1) {
        moved.push(copy);
        continue;
      }
      if (roll >= 0.1 && roll < 0.105 && copy.subs.length === 0 && copy.words.length > 20) {
        const half = Math.floor(copy.words.length / 2);
        target.items.push({ ...copy, words: copy.words.slice(0, half) }, { id: nextId++, words: copy.words.slice(half), subs: [] });
        continue;
      }
      const previous = target.items.at(-1);
      if (roll >= 0.105 && roll < 0.11 && previous && previous.subs.length === 0 && copy.subs.length === 0) {
        previous.words = [...previous.words, ...copy.words];
        continue;
      }
      target.items.push(copy);
      copy = target.items.at(-1) as Item;
    }
  });
  for (const item of moved) {
    const section = out[Math.floor(rand() * out.length)] as Section;
    section.items.splice(Math.floor(rand() * (section.items.length + 1)), 0, item);
  }
  return out;
}

function markdown(sections: readonly Section[]): string {
  const numbers = new Map<number, string>();
  sections.forEach((section, s) => {
    section.items.forEach((item, k) => {
      numbers.set(item.id, `${s + 1}.${k + 1}`);
    });
  });
  const lines: string[] = [];
  sections.forEach((section, s) => {
    lines.push(`## ${s + 1} ${section.title}`);
    section.items.forEach((item, k) => {
      const target = item.ref === undefined ? undefined : numbers.get(item.ref);
      lines.push(`${s + 1}.${k + 1} ${item.words.join(' ')}${target ? `, under Clause ${target}` : ''}.`);
      item.subs.forEach((sub, n) => {
        lines.push(`(${String.fromCharCode(97 + n)}) ${sub.join(' ')};`);
      });
    });
  });
  return lines.join('\n\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const runs = Number(option('runs') ?? 5);
const sizes = (option('sizes') ?? '100,300,1000,3000,10000').split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((n) => !Number.isInteger(n) || n < 10)) {
  throw new Error('usage: npm run bench:align [-- --runs <n ≥ 1>] [-- --sizes <n,n,…> each ≥ 10]');
}

const vocab = vocabulary(random(SEED), 4000);
console.log(`alignClauses, median of ${runs} runs (seed ${SEED}). CPU time of this process, which a busy machine disturbs`);
console.log('less than wall-clock time (also shown); figures depend on the machine: compare rows, not runs.');
console.log('');
console.log('| clauses (old / new) | rows | median CPU ms | CPU ms per clause | median wall ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const size of sizes) {
  // Each size from its own seed, so a size's versions do not depend on which sizes ran before.
  const rand = random(SEED + size);
  const before = generate(rand, vocab, size);
  const after = revise(rand, vocab, before);
  const oldClauses = parseClauses(markdown(before), { file: 'old.md' }).clauses;
  const newClauses = parseClauses(markdown(after), { file: 'new.md' }).clauses;
  let rows = alignClauses(oldClauses, newClauses).length; // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Start each run with a clean heap, so one size does not pay for collecting another's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const startCpu = process.cpuUsage();
    const start = performance.now();
    rows = alignClauses(oldClauses, newClauses).length;
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(cpu);
  console.log(`| ${oldClauses.length} / ${newClauses.length} | ${rows} | ${ms.toFixed(1)} | ${(ms / oldClauses.length).toFixed(4)} | ${median(wall).toFixed(1)} |`);
}
