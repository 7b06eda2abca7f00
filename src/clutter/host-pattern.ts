/**
 * Host patterns of per-site rules: `example.com` matches the host and its subdomains,
 * `*.example.com` only subdomains, `=example.com` only the host itself (a site whose subdomains
 * are other sites: GitHub's issues are its content, a gist on gist.github.com is a snippet with
 * readers' comments under it). No paths, ports, schemes or other wildcards.
 */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_PATTERN = new RegExp(`^(\\*\\.|=)?(${LABEL}\\.)+${LABEL}$`);

export function isValidHostPattern(pattern: string): boolean {
  return HOST_PATTERN.test(pattern);
}

export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  if (pattern.startsWith('=')) return h === pattern.slice(1);
  return h === pattern || h.endsWith(`.${pattern}`);
}

/** The browser's match patterns (any scheme, any path) of the hosts a host pattern covers. */
export function matchPatternsOf(pattern: string): string[] {
  if (pattern.startsWith('*.')) return [`*://${pattern}/*`];
  if (pattern.startsWith('=')) return [`*://${pattern.slice(1)}/*`];
  return [`*://${pattern}/*`, `*://*.${pattern}/*`];
}
