const formatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// A site shows the same few dozen dates on tens of thousands of pages; Intl formatting is slow.
const formatted = new Map<string, string>();

/** `2020-07-26` → `26 July 2020`, the way the letters write dates. */
export function formatDate(date: string): string {
  let text = formatted.get(date);
  if (text === undefined) {
    text = formatter.format(new Date(`${date}T00:00:00Z`));
    formatted.set(date, text);
  }
  return text;
}
