import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { readSummary, summarise } from '../../../src/storage/library-summary';
import { LibraryDb, SCHEMA_V1, SCHEMA_V2 } from '../../../src/storage/schema';
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
    expect(db.verno).toBe(6);
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

    // The migrated articles are searchable: version 3 indexed them.
    const search = createSearchIndex(db);
    expect((await search.search('shelters')).map((h) => h.id)).toEqual(['a']);
    expect((await search.search('belgorod')).map((h) => h.id)).toEqual(['a']);
    // And the repository works on the migrated data.
    const repo = createArticleRepository(db);
    expect((await repo.findByUrl('https://www.example.com/a'))?.id).toBe('a');
    db.close();
  });

  it('upgrades a version 2 library: its MiniSearch index gives way to the index in the database', async () => {
    const name = `migrate-v2-${Date.now()}`;
    const v2 = new Dexie(name, fakeIndexedDb);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const record = (id: string, title: string) => ({
      id,
      url: `https://example.com/${id}`,
      canonicalUrl: null,
      urlKeys: [`example.com/${id}`],
      host: 'example.com',
      ...fields({ title }),
      status: 'complete',
      source: 'page',
      savedAt: 1,
      updatedAt: 1,
      tags: [],
      isRead: false,
      isArchived: false,
      isFavorite: false,
      position: null,
      images: { total: 0, stored: 0 },
      revision: 4,
    });
    await v2.table('articles').bulkPut([record('x', 'Harbour archive'), record('y', 'Winter gardens')]);
    await v2.table('contents').bulkPut([
      { id: 'x', html: '<p>Fishermen and charts.</p>', text: 'Fishermen and charts.', imageUrls: [] },
      { id: 'y', html: '<p>Frost and roses.</p>', text: 'Frost and roses.', imageUrls: [] },
    ]);
    await v2.table('meta').put({ key: 'search-index', value: { revision: 4, ids: ['x', 'y'], json: '{}' } });
    v2.close();

    const db = new LibraryDb(name, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.meta.get('search-index')).toBeUndefined();
    const search = createSearchIndex(db);
    expect((await search.search('charts')).map((h) => h.id)).toEqual(['x']);
    expect((await search.search('roses')).map((h) => h.id)).toEqual(['y']);
    // And counted: the first screen can answer from the counts before any write.
    expect(await readSummary(db)).toEqual(summarise(await db.articles.toArray()));
    expect((await readSummary(db))?.views.all).toBe(2);
    db.close();
  });

  it('opens an empty database at the latest version', async () => {
    const db = new LibraryDb(`fresh-${Date.now()}`, fakeIndexedDb);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'articles',
      'contents',
      'docIds',
      'highlights',
      'images',
      'meta',
      'searchDocs',
      'siteIcons',
      'syncShadows',
      'syncState',
      'terms',
      'thumbnails',
      'trash',
    ]);
    db.close();
  });
});
