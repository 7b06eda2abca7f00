import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article';
import { loadFixture, parseFixture } from '../support/fixtures';

describe('extractArticle', () => {
  it('finds the seed article and its metadata', () => {
    const fixture = loadFixture('magazine-seed');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(result.isArticle).toBe(true);
    expect(result.title).toBe(fixture.expectedMetadata.title);
    expect(result.byline).toBe(fixture.expectedMetadata.byline);
    expect(result.siteName).toBe(fixture.expectedMetadata.siteName);
    expect(result.readingMinutes).toBeGreaterThanOrEqual(2);
    for (const paragraph of fixture.expectedText.split('\n\n')) expect(result.text).toContain(paragraph);
  });

  it('says why a front page is not an article, and extracts it anyway when forced', () => {
    const fixture = loadFixture('front-page');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(result).toMatchObject({ isArticle: false, reason: expect.stringMatching(/article/) });
    expect(result.text).toBe('');
    const forced = extractArticle(parseFixture(fixture), { url: fixture.url, force: true });
    expect(forced.text.length).toBeGreaterThan(0);
  });

  it('never changes the page it reads', () => {
    const fixture = loadFixture('magazine-seed');
    const doc = parseFixture(fixture);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { url: fixture.url });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
