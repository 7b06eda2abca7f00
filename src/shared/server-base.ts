/**
 * A server's address as the base of the paths under it (a WebDAV folder, an API root): http(s),
 * no credentials in it, no query or fragment, ending in `/`. Null when it is none.
 */
export function serverBase(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
    url.hash = '';
    url.search = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.href;
  } catch {
    return null;
  }
}
