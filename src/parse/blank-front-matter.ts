/**
 * YAML front matter at the start of a body (a document pasted with its own metadata) is not
 * text: its lines are blanked, so it is ignored and every later line keeps its number.
 */
export function blankFrontMatter(markdown: string): string {
  const match = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return markdown;
  const lines = (match[1] as string).split(/\r?\n/);
  // Only metadata: `key: value` lines, their indented continuations, list entries and comments.
  if (!lines.every((line) => line.trim() === '' || /^[\w-]+\s*:|^\s+\S|^\s*-\s|^\s*#/.test(line))) return markdown;
  if (!lines.some((line) => /^[\w-]+\s*:/.test(line))) return markdown;
  return match[0].replace(/[^\r\n]/g, '') + markdown.slice(match[0].length);
}
