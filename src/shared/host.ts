/**
 * Host names of addresses, in the two forms the extension uses. Pure (no browser globals), so the
 * extraction core may import it too.
 */

/** The host name as the browser reads it (`www.example.com`), or '' for what is not an address. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The site as a reader names it: the host name without a leading `www.` (`example.com`), or ''. */
export function hostOf(url: string): string {
  return hostnameOf(url).replace(/^www\./, '');
}
