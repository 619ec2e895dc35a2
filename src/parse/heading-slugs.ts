/**
 * The anchors publishing tools give headings, so links written for them keep landing here.
 *
 * GitHub (github-slugger): lower case; punctuation and symbols removed; each space a hyphen;
 * a repeated slug gets `-1`, `-2`… (`## K. Payment` → `k-payment`, `## 4. Additional Terms` →
 * `4-additional-terms`, `## § 1 Subject` → `-1-subject`).
 * kramdown (auto_ids): only ASCII letters, digits, spaces and hyphens kept, spaces to hyphens,
 * everything before the first letter dropped (`4. Additional Terms` → `additional-terms`).
 */
export class HeadingSlugger {
  private readonly github = new Map<string, number>();
  private readonly kramdown = new Map<string, number>();

  /** The GitHub and kramdown anchors of the next heading of the document, by its text as written. */
  slugs(text: string): string[] {
    const github = unique(
      this.github,
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-'),
    );
    const base = text
      .replace(/[^a-zA-Z0-9 -]/g, '')
      .replace(/^[^a-zA-Z]+/, '')
      .replace(/ /g, '-')
      .toLowerCase();
    const kramdown = unique(this.kramdown, base || 'section');
    return github === kramdown ? [github] : [github, kramdown];
  }
}

function unique(seen: Map<string, number>, slug: string): string {
  const count = seen.get(slug);
  seen.set(slug, (count ?? 0) + 1);
  return count === undefined ? slug : `${slug}-${count}`;
}
