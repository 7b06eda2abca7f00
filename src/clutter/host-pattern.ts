/**
 * Host patterns of per-site rules: `example.com` matches the host and its subdomains,
 * `*.example.com` only subdomains. No paths, ports, schemes or other wildcards.
 */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_PATTERN = new RegExp(`^(\\*\\.)?(${LABEL}\\.)+${LABEL}$`);

export function isValidHostPattern(pattern: string): boolean {
  return HOST_PATTERN.test(pattern);
}

export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern || h.endsWith(`.${pattern}`);
}
