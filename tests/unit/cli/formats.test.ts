import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { toHtml } from '../../../src/cli/formats';
import type { ExtractResult } from '../../../src/extract/types';

const RESULT: ExtractResult = {
  isArticle: true,
  pageType: 'article',
  url: 'https://news.example/a?x=1&y="2"',
  title: 'A <b>bold</b> title',
  byline: 'Ann & Bo',
  siteName: null,
  publishedTime: null,
  lang: 'en" onfocus="y',
  dir: 'rtl" onload="x' as 'rtl',
  excerpt: null,
  leadImage: null,
  html: '<p>Body.</p>',
  text: 'Body.',
  wordCount: 1,
  readingMinutes: 1,
  removed: { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 },
};

describe('the CLI as a standalone HTML page', () => {
  it('escapes every value it writes into the page, the text direction included', () => {
    const html = toHtml({ input: 'a.html', result: RESULT });
    const doc = new JSDOM(html).window.document;
    expect(doc.documentElement.getAttribute('dir')).toBe(RESULT.dir);
    expect(doc.documentElement.getAttribute('lang')).toBe(RESULT.lang);
    expect(doc.querySelector('[onload], [onfocus], h1 b')).toBeNull();
    expect(doc.querySelector('h1')?.textContent).toBe(RESULT.title);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(RESULT.url);
  });
});
