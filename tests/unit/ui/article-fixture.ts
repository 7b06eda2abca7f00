import type { ExtractResult } from '../../../src/extract/types';

export function makeArticle(overrides: Partial<ExtractResult> = {}): ExtractResult {
  return {
    isArticle: true,
    pageType: 'article',
    url: 'https://example.com/a',
    title: 'A headline',
    byline: 'Jane Doe',
    siteName: 'Example Times',
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    html: '<p>Body one. Body two.</p>',
    text: 'Body one. Body two.',
    wordCount: 4,
    readingMinutes: 1,
    removed: { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 },
    ...overrides,
  };
}

export const LONG_HTML = ['Origins', 'The middle years', 'Aftermath', 'What next']
  .map((h, i) => `<h2>${h}</h2><p>Paragraph ${i + 1} opens here. It goes on.</p>`)
  .join('');
