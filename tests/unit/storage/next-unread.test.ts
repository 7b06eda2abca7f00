/**
 * "Read next": the first unread, unarchived article after the one being read, in the order of the
 * library list the reader came from, going round to the start.
 */
import { describe, expect, it } from 'vitest';
import { nextUnread, type LibraryQuery } from '../../../src/storage/library-query';
import type { ArticleRecord } from '../../../src/storage/types';

const HOUR = 3_600_000;

function record(id: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    url: `https://news.example/${id}`,
    canonicalUrl: null,
    urlKeys: [`news.example/${id}`],
    host: 'news.example',
    title: `Story ${id}`,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    wordCount: 800,
    readingMinutes: 4,
    removed: null,
    status: 'complete',
    source: 'page',
    savedAt: 0,
    updatedAt: 0,
    tags: [],
    isRead: false,
    isArchived: false,
    isFavorite: false,
    position: null,
    images: { total: 0, stored: 0 },
    revision: 0,
    ...overrides,
  };
}

/** a (oldest) … e (newest), an hour apart. */
function library(overrides: Record<string, Partial<ArticleRecord>> = {}): ArticleRecord[] {
  return ['a', 'b', 'c', 'd', 'e'].map((id, i) => record(id, { savedAt: i * HOUR, ...overrides[id] }));
}

const next = (all: ArticleRecord[], query: LibraryQuery, current: string) =>
  nextUnread(all, query, current)?.id ?? null;

describe('next unread article', () => {
  it('follows the list’s order: newest first by default, oldest first or by title when asked', () => {
    const all = library({ a: { title: 'Zebra' }, b: { title: 'Apple' }, c: { title: 'Mango' } });
    expect(next(all, {}, 'd')).toBe('c');
    expect(next(all, { sort: 'newest' }, 'e')).toBe('d');
    expect(next(all, { sort: 'oldest' }, 'b')).toBe('c');
    // Apple (b), Mango (c), Story d, Story e, Zebra (a).
    expect(next(all, { sort: 'title' }, 'c')).toBe('d');
    expect(next(all, { sort: 'title' }, 'e')).toBe('a');
  });

  it('skips read and archived articles', () => {
    const all = library({ c: { isRead: true }, b: { isArchived: true } });
    expect(next(all, {}, 'd')).toBe('a');
    // Archived articles are listed in the favourites view, and still skipped.
    const favourites = library({
      c: { isFavorite: true },
      b: { isFavorite: true, isArchived: true },
      a: { isFavorite: true },
    });
    expect(next(favourites, { view: 'favorites' }, 'c')).toBe('a');
  });

  it('goes round to the start after the last article, never back to the current one', () => {
    const all = library({ c: { isRead: true }, d: { isRead: true } });
    expect(next(all, {}, 'a')).toBe('e');
    expect(next(library(), {}, 'a')).toBe('e');
    const alone = [record('only')];
    expect(next(alone, {}, 'only')).toBeNull();
  });

  it('says none is left when every other article is read or archived', () => {
    const all = library({ a: { isRead: true }, b: { isArchived: true }, d: { isRead: true }, e: { isRead: true } });
    expect(next(all, {}, 'c')).toBeNull();
    expect(next(library(), { view: 'archived' }, 'c')).toBeNull();
  });

  it('keeps the place of an article that reading to its end took out of the unread view', () => {
    const all = library({ c: { isRead: true } });
    expect(next(all, { view: 'unread' }, 'c')).toBe('b');
    expect(next(all, { view: 'unread', sort: 'oldest' }, 'c')).toBe('d');
  });

  it('stays within the tag, site and search of the list, in relevance order when searching', () => {
    const all = library({
      a: { tags: ['Weekend'] },
      c: { tags: ['weekend'] },
      e: { tags: ['weekend'], host: 'other.example' },
    });
    expect(next(all, { tag: 'weekend' }, 'e')).toBe('c');
    expect(next(all, { tag: 'weekend', site: 'news.example' }, 'c')).toBe('a');
    expect(next(all, { tag: 'weekend', site: 'news.example' }, 'a')).toBe('c');
    expect(next(all, { matches: ['b', 'e', 'a'], sort: 'relevance' }, 'e')).toBe('a');
    expect(next(all, { matches: ['b', 'e', 'a'], sort: 'relevance' }, 'a')).toBe('b');
  });

  it('starts from the top of the list when the current article is not in it', () => {
    const all = library();
    expect(next(all, { tag: 'none' }, 'c')).toBeNull();
    expect(next(all, { matches: ['b', 'd'] }, 'c')).toBe('b');
    expect(next(all, {}, 'deleted')).toBe('e');
  });
});
