import { describe, expect, it } from 'vitest';
import { isSameSite, sameSiteCanonical, siteOf } from '../../../src/library-io/same-site';

describe('siteOf', () => {
  it('is the registrable domain by the Public Suffix List', () => {
    expect(siteOf('https://www.example.com/a')).toBe('example.com');
    expect(siteOf('https://news.bbc.co.uk/story')).toBe('bbc.co.uk');
    expect(siteOf('https://alice.github.io/blog/')).toBe('alice.github.io');
    expect(siteOf('https://WWW.Example.COM./a')).toBe('example.com');
  });

  it('is the host itself where there is no registrable domain, and null for no address', () => {
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('http://[::1]/')).toBe('[::1]');
    expect(siteOf('http://localhost:3000/')).toBe('localhost');
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
  });
});

describe('isSameSite', () => {
  it.each([
    ['https://example.com/a', 'https://www.example.com/a', 'www and the apex'],
    ['https://www.example.com/a', 'https://example.com/a', 'the apex and www'],
    ['https://blog.example.com/a', 'https://www.example.com/b', 'two subdomains of one domain'],
    ['https://m.news.example.co.uk/a', 'https://example.co.uk/a', 'under a two-label public suffix'],
    ['http://example.com/a', 'https://example.com:8443/a', 'scheme and port aside'],
    ['http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/b', 'one IP address'],
  ])('%s and %s: same site (%s)', (a, b) => {
    expect(isSameSite(a, b)).toBe(true);
  });

  it.each([
    ['https://example.com/a', 'https://example.org/a', 'another domain'],
    ['https://a.github.io/post', 'https://b.github.io/post', 'two github.io sites (a private public suffix)'],
    ['https://x.co.uk/a', 'https://y.co.uk/a', 'two .co.uk domains'],
    ['https://shop.x.co.uk/a', 'https://y.co.uk/a', 'a subdomain of another .co.uk domain'],
    ['https://example.com.evil.net/a', 'https://example.com/a', 'a look-alike prefix'],
    ['https://evil-example.com/a', 'https://example.com/a', 'a look-alike name'],
    ['https://github.io/a', 'https://a.github.io/a', 'a public suffix and a site under it'],
    ['http://127.0.0.1/a', 'http://127.0.0.2/a', 'two IP addresses'],
    ['http://127.0.0.1/a', 'http://localhost/a', 'an IP address and a name'],
    ['https://example.com/a', 'not a url', 'no address'],
  ])('%s and %s: different sites (%s)', (a, b) => {
    expect(isSameSite(a, b)).toBe(false);
  });
});

describe('sameSiteCanonical', () => {
  it('keeps a canonical address on the page’s own site', () => {
    expect(sameSiteCanonical('https://www.example.com/story?utm_source=x', 'https://example.com/story')).toBe(
      'https://example.com/story',
    );
    expect(sameSiteCanonical('https://amp.example.com/story', 'https://www.example.com/story')).toBe(
      'https://www.example.com/story',
    );
  });

  it('ignores one on another site, and passes no canonical through', () => {
    expect(sameSiteCanonical('https://copycat.example.net/story', 'https://example.com/story')).toBeNull();
    expect(sameSiteCanonical('https://a.github.io/post', 'https://b.github.io/post')).toBeNull();
    expect(sameSiteCanonical('https://x.co.uk/a', 'https://y.co.uk/a')).toBeNull();
    expect(sameSiteCanonical('https://example.com/story', null)).toBeNull();
  });
});
