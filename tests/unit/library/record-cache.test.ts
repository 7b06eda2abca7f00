import { afterEach, describe, expect, it } from 'vitest';
import { createRecordCache } from '../../../src/background/library/record-cache';
import type { LibraryDb } from '../../../src/storage/schema';
import type { ArticleRecord } from '../../../src/storage/types';
import { fields, freshDb } from '../storage/support';

let db: LibraryDb;
afterEach(() => db?.close());

function record(n: number): ArticleRecord {
  const id = `a${String(n).padStart(5, '0')}`;
  return {
    id,
    url: `https://example.com/${n}`,
    canonicalUrl: null,
    urlKeys: [`example.com/${n}`],
    host: 'example.com',
    ...fields({ title: `Entry ${n}` }),
    status: 'complete',
    source: 'page',
    savedAt: n,
    updatedAt: n,
    tags: [],
    isRead: false,
    isArchived: false,
    isFavorite: false,
    position: null,
    images: { total: 0, stored: 0 },
    revision: 1,
  };
}

describe('the background’s in-memory list', () => {
  it('reads every record, in chunks, once', async () => {
    db = freshDb();
    await db.articles.bulkPut(Array.from({ length: 2345 }, (_, i) => record(i)));
    const cache = createRecordCache(db);
    expect(cache.isLoaded).toBe(false);
    const [all, again] = await Promise.all([cache.get(), cache.get()]);
    expect(all).toBe(again);
    expect(all.size).toBe(2345);
    expect(all.get('a02344')?.title).toBe('Entry 2344');
    expect(cache.isLoaded).toBe(true);
  });

  it('misses no write made while it was loading, and follows writes after', async () => {
    db = freshDb();
    await db.articles.bulkPut(Array.from({ length: 2500 }, (_, i) => record(i)));
    const cache = createRecordCache(db);
    const loading = cache.get();
    // Written while the chunks are being read: the first chunk may already be in memory.
    const changed = { ...record(0), title: 'Changed' };
    await db.articles.put(changed);
    await db.articles.delete('a02499');
    cache.written([changed], ['a02499']);
    const all = await loading;
    expect(all.get('a00000')?.title).toBe('Changed');
    expect(all.has('a02499')).toBe(false);
    expect(all.size).toBe(2499);

    cache.written([{ ...record(1), isRead: true }], ['a00002']);
    expect((await cache.get()).get('a00001')?.isRead).toBe(true);
    expect((await cache.get()).has('a00002')).toBe(false);
  });
});
