/**
 * The key under which an address is "the same article": scheme and host lower-cased, default port,
 * fragment and well-known tracking parameters dropped. Paths and other parameters are kept, since
 * sites use them to tell articles apart.
 */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src|cmpid)$/i;

export function toUrlKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(name)) parsed.searchParams.delete(name);
  }
  // http and https versions of a page are the same article.
  const hostAndRest = parsed.href.slice(parsed.protocol.length + 2);
  return hostAndRest.replace(/\?$/, '');
}

export function toUrlKeys(...urls: (string | null | undefined)[]): string[] {
  const keys = urls.map((u) => (u ? toUrlKey(u) : null)).filter((k): k is string => k !== null);
  return [...new Set(keys)];
}
