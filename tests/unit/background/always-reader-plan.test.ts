import { describe, expect, it } from 'vitest';
import {
  ALWAYS_READER_REGISTRATION,
  isArticlePage,
  isChosen,
  normaliseAlwaysReader,
  registrationFor,
  withSite,
} from '../../../src/background/always-reader/always-reader-plan';
import type { ExtractResult } from '../../../src/extract/types';

const result = (isArticle: boolean, pageType: ExtractResult['pageType']) => ({ isArticle, pageType }) as ExtractResult;

describe('the chosen sites', () => {
  it('reads malformed storage as no site, keeping the valid host names once, lower-cased and sorted', () => {
    expect(normaliseAlwaysReader(undefined)).toEqual({ sites: [] });
    expect(normaliseAlwaysReader({ sites: 'news.example' })).toEqual({ sites: [] });
    expect(
      normaliseAlwaysReader({
        sites: ['b.example', 'A.example', 'a.example', 3, '', 'http://x.example/', '*.example', 'x.example/*', '[::1]'],
      }),
    ).toEqual({ sites: ['[::1]', 'a.example', 'b.example'] });
  });

  it('chooses and forgets a site, never a pattern', () => {
    const on = withSite({ sites: ['b.example'] }, 'A.example', true);
    expect(on).toEqual({ sites: ['a.example', 'b.example'] });
    expect(isChosen(on, 'a.example')).toBe(true);
    expect(isChosen(on, 'www.a.example')).toBe(false);
    expect(withSite(on, 'a.example', true)).toEqual(on);
    expect(withSite(on, 'a.example', false)).toEqual({ sites: ['b.example'] });
    expect(withSite(on, '*', true)).toEqual(on);
  });
});

describe('the registered page script', () => {
  it('runs once the page has loaded, on the chosen sites the extension has access to, and nowhere else', () => {
    const granted = new Set(['https://a.example/*', 'http://a.example/*', 'https://c.example/*']);
    const registration = registrationFor({ sites: ['a.example', 'b.example', 'c.example'] }, (p) => granted.has(p));
    expect(registration).toEqual({
      id: ALWAYS_READER_REGISTRATION,
      matches: ['http://a.example/*', 'https://a.example/*', 'https://c.example/*'],
      js: ['always-reader.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('is not registered without a site, or without access to any', () => {
    expect(registrationFor({ sites: [] }, () => true)).toBeNull();
    expect(registrationFor({ sites: ['a.example'] }, () => false)).toBeNull();
  });

  it('has an id of its own, so the clutter registrations never remove it', () => {
    expect(ALWAYS_READER_REGISTRATION.startsWith('tidy-clutter-')).toBe(false);
  });
});

describe('which pages open in the reader', () => {
  it('only articles: not refused pages, lists, threads, products or plain pages', () => {
    expect(isArticlePage(result(true, 'article'))).toBe(true);
    expect(isArticlePage(result(false, 'article'))).toBe(false);
    for (const type of ['list', 'discussion', 'product', 'documentation', 'page'] as const) {
      expect(isArticlePage(result(true, type)), type).toBe(false);
    }
  });
});
