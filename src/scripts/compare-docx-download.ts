/**
 * The "Download as Word" button of a comparison computed in the browser: builds the same
 * tracked-changes .docx the build writes for pre-built pairs, from the two versions' data, with
 * the same core (alignment, word diff, Word writer). The Word writer is loaded on first click.
 */
import { alignClauses } from '#compare/align-clauses.ts';
import type { RedlineInput, RedlineVersion } from '#publish/compare-docx.ts';
import { decodeVersion, type VersionData } from '#publish/version-data.ts';

async function clausesOf(url: string | undefined): Promise<RedlineVersion['clauses']> {
  const response = await fetch(url ?? '');
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return decodeVersion((await response.json()) as VersionData);
}

async function download(button: HTMLButtonElement): Promise<void> {
  const [before, after, { compareDocx }] = await Promise.all([clausesOf(button.dataset.fromData), clausesOf(button.dataset.toData), import('#publish/compare-docx.ts')]);
  const facts = (name: string) => JSON.parse(button.dataset[name] ?? '{}') as Record<string, string>;
  const input: RedlineInput = {
    document: facts('document') as unknown as RedlineInput['document'],
    from: { ...facts('from'), version: facts('from').version ?? '', clauses: before },
    to: { ...facts('to'), version: facts('to').version ?? '', clauses: after },
    rows: alignClauses(before, after),
  };
  const bytes = await compareDocx(input);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: button.dataset.file ?? 'comparison.docx' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-compare-docx]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    const label = button.textContent;
    button.textContent = 'Preparing the Word file…';
    download(button)
      .catch((error: unknown) => {
        button.textContent = `The Word file could not be made (${error instanceof Error ? error.message : String(error)})`;
      })
      .finally(() => {
        button.disabled = false;
        if (button.textContent === 'Preparing the Word file…') button.textContent = label;
      });
  });
}
