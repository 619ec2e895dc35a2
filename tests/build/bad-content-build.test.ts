import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from './run-build.ts';

/**
 * Cases of the bad-content catalogue run through the real build command: errors stop it with
 * exactly the checker's messages and the previous site stays; warnings and unusual encodings
 * (byte-order mark, CRLF) build.
 */
const CASES = 'tests/fixtures/bad-content';
const work = mkdtempSync(join(tmpdir(), 'sec-bad-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string) {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), 'previous site');
  const root = `${CASES}/${name}`;
  const run = runBuild(root, out);
  return { ...run, out, messages: run.stderr.replaceAll(`${root}/`, 'content/').trim() };
}

function expected(name: string): string {
  return readFileSync(`${CASES}/${name}/expected.txt`, 'utf8').trim();
}

/** The HTML of the element with this id on a built page. */
function element(file: string, id: string): string {
  let found = '';
  visit(fromHtml(readFileSync(file, 'utf8')), 'element', (node) => {
    if (node.properties.id === id) found = toHtml(node);
  });
  return found;
}

describe('the build command on the bad-content catalogue', () => {
  it('many-problems: stops, printing every problem exactly as the checker does, and keeps the previous site', () => {
    const run = build('many-problems');
    expect(run.status).toBe(1);
    expect(run.messages).toBe(expected('many-problems'));
    expect(readFileSync(join(run.out, 'index.html'), 'utf8')).toBe('previous site');
  });

  it('clauses-backwards: warns and builds', () => {
    const run = build('clauses-backwards');
    expect(run.status, run.stderr).toBe(0);
    expect(run.messages).toBe(expected('clauses-backwards'));
    expect(existsSync(join(run.out, 'td/v2.0/index.html'))).toBe(true);
  });

  it.each(['byte-order-mark', 'crlf-line-endings'])('%s: builds without a word', (name) => {
    const run = build(name);
    expect(run.status, run.stderr).toBe(0);
    expect(run.messages).toBe('');
    expect(element(join(run.out, 'td/v2.0/index.html'), '1.2')).toContain('A Supplier Party shall tell the DCC.');
  });

  it('unclosed-html: warns, builds, and the HTML stays inside its clause on the page', () => {
    const run = build('unclosed-html');
    expect(run.status, run.stderr).toBe(0);
    expect(run.messages).toBe(expected('unclosed-html'));
    const page = join(run.out, 'td/v2.0/index.html');
    expect(element(page, '1.1')).toContain('<b>promptly.</b>');
    expect(element(page, '1.1')).toContain('<div>');
    expect(element(page, '1.2')).not.toMatch(/<b>|<div>/);
    expect(element(page, '1.2')).toContain('A Supplier Party shall tell the DCC.');
  });
});
