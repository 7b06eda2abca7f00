import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { readSummary } from '../../../src/storage/library-summary';
import { LibraryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/storage/schema';
import { createSearchIndex } from '../../../src/storage/search-index';
import { createSyncStore } from '../../../src/storage/sync-store';
import { fakeIndexedDb, freshDb, saveInput } from './support';

describe('schema version 6: the sync records', () => {
  it('upgrades a version 3 library: what it holds is kept, the sync records start empty', async () => {
    const name = `sync-v6-${Date.now()}`;
    // A library written by the code of version 3, through a database that knows only versions 1–3.
    const v3 = new LibraryDb(`${name}-source`, fakeIndexedDb);
    const { record } = await createArticleRepository(v3).save(saveInput());
    const tables = ['articles', 'contents', 'images', 'meta', 'terms', 'docIds', 'searchDocs'] as const;
    const rows = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await v3.table(t).toArray()])));
    v3.close();
    const old = new Dexie(name, fakeIndexedDb);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    for (const t of tables) await old.table(t).bulkPut(rows[t]);
    old.close();

    const db = new LibraryDb(name, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.syncShadows.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect((await db.articles.get(record.id))?.title).toBe(record.title);
    expect(await db.images.count()).toBe(1);
    expect((await createSearchIndex(db).search('belgorod')).map((h) => h.id)).toEqual([record.id]);
    // The sync's records take what it gives them.
    await createSyncStore(db).putShadow({ id: record.id, file: { any: 'shape' }, server: null });
    expect(await createSyncStore(db).shadows()).toHaveLength(1);
    db.close();
  });

  it('applies a merged article exactly, keeping the search index and the counts in step', async () => {
    const db = freshDb();
    const repo = createArticleRepository(db);
    const { record } = await repo.save(saveInput({ state: { tags: ['war', 'maps'] } }));
    const store = createSyncStore(db);
    const content = (await store.content(record.id))!;
    expect(await store.changedSince(0)).toHaveLength(1);
    const before = await store.revision();

    const written = await store.apply(
      {
        record: { ...record, title: 'Shelters renamed', tags: ['maps'], isArchived: true },
        content: { ...content, text: 'Renamed body about lighthouses.' },
        images: null,
        highlights: [],
      },
      record.revision,
    );
    expect(written?.revision).toBeGreaterThan(before);
    // Tags are replaced, not added to (a save adds).
    expect((await db.articles.get(record.id))?.tags).toEqual(['maps']);
    expect((await createSearchIndex(db).search('lighthouses')).map((h) => h.id)).toEqual([record.id]);
    const summary = await readSummary(db);
    expect(summary?.views.archived).toBe(1);
    expect(summary?.tags.get('war')).toBeUndefined();
    expect(await db.images.count()).toBe(1);

    // Written since the sync read it: the write is skipped, the newer edit stays.
    expect(
      await store.apply(
        { record, content, images: { replace: true, byUrl: new Map() }, highlights: [] },
        record.revision,
      ),
    ).toBeNull();
    expect((await db.articles.get(record.id))?.title).toBe('Shelters renamed');
    expect(await store.revisionsSince(before)).toEqual([written!.revision]);
  });

  it('removes an article with its body and images, unless it was written since', async () => {
    const db = freshDb();
    const { record } = await createArticleRepository(db).save(saveInput());
    const store = createSyncStore(db);
    expect(await store.remove(record.id, record.revision - 1)).toBe(false);
    expect(await store.remove(record.id, record.revision)).toBe(true);
    expect(await db.articles.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    expect((await readSummary(db))?.library).toBe(0);
    expect(await createSearchIndex(db).search('belgorod')).toEqual([]);
  });
});
