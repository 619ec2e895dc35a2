/**
 * A small made-up comparison the worker computes while the two versions' data is still
 * downloading. The first call of the engine in a fresh worker is several times slower than the
 * next (its code is compiled and its call sites learn their types on that call), so doing that
 * first call on a few clauses, before the data arrives, takes that cost off the path to the first
 * screen. The text is invented; the result is thrown away.
 */
import type { EncodedClause, EncodedNode, VersionData } from '#publish/version-data.ts';
import type { ComputeRequest } from './compare-compute.ts';

const WORDS = ['operator', 'record', 'notice', 'party', 'register', 'meter', 'report', 'period', 'request', 'schedule', 'device', 'account'];

/** One version of the made-up document: two sections of clauses, `edited` changes some words, moves one clause and adds one. */
function sampleVersion(version: string, edited: boolean): VersionData {
  const clauses: EncodedClause[] = [];
  const paths: string[][] = [[]];
  for (let section = 1; section <= 2; section++) {
    const heading = `Part ${section}`;
    paths.push([`${section} ${heading}`]);
    const path = paths.length - 1;
    clauses.push([String(section), String(section), String(section), 'heading', 0, null, 0, [heading], null, 2, heading]);
    const count = edited && section === 2 ? 13 : 12;
    for (let k = 1; k <= count; k++) {
      const number = `${section}.${k}`;
      const word = WORDS[(k + section) % WORDS.length] as string;
      const changed = edited && k % 4 === 1;
      const lead = `The ${word} keeps each ${WORDS[k % WORDS.length]} for ${changed ? 'ten' : 'seven'} years and sends a copy to the ${WORDS[(k * 5) % WORDS.length]} on request, see `;
      const text = `${lead}1.1.`;
      // A cross-reference, so the links of both sides are rewritten as in a real comparison.
      const content = [['p', lead, ['a', { href: '#1.1' }, '1.1'], '.'] as EncodedNode];
      clauses.push([number, number, number, 'clause', 0, String(section), path, content, null, null, text]);
    }
  }
  if (edited) {
    // Clause 1.3 moved to the end of part 2, as 2.14.
    const [, , , kind, depth, , , content, table, rank, text] = clauses.splice(3, 1)[0] as EncodedClause;
    clauses.push(['2.14', '2.14', '2.14', kind, depth, '2', paths.length - 1, content, table, rank, text]);
  }
  return { format: 2, document: 'warm-up', version, paths, clauses };
}

/** The request for the made-up comparison. */
export function warmUpRequest(): ComputeRequest {
  return {
    from: JSON.stringify(sampleVersion('1.0', false)),
    to: JSON.stringify(sampleVersion('2.0', true)),
    fromLabel: 'v1.0',
    toLabel: 'v2.0',
    fromPage: '/warm-up/v1.0/',
    toPage: '/warm-up/v2.0/',
  };
}
