/**
 * Version 4 adds the `highlights` store. A library written at every earlier version opens with
 * its data as it was and takes highlights; the test checks "at least 4" so that later versions
 * (which must keep this store) run it unchanged.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { createHighlightRepository } from '../../../src/storage/highlight-repository';
import { LibraryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/storage/schema';
import { fakeIndexedDb, fields } from './support';

const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];

function article(version: number) {
  const base = {
    id: 'a',
    url: 'https://example.com/a',
    canonicalUrl: null,
    urlKeys: ['example.com/a'],
    ...fields({ title: 'Harbour archive' }),
    status: 'complete',
    source: 'page',
    savedAt: 1,
    updatedAt: 2,
    tags: ['sea'],
    isRead: false,
    isArchived: false,
    isFavorite: true,
    position: null,
    images: { total: 0, stored: 0 },
  };
  if (version === 1) return { ...base, html: '<p>Fishermen and charts.</p>', text: 'Fishermen and charts.' };
  return { ...base, host: 'example.com', revision: 1 };
}

/** Writes a one-article library the way the code of `version` did. */
async function writeLibrary(name: string, version: number): Promise<void> {
  const old = new Dexie(name, fakeIndexedDb);
  SCHEMAS.slice(0, version).forEach((schema, i) => old.version(i + 1).stores(schema));
  await old.table('articles').put(article(version));
  if (version >= 2) {
    await old
      .table('contents')
      .put({ id: 'a', html: '<p>Fishermen and charts.</p>', text: 'Fishermen and charts.', imageUrls: [] });
  }
  // A deletion waiting for undo, written before highlights existed.
  await old.table('trash').put({ token: 't', deletedAt: Date.now(), articles: [], contents: [], images: [] });
  old.close();
}

describe('library schema version 4: highlights', () => {
  for (const version of [1, 2, 3]) {
    it(`upgrades a version ${version} library: everything kept, highlights can be added`, async () => {
      const name = `highlights-from-v${version}-${Date.now()}`;
      await writeLibrary(name, version);
      const db = new LibraryDb(name, fakeIndexedDb);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(4);
      expect(db.tables.map((t) => t.name)).toContain('highlights');
      expect(await db.highlights.count()).toBe(0);
      expect(await db.articles.get('a')).toMatchObject({ title: 'Harbour archive', tags: ['sea'], isFavorite: true });
      expect((await db.contents.get('a'))?.text).toBe('Fishermen and charts.');

      const highlights = createHighlightRepository(db);
      const added = await highlights.add({
        articleId: 'a',
        color: 'green',
        ...describeSpan('Fishermen and charts.', 0, 9),
      });
      expect(await highlights.listFor('a')).toEqual([added]);
      // Undo of a deletion made before the upgrade still works (its entry has no highlights).
      await expect(createArticleRepository(db).restore('t')).resolves.toEqual([]);
      db.close();
    });
  }
});
