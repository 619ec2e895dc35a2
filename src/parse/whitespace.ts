/** Collapses runs of whitespace (hard wraps, trailing spaces) to one space, and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
