/**
 * The element id a URL fragment names (`#8.6` → `8.6`, `#caf%C3%A9` → `café`). A fragment that
 * is not valid percent-encoding (`#%E0%A4%A`, typed or cut short in a link) is taken as
 * written instead of throwing a URIError that would stop the page's script.
 */
export function fragmentId(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
