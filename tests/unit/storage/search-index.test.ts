import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import type { LibraryDb } from '../../../src/storage/schema';
import { createSearchIndex, type SearchIndex } from '../../../src/storage/search-index';
import { fields, freshDb, saveInput } from './support';

let db: LibraryDb;
let search: SearchIndex;
afterEach(() => {
  search?.unload();
  db?.close();
});

async function setup() {
  db = freshDb();
  const repo = createArticleRepository(db);
  search = createSearchIndex(db, { persistDelayMs: 10_000 });
  const save = async (url: string, title: string, text: string, extra: Partial<Parameters<typeof fields>[0]> = {}) => {
    const { record } = await repo.save(
      saveInput({
        url,
        canonicalUrl: null,
        fields: fields({ title, ...extra }),
        text,
        images: new Map(),
        imageUrls: [],
      }),
    );
    await search.upsert([record]);
    return record;
  };
  return { repo, save };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search index', () => {
  it('finds articles by words of the title, byline, site and body, best match first', async () => {
    const { save } = await setup();
    const a = await save('https://a.example/1', 'Missiles at the border', 'Shelters are being dug.');
    const b = await save('https://b.example/2', 'Gardening in winter', 'Missiles were not mentioned until the end.', {
      byline: 'Oleg Petrov',
      siteName: 'Garden Weekly',
    });
    await search.warm();
    expect(ids(await search.search('missiles'))).toEqual([a.id, b.id]);
    expect(ids(await search.search('petrov'))).toEqual([b.id]);
    expect(ids(await search.search('garden weekly'))).toEqual([b.id]);
    expect(ids(await search.search('shelters dug'))).toEqual([a.id]);
    expect(ids(await search.search('nonexistentword'))).toEqual([]);
  });

  it('matches the word being typed as a prefix, accents and small typos', async () => {
    const { save } = await setup();
    const a = await save('https://a.example/1', 'Café culture', 'The municipality approved it.');
    await search.warm();
    expect(ids(await search.search('cafe'))).toEqual([a.id]);
    expect(ids(await search.search('munici'))).toEqual([a.id]);
    expect(ids(await search.search('municipallity'))).toEqual([a.id]);
  });

  it('follows saves, updates and deletions', async () => {
    const { repo, save } = await setup();
    await search.warm();
    const a = await save('https://a.example/1', 'Old title', 'alpha');
    expect(ids(await search.search('alpha'))).toEqual([a.id]);
    await save('https://a.example/1', 'New title', 'beta');
    expect(ids(await search.search('alpha'))).toEqual([]);
    expect(ids(await search.search('beta'))).toEqual([a.id]);
    const { removed, revision } = await repo.remove([a.id]);
    await search.remove(removed, revision);
    expect(ids(await search.search('beta'))).toEqual([]);
  });

  it('is persisted, and catches up on changes made while it was not loaded', async () => {
    const { repo, save } = await setup();
    const a = await save('https://a.example/1', 'First', 'persistent words');
    const b = await save('https://b.example/2', 'Second', 'doomed words');
    await search.warm();
    await search.flush();
    search.unload();
    // While unloaded (a restarted background): one saved, one deleted.
    const c = await save('https://c.example/3', 'Third', 'fresh words');
    await repo.remove([b.id]);
    expect(search.isLoaded).toBe(false);
    expect(ids(await search.search('words')).sort()).toEqual([a.id, c.id].sort());
    expect(ids(await search.search('persistent'))).toEqual([a.id]);
  });

  it('is rebuilt from the articles when the stored index is missing or unreadable', async () => {
    const { save } = await setup();
    const a = await save('https://a.example/1', 'Rebuilt', 'phoenix');
    await search.warm();
    await search.flush();
    search.unload();
    await db.meta.put({ key: 'search-index', value: { revision: 99, ids: [], json: '{"broken' } });
    expect(ids(await search.search('phoenix'))).toEqual([a.id]);
    search.unload();
    await db.meta.delete('search-index');
    expect(ids(await search.search('phoenix'))).toEqual([a.id]);
  });
});
