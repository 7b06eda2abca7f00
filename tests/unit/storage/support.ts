import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { LibraryDb } from '../../../src/storage/schema';
import type { ArticleFields, SaveInput } from '../../../src/storage/article-repository';

let counter = 0;

/** A fresh database in fake-indexeddb; each test gets its own name. */
export function freshDb(): LibraryDb {
  return new LibraryDb(`test-library-${process.pid}-${++counter}`, { indexedDB, IDBKeyRange });
}

export const fakeIndexedDb = { indexedDB, IDBKeyRange };

export function fields(overrides: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title: 'Border regions brace for missiles',
    byline: 'Katya Ivanova',
    siteName: 'The Spectator',
    publishedTime: '2024-11-20T08:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'People near the border are preparing.',
    leadImage: { src: 'https://img.example/lead.jpg', alt: 'A launcher' },
    wordCount: 900,
    readingMinutes: 4,
    removed: { comments: 1, promos: 2, newsletters: 1, related: 1, share: 0, ads: 0, other: 0 },
    ...overrides,
  };
}

export function saveInput(overrides: Partial<SaveInput> = {}): SaveInput {
  return {
    url: 'https://www.example.com/news/border?utm_source=x#top',
    canonicalUrl: 'https://example.com/news/border',
    fields: fields(),
    status: 'complete',
    source: 'page',
    html: '<p>Residents of Belgorod are digging shelters.</p><img src="https://img.example/a.png">',
    text: 'Residents of Belgorod are digging shelters.',
    imageUrls: ['https://img.example/a.png'],
    images: new Map([
      ['https://img.example/a.png', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })],
    ]),
    ...overrides,
  };
}
