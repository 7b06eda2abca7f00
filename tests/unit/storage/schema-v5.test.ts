import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { LibraryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/storage/schema';
import { fakeIndexedDb, freshDb, saveInput } from './support';

describe('library schema version 5: the list’s pictures', () => {
  it('upgrades a version 3 library with its articles intact and no thumbnail yet (made when first listed)', async () => {
    const name = `migrate-v3-${Date.now()}`;
    const v3 = new Dexie(name, fakeIndexedDb);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    // A library written by the current code, copied into a database of the version 3 layout.
    const source = freshDb();
    const { record } = await createArticleRepository(source).save(saveInput());
    for (const table of ['articles', 'contents', 'images', 'meta', 'terms', 'docIds', 'searchDocs'])
      await v3.table(table).bulkPut(await source.table(table).toArray());
    source.close();
    v3.close();

    const db = new LibraryDb(name, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.articles.get(record.id)).toEqual(record);
    expect(await db.thumbnails.count()).toBe(0);
    expect(await db.siteIcons.count()).toBe(0);
    expect(await db.images.count()).toBe(1);
    expect((await createArticleRepository(db).findByUrl(record.url))?.id).toBe(record.id);
    db.close();
  });

  it('keeps a thumbnail and a site icon made at save, and drops the thumbnail with the article', async () => {
    const db = freshDb();
    const repo = createArticleRepository(db);
    const { record } = await repo.save(
      saveInput({ thumbnail: 'data:image/webp;base64,AAAA', siteIcon: 'data:image/png;base64,BBBB' }),
    );
    const pictures = await repo.pictures([record.id], [record.host]);
    expect(pictures.thumbnails.get(record.id)).toEqual({ id: record.id, dataUrl: 'data:image/webp;base64,AAAA' });
    expect(pictures.icons.get('example.com')).toEqual({ host: 'example.com', dataUrl: 'data:image/png;base64,BBBB' });

    // Saved again without one (a new body, maybe another lead image): made again later.
    await repo.save(saveInput());
    expect(await db.thumbnails.get(record.id)).toBeUndefined();
    expect(await repo.hasSiteIcon('example.com')).toBe(true);

    await repo.putThumbnails([
      { id: record.id, dataUrl: null },
      { id: 'gone', dataUrl: 'data:image/webp;base64,CCCC' },
    ]);
    expect(await db.thumbnails.toArray()).toEqual([{ id: record.id, dataUrl: null }]);
    await repo.remove([record.id]);
    expect(await db.thumbnails.count()).toBe(0);
    db.close();
  });
});
