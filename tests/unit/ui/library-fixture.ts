import type { ArticleSummary } from '../../../src/ui/api/library-api';

let n = 0;

/** A saved article's summary as the library lists it. */
export function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  n++;
  return {
    id: `id-${n}`,
    url: `https://news.example/story-${n}`,
    canonicalUrl: null,
    host: 'news.example',
    title: `Story ${n}`,
    byline: null,
    siteName: 'News Example',
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    wordCount: 900,
    readingMinutes: 4,
    removed: null,
    status: 'complete',
    source: 'page',
    savedAt: Date.UTC(2024, 10, 1) + n * 60_000,
    updatedAt: Date.UTC(2024, 10, 1) + n * 60_000,
    tags: [],
    isRead: false,
    isArchived: false,
    isFavorite: false,
    position: null,
    images: { total: 0, stored: 0 },
    ...overrides,
  };
}
