/**
 * Sites, as browsers draw their boundaries: the registrable domain of a host by the Public Suffix
 * List (shipped with tldts). Its private section counts, so a.github.io and b.github.io, which
 * belong to different people, are different sites, as are x.co.uk and y.co.uk. A host without a
 * registrable domain (an IP address, localhost) is a site of its own.
 *
 * The list is about 140 KB of code that builds its tables when loaded: it is imported only where
 * an article is saved (`DomHost.sameSiteCanonical`), never by the service worker as it wakes.
 */
import { getDomain } from 'tldts';

export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (host === '') return null;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function isSameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}

/**
 * A page's canonical address (`<link rel=canonical>`, `og:url`) is the article's identity only
 * when it is on the page's own site. Otherwise the page's own address is: a page could else name
 * another site's article as its canonical, replace that saved article and be listed under its site.
 */
export function sameSiteCanonical(pageUrl: string, canonicalUrl: string | null): string | null {
  return canonicalUrl !== null && isSameSite(pageUrl, canonicalUrl) ? canonicalUrl : null;
}
