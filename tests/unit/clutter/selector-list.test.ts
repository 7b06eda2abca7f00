// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  compileSelectorList,
  hostMatches,
  isValidHostPattern,
  matchPatternsOf,
  normaliseLabel,
  parseCompound,
} from '../../../src/clutter';

describe('parseCompound', () => {
  it('reads tag, id, classes and attribute tests', () => {
    expect(parseCompound('a.share.big[href*="twitter.com/intent" i][data-x]')).toEqual({
      source: 'a.share.big[href*="twitter.com/intent" i][data-x]',
      tag: 'A',
      id: null,
      classes: ['share', 'big'],
      attributes: [
        { name: 'href', op: '*=', value: 'twitter.com/intent', insensitive: true },
        { name: 'data-x', op: '', value: '', insensitive: false },
      ],
    });
    expect(parseCompound('#comments')?.id).toBe('comments');
  });

  it('refuses combinators, pseudo-classes and lists', () => {
    for (const selector of ['div p', 'div > p', 'a:hover', 'a, b', 'p:not(.x)', '']) {
      expect(parseCompound(selector), selector).toBeNull();
    }
  });
});

describe('compileSelectorList', () => {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><div id="a" class="Ad box"><p class="ad-slot x">1</p><p class="head-slot">2</p><a href="https://x.com/intent/post">3</a></div>`,
    'text/html',
  );

  it('agrees with the DOM, including case rules and prefix tests', () => {
    for (const selector of [
      '.ad',
      '.Ad',
      '[class^="ad-slot"]',
      '[class*="AD" i]',
      'a[href*="x.com/intent/"]',
      'div#a.box',
      'p',
      '*',
    ]) {
      expect(compileSelectorList([selector]).matchAll(doc.body), selector).toEqual(
        Array.from(doc.body.querySelectorAll(selector)),
      );
    }
  });

  it('hands complex selectors to the DOM and returns matches in document order', () => {
    const list = compileSelectorList(['a', 'div > p.x']);
    expect(list.matchAll(doc.body).map((e) => e.textContent)).toEqual(['1', '3']);
    expect(list.matches(doc.querySelector('p.x') as Element)).toBe(true);
    expect(list.matches(doc.querySelector('p.head-slot') as Element)).toBe(false);
  });
});

describe('host patterns', () => {
  it('matches a host and its subdomains, or subdomains only with *.', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
  });

  it('matches the host alone with =', () => {
    expect(hostMatches('=example.com', 'example.com')).toBe(true);
    expect(hostMatches('=example.com', 'EXAMPLE.com.')).toBe(true);
    expect(hostMatches('=example.com', 'gist.example.com')).toBe(false);
    expect(hostMatches('=example.com', 'badexample.com')).toBe(false);
  });

  it("gives the browser's match patterns of the hosts a pattern covers", () => {
    expect(matchPatternsOf('example.com')).toEqual(['*://example.com/*', '*://*.example.com/*']);
    expect(matchPatternsOf('*.example.com')).toEqual(['*://*.example.com/*']);
    expect(matchPatternsOf('=example.com')).toEqual(['*://example.com/*']);
  });

  it('accepts only plain host names', () => {
    for (const ok of ['example.com', '*.example.co.uk', '=example.com', 'xn--bcher-kva.example'])
      expect(isValidHostPattern(ok), ok).toBe(true);
    for (const bad of [
      'example',
      'http://example.com',
      'example.com/path',
      '*example.com',
      '=*.example.com',
      '==example.com',
      'example=.com',
      'exa mple.com',
      'example.com:8080',
      '-a.com',
    ]) {
      expect(isValidHostPattern(bad), bad).toBe(false);
    }
  });
});

describe('normaliseLabel', () => {
  it('compares labels without case, decoration or invisible characters', () => {
    expect(normaliseLabel('  READ\u00a0MORE: ')).toBe('read more');
    expect(normaliseLabel('» Don’t miss\u200b')).toBe("don't miss");
  });
});
