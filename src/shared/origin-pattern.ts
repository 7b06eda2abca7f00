/** Host permission patterns for web addresses, shared by the background and the pages. */

/** Match patterns without a port match every port, in Chrome and Firefox alike. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The distinct origin patterns of the http(s) addresses among `urls`. */
export function originPatternsOf(urls: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') patterns.add(originPattern(parsed.origin));
    } catch {
      // Not an address: nothing to ask access for.
    }
  }
  return [...patterns];
}
