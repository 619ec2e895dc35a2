import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { XSS_PAYLOADS } from './xss-payloads.ts';

/** Every payload in one line, for the one-line fields. */
const ALL_PAYLOADS = XSS_PAYLOADS.join(' ');
/** What ends a CDATA section, and one opened: text XML must escape, or every feed stops being well-formed. */
export const XML_BREAKERS = ']]> <![CDATA[ x ]]>';
const ALL = `${ALL_PAYLOADS} ${XML_BREAKERS}`;

function page(front: Record<string, unknown>, body: string): string {
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body}\n`;
}

/** A version's text: each payload inside a clause, as a block after it, in a heading, and in a table row. */
function versionText(amended: boolean): string {
  const clauses = XSS_PAYLOADS.map((payload, i) => `1.${i + 1} Clause ${i + 1} before: ${payload} after ${i + 1}${amended ? ' (amended)' : ''}.\n\n${payload}`);
  const headings = XSS_PAYLOADS.map((payload, i) => `## ${i + 3} Heading ${i + 3} ${payload.replace(/\n/g, ' ')}\n\n${i + 3}.1 Text of section ${i + 3}.`);
  const rows = XSS_PAYLOADS.map((payload, i) => `| row ${i + 1} | ${payload.replace(/\|/g, '\\|')} |`);
  return ['## 1 Scope', ...clauses, '## 2 Devices', `| Key | Value |\n| --- | --- |\n${rows.join('\n')}`, ...headings].join('\n\n');
}

/** Writes a copy of tests/fixtures/site-minimal with every payload in every content field into `content`. */
export function writeHostileContent(content: string): void {
  cpSync('tests/fixtures/site-minimal', content, { recursive: true });
  writeFileSync(
    join(content, 'documents/td/index.md'),
    page({ title: `Test Document ${ALL}`, shortName: `TD ${ALL}`, secReference: `Appendix ZZ ${ALL}` }, XSS_PAYLOADS.join('\n\n')),
  );
  const version = (number: string, designated: string, effective: string, extra: Record<string, unknown>) =>
    page({ version: number, status: 'designated', designated, effective, label: `Label ${ALL}`, illustrative: true, ...extra }, versionText(number === '2.0'));
  writeFileSync(join(content, 'documents/td/v1.0.md'), version('1.0', '2020-06-15', '2020-06-15', {}));
  writeFileSync(join(content, 'documents/td/v2.0.md'), version('2.0', '2020-07-24', '2020-07-26', { direction: '2020-07-24-test', consultations: ['hostile'] }));
  writeFileSync(
    join(content, 'directions/2020-07-24-test.md'),
    page(
      {
        date: '2020-07-24',
        title: `Direction ${ALL}`,
        issuer: `Issuer ${ALL}`,
        onBehalfOf: `Secretary ${ALL}`,
        signatory: { name: `Name ${ALL}`, role: `Role ${ALL}` },
        addressees: [`Addressee ${ALL}`, ...XSS_PAYLOADS],
        powers: `Powers ${ALL}`,
        designations: [{ document: 'td', version: '2.0', effective: '2020-07-26', annexes: ['A'] }],
        annexes: [{ id: 'A', kind: 'designated-text', title: `Annex ${ALL}`, document: 'td', version: '2.0' }],
        consultations: [{ id: 'hostile', title: `Consultation ${ALL}`, by: `By ${ALL}`, opened: '2020-03-13', closed: '2020-04-03', responses: 1 }],
      },
      XSS_PAYLOADS.join('\n\n'),
    ),
  );
}
