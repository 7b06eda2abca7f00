import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { LibraryDb, SCHEMA_V1 } from '../../../src/storage/schema';
import { createSearchIndex } from '../../../src/storage/search-index';
import { fakeIndexedDb, fields } from './support';

/** Writes a library the way the version 1 code did. */
async function writeV1Library(name: string) {
  const v1 = new Dexie(name, fakeIndexedDb);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('articles').bulkPut([
    {
      id: 'a',
      url: 'https://www.example.com/a',
      canonicalUrl: null,
      urlKeys: ['www.example.com/a'],
      ...fields({ title: 'Shelters in Belgorod' }),
      status: 'complete',
      source: 'page',
      savedAt: 1,
      updatedAt: 2,
      tags: ['war'],
      isRead: true,
      isArchived: false,
      isFavorite: true,
      position: { progress: 0.25 },
      images: { total: 1, stored: 1 },
      html: '<p>Digging shelters.</p>',
      text: 'Digging shelters.',
    },
    {
      id: 'b',
      url: 'https://news.example.org/b',
      canonicalUrl: null,
      urlKeys: ['news.example.org/b'],
      ...fields({ title: 'Second' }),
      status: 'link',
      source: 'pocket',
      savedAt: 3,
      updatedAt: 3,
      tags: [],
      isRead: false,
      isArchived: true,
      isFavorite: false,
      position: null,
      images: { total: 0, stored: 0 },
      html: '',
      text: '',
    },
  ]);
  await v1.table('images').put({ articleId: 'a', url: 'https://img.example/x.png', blob: new Blob(['x']) });
  v1.close();
}

describe('library schema migrations', () => {
  it('upgrades a version 1 library: bodies move to their own store, nothing is lost', async () => {
    const name = `migrate-${Date.now()}`;
    await writeV1Library(name);

    const db = new LibraryDb(name, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBe(2);
    const a = await db.articles.get('a');
    expect(a).toMatchObject({ title: 'Shelters in Belgorod', host: 'example.com', tags: ['war'], isFavorite: true });
    expect(a).not.toHaveProperty('html');
    expect(a).not.toHaveProperty('text');
    expect(await db.contents.get('a')).toEqual({
      id: 'a',
      html: '<p>Digging shelters.</p>',
      text: 'Digging shelters.',
      imageUrls: ['https://img.example/x.png'],
    });
    expect(await db.contents.get('b')).toEqual({ id: 'b', html: '', text: '', imageUrls: [] });
    expect((await db.articles.get('b'))?.isArchived).toBe(true);
    expect(await db.images.count()).toBe(1);

    // The migrated articles are searchable: the new revision index finds them for the search index.
    const search = createSearchIndex(db);
    expect((await search.search('shelters')).map((h) => h.id)).toEqual(['a']);
    // And the repository works on the migrated data.
    const repo = createArticleRepository(db);
    expect((await repo.findByUrl('https://www.example.com/a'))?.id).toBe('a');
    search.unload();
    db.close();
  });

  it('opens an empty database at the latest version', async () => {
    const db = new LibraryDb(`fresh-${Date.now()}`, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['articles', 'contents', 'images', 'meta', 'trash']);
    db.close();
  });
});
