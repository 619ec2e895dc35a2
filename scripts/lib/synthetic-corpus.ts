/**
 * A synthetic corpus of SEC-like documents for benchmarks: N documents × V versions × C clauses,
 * SEC-style numbering, realistic clause lengths, and between versions a given share of clauses
 * modified, inserted (renumbering what follows, or with a letter suffix), deleted and moved.
 * Deterministic: the same options give the same files, byte for byte.
 */

/** Scale and change rates of a corpus. Rates are shares of the clauses of a version, per new version. */
export interface CorpusOptions {
  documents: number;
  versions: number;
  clauses: number;
  seed: number;
  modified?: number;
  inserted?: number;
  deleted?: number;
  moved?: number;
  /** Edits made to each modified clause (default 1: a word or a phrase). */
  edits?: number;
  /** Document ids are `<prefix>-NN` (default `doc`). */
  prefix?: string;
  /** Whether to write one direction per release designating its versions (default true). */
  directions?: boolean;
}

/** A file of the corpus, with its path relative to the content folder. */
export interface CorpusFile {
  path: string;
  text: string;
}

/** SEC scale: 60 documents × 12 versions × 400 clauses. */
export const SEC_SCALE = { documents: 60, versions: 12, clauses: 400 } as const;

/** A small, fast deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The DCC',
  'Each Supplier Party',
  'The Responsible Supplier',
  'A Network Party',
  'The SMETS1 Service Provider',
  'The Panel',
  'Each User',
  'The Code Administrator',
];
const VERBS = [
  'shall ensure that',
  'shall notify',
  'may require that',
  'shall not permit',
  'shall record whether',
  'shall publish',
  'shall confirm that',
  'shall take reasonable steps so that',
];
const TERMS = [
  'each SMETS1 Installation',
  'the Migration Window',
  'any Service Request',
  'the relevant Device Model',
  'a Dormant Meter',
  'an Active Meter',
  'the Communications Hub',
  'every Migration Batch',
  'the Equivalent Steps',
  'a Migration Authorisation',
  'the UTRN Cutover Period',
  'the Previous Operator',
  'the Eligible Product Combination',
  'a Service Reference Variant',
  'the Migration Scaling Methodology',
  'any Migration Error',
  'the Device Log',
  'each Smart Metering System',
  'the Enrolment Service',
  'the Registration Data',
];
const TAILS = [
  'within five Working Days of the request',
  'before the start of the relevant Migration Window',
  'in accordance with the SMETS1 Supporting Requirements',
  'unless the Panel determines otherwise',
  'as soon as reasonably practicable',
  'where the Secretary of State so directs',
  'subject to the Migration Scaling Methodology',
  'in the form published on the DCC Website',
  'for so long as the Device Model is on the list',
  'having regard to the interests of consumers',
  'without undue delay',
  'at least 20 Working Days in advance',
];
const FILLER = [
  'and',
  'or',
  'the',
  'such',
  'relevant',
  'applicable',
  'all',
  'any',
  'that',
  'information',
  'records',
  'notice',
  'period',
  'arrangements',
  'provisions',
  'requirements',
  'data',
  'testing',
  'procedures',
  'obligations',
];
const TITLES = [
  'Introduction',
  'Definitions',
  'Migration Authorisation',
  'Scheduling and Scaling',
  'Migration Process',
  'Service Requests',
  'Errors and Retries',
  'Enrolment',
  'Reporting',
  'Security',
  'Testing',
  'Communications Hubs',
  'Prepayment',
  'Device Models',
  'Decommissioning',
  'Transitional Provisions',
  'Disputes',
  'Records',
  'Notices',
  'Expiry',
];

interface Clause {
  /** Identity that survives renumbering, for cross-references. */
  id: number;
  text: string;
  subs: string[];
  /** Inserted without renumbering what follows: numbered with a letter suffix (`4.12A`, `4.12B`). */
  suffix: boolean;
  /** Id of a clause this one refers to, if any. */
  ref?: number;
}

interface Section {
  title: string;
  clauses: Clause[];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function sentence(rand: () => number, words: number): string {
  const parts = [pick(rand, SUBJECTS), pick(rand, VERBS), pick(rand, TERMS)];
  let count = parts.join(' ').split(' ').length;
  while (count < words - 6) {
    const extra = rand() < 0.5 ? `${pick(rand, FILLER)} ${pick(rand, TERMS)}` : `${pick(rand, FILLER)} ${pick(rand, FILLER)}`;
    parts.push(extra);
    count += extra.split(' ').length;
  }
  parts.push(pick(rand, TAILS));
  return `${parts.join(' ')}.`;
}

function clauseText(rand: () => number): string {
  // Clause lengths in SEC documents run from a line to a long paragraph: 12–70 words here, mean ~30.
  const words = 12 + Math.floor(rand() * rand() * 58) + Math.floor(rand() * 12);
  return sentence(rand, words);
}

function modify(rand: () => number, text: string): string {
  const words = text.split(' ');
  const at = Math.floor(rand() * (words.length - 1));
  const kind = rand();
  if (kind < 0.4) words.splice(at, 1, pick(rand, FILLER));
  else if (kind < 0.7) words.splice(at, 0, pick(rand, FILLER), pick(rand, FILLER));
  else if (kind < 0.85 && words.length > 8) words.splice(at, 2);
  else words.splice(at, 0, ...pick(rand, TAILS).split(' '));
  return words.join(' ');
}

/** Builds the first version of a document: sections of about 25 clauses, some with sub-paragraphs. */
function firstVersion(rand: () => number, clauses: number, nextId: () => number): Section[] {
  const sections: Section[] = [];
  let remaining = clauses;
  let index = 0;
  while (remaining > 0) {
    const section: Section = { title: TITLES[index % TITLES.length] as string, clauses: [] };
    const size = Math.min(remaining, 18 + Math.floor(rand() * 14));
    let used = 0;
    while (used < size) {
      const subs = rand() < 0.12 ? Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(rand, 10 + Math.floor(rand() * 14))) : [];
      section.clauses.push({ id: nextId(), text: clauseText(rand), subs, suffix: false });
      used += 1 + subs.length;
    }
    remaining -= used;
    sections.push(section);
    index++;
  }
  // A few cross-references, so renumbering changes other clauses' text.
  const all = sections.flatMap((s) => s.clauses);
  for (const clause of all) if (rand() < 0.04) clause.ref = (pick(rand, all) as Clause).id;
  return sections;
}

function evolve(rand: () => number, sections: Section[], options: Required<CorpusOptions>, nextId: () => number): Section[] {
  const next = sections.map((s) => ({ title: s.title, clauses: s.clauses.map((c) => ({ ...c, subs: [...c.subs] })) }));
  const all = () => next.flatMap((s) => s.clauses);
  const count = all().length;
  const times = (rate: number) => Math.max(rate > 0 ? 1 : 0, Math.round(count * rate));
  for (let k = times(options.modified); k > 0; k--) {
    const clause = pick(rand, all());
    for (let e = 0; e < options.edits; e++) clause.text = modify(rand, clause.text);
  }
  for (let k = times(options.deleted); k > 0; k--) {
    const section = pick(rand, next);
    if (section.clauses.length > 2) section.clauses.splice(Math.floor(rand() * section.clauses.length), 1);
  }
  for (let k = times(options.moved); k > 0; k--) {
    const from = pick(rand, next);
    const to = pick(rand, next);
    if (from === to || from.clauses.length < 3) continue;
    const [clause] = from.clauses.splice(Math.floor(rand() * from.clauses.length), 1);
    if (clause) to.clauses.splice(Math.floor(rand() * (to.clauses.length + 1)), 0, { ...clause, suffix: false });
  }
  for (let k = times(options.inserted); k > 0; k--) {
    const section = pick(rand, next);
    const at = Math.floor(rand() * (section.clauses.length + 1));
    // SEC practice: often a letter suffix keeps the numbers that follow; otherwise everything after shifts.
    const suffix = at > 0 && rand() < 0.35;
    section.clauses.splice(at, 0, { id: nextId(), text: clauseText(rand), subs: [], suffix });
  }
  return next;
}

function render(sections: Section[]): string {
  const numbers = new Map<number, string>();
  sections.forEach((section, s) => {
    let n = 0;
    let letter = 0;
    for (const clause of section.clauses) {
      if (!clause.suffix || n === 0) {
        n++;
        letter = 0;
        numbers.set(clause.id, `${s + 1}.${n}`);
      } else {
        numbers.set(clause.id, `${s + 1}.${n}${String.fromCharCode(65 + letter++)}`);
      }
    }
  });
  const lines: string[] = [];
  sections.forEach((section, s) => {
    lines.push(`## ${s + 1} ${section.title}`, '');
    for (const clause of section.clauses) {
      const ref = clause.ref !== undefined ? numbers.get(clause.ref) : undefined;
      const text = ref ? `${clause.text.slice(0, -1)}, as provided in Clause ${ref}.` : clause.text;
      lines.push(`${numbers.get(clause.id)} ${text}`, '');
      clause.subs.forEach((sub, i) => {
        lines.push(`(${String.fromCharCode(97 + i)}) ${sub}`, '');
      });
    }
  });
  return lines.join('\n');
}

function date(dayNumber: number): string {
  return new Date(Date.UTC(2019, 0, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Generates the corpus: `documents/doc-NN/index.md`, `documents/doc-NN/v<k>.0.md` and one
 * direction per release (`directions/<date>-release-<k>.md`) designating that release's versions.
 */
export function generateCorpus(input: CorpusOptions): CorpusFile[] {
  const options: Required<CorpusOptions> = { modified: 0.04, inserted: 0.01, deleted: 0.005, moved: 0.0025, edits: 1, prefix: 'doc', directions: true, ...input };
  const files: CorpusFile[] = [];
  const releases = Array.from({ length: options.versions }, (_, k) => ({ designated: date(k * 120), effective: date(k * 120 + 2) }));
  for (let d = 1; d <= options.documents; d++) {
    const id = `${options.prefix}-${String(d).padStart(2, '0')}`;
    const rand = random(options.seed * 1_000_003 + d);
    let counter = 0;
    const nextId = () => ++counter;
    files.push({
      path: `documents/${id}/index.md`,
      text: `---\ntitle: Synthetic Document ${id}\nshortName: ${id.toUpperCase()}\nsecReference: Appendix ${id.toUpperCase()}\norder: ${d}\n---\nA generated document for benchmarks.\n`,
    });
    let sections = firstVersion(rand, options.clauses, nextId);
    for (let v = 1; v <= options.versions; v++) {
      if (v > 1) sections = evolve(rand, sections, options, nextId);
      const release = releases[v - 1] as { designated: string; effective: string };
      files.push({
        path: `documents/${id}/v${v}.0.md`,
        text: [
          '---',
          `version: "${v}.0"`,
          'status: designated',
          `designated: ${release.designated}`,
          `effective: ${release.effective}`,
          ...(options.directions ? [`direction: ${release.designated}-release-${v}`] : []),
          'illustrative: true',
          '---',
          render(sections),
        ].join('\n'),
      });
    }
  }
  if (!options.directions) return files;
  releases.forEach((release, k) => {
    const designations = Array.from({ length: options.documents }, (_, i) => {
      const id = `${options.prefix}-${String(i + 1).padStart(2, '0')}`;
      return `  - { document: ${id}, version: "${k + 1}.0", effective: ${release.effective} }`;
    });
    files.push({
      path: `directions/${release.designated}-release-${k + 1}.md`,
      text: [
        '---',
        `date: ${release.designated}`,
        `title: Synthetic release ${k + 1}`,
        'issuer: Benchmark',
        'signatory: { name: A Generator, role: Script }',
        'addressees: [Benchmark readers]',
        'designations:',
        ...designations,
        'illustrative: true',
        '---',
        'A generated direction.',
        '',
      ].join('\n'),
    });
  });
  return files;
}
