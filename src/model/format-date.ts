const formatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2020-07-26` → `26 July 2020`, the way the letters write dates. */
export function formatDate(date: string): string {
  return formatter.format(new Date(`${date}T00:00:00Z`));
}
