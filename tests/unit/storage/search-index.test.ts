import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import type { LibraryDb } from '../../../src/storage/schema';
import { createSearchIndex, repairSearchIndex, type SearchIndex } from '../../../src/storage/search-index';
import { termsOf } from '../../../src/storage/search-terms';
import { SHARD_SIZE } from '../../../src/storage/term-index';
import { fields, freshDb, saveInput } from './support';

let db: LibraryDb;
let search: SearchIndex;
afterEach(() => {
  db?.close();
});

function setup() {
  db = freshDb();
  const repo = createArticleRepository(db);
  search = createSearchIndex(db);
  const input = (url: string, title: string, text: string, extra: Partial<Parameters<typeof fields>[0]> = {}) =>
    saveInput({ url, canonicalUrl: null, fields: fields({ title, ...extra }), text, images: new Map(), imageUrls: [] });
  const save = async (...args: Parameters<typeof input>) => {
    const { record } = await repo.save(input(...args));
    return record;
  };
  return { repo, save, input };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search index', () => {
  it('finds articles by words of the title, byline, site and body, title matches first', async () => {
    const { save } = setup();
    const b = await save('https://b.example/2', 'Gardening in winter', 'Missiles were not mentioned until the end.', {
      byline: 'Oleg Petrov',
      siteName: 'Garden Weekly',
    });
    const a = await save('https://a.example/1', 'Missiles at the border', 'Shelters are being dug.');
    expect(ids(await search.search('missiles'))).toEqual([a.id, b.id]);
    expect(ids(await search.search('petrov'))).toEqual([b.id]);
    expect(ids(await search.search('garden weekly'))).toEqual([b.id]);
    expect(ids(await search.search('shelters dug'))).toEqual([a.id]);
    expect(ids(await search.search('shelters winter'))).toEqual([]);
    expect(ids(await search.search('nonexistentword'))).toEqual([]);
    expect(ids(await search.search('the'))).toEqual([]);
  });

  it('matches the word being typed as a prefix, accents and one-letter typos in long words', async () => {
    const { save } = setup();
    const a = await save('https://a.example/1', 'Café culture', 'The municipality approved it.');
    expect(ids(await search.search('cafe'))).toEqual([a.id]);
    expect(ids(await search.search('CAFÉ'))).toEqual([a.id]);
    expect(ids(await search.search('munici'))).toEqual([a.id]);
    expect(ids(await search.search('municipallity'))).toEqual([a.id]);
    expect(ids(await search.search('muncipality'))).toEqual([a.id]);
    expect(ids(await search.search('mu'))).toEqual([]);
  });

  it('follows saves, updates, deletions and undo', async () => {
    const { repo, save } = setup();
    const a = await save('https://a.example/1', 'Old title', 'alpha');
    expect(ids(await search.search('alpha'))).toEqual([a.id]);
    await save('https://a.example/1', 'New title', 'beta');
    expect(ids(await search.search('alpha'))).toEqual([]);
    expect(ids(await search.search('beta'))).toEqual([a.id]);
    const { token } = await repo.remove([a.id]);
    expect(ids(await search.search('beta'))).toEqual([]);
    await repo.restore(token);
    expect(ids(await search.search('beta title'))).toEqual([a.id]);
  });

  it('rebuilds itself when it does not cover the library, and leaves a sound one alone', async () => {
    const { save } = setup();
    const a = await save('https://a.example/1', 'Harbour charts', 'Fishermen mend their nets.');
    await save('https://b.example/2', 'Winter gardens', 'Frost and roses.');
    expect(await repairSearchIndex(db)).toBe(false);
    // As a database restored from elsewhere might be: articles without their index.
    await Promise.all([db.terms.clear(), db.searchDocs.clear(), db.docIds.clear()]);
    expect(ids(await search.search('charts'))).toEqual([]);
    expect(await repairSearchIndex(db)).toBe(true);
    expect(ids(await search.search('charts'))).toEqual([a.id]);
    expect(ids(await search.search('fishermen nets'))).toEqual([a.id]);
    // And it goes on following saves.
    const c = await save('https://c.example/3', 'Charts of the north', 'Ice.');
    expect(ids(await search.search('charts'))).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(await repairSearchIndex(db)).toBe(false);
  });

  it('needs nothing loaded: a restarted background answers its first search from the database', async () => {
    const { save } = setup();
    const a = await save('https://a.example/1', 'First', 'persistent words');
    const fresh = createSearchIndex(db);
    expect(ids(await fresh.search('persistent'))).toEqual([a.id]);
  });

  it('indexes an import of many articles in one transaction, across shards', async () => {
    const { repo, input } = setup();
    const count = SHARD_SIZE + 30;
    const outcomes = await repo.saveAll(
      Array.from({ length: count }, (_, i) =>
        input(`https://bulk.example/${i}`, `Bulk ${i}`, `common words ${i % 7 === 0 ? 'septenary' : 'plain'} item${i}`),
      ),
    );
    expect((await search.search('common', 5000)).length).toBe(count);
    expect((await search.search('septenary', 5000)).length).toBe(Math.ceil(count / 7));
    const last = outcomes.at(-1)!.record;
    expect(ids(await search.search(`item${count - 1}`))).toEqual([last.id]);
  });

  it('agrees with a plain scan of the texts after random saves and deletions', async () => {
    const { repo, input } = setup();
    const words = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'glade', 'heath'];
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const texts = new Map<string, string>();
    for (let step = 0; step < 120; step++) {
      const n = Math.floor(random() * 30);
      if (random() < 0.25 && texts.size > 0) {
        const id = [...texts.keys()][Math.floor(random() * texts.size)]!;
        await repo.remove([id]);
        texts.delete(id);
      } else {
        const text = Array.from({ length: 6 }, () => words[Math.floor(random() * words.length)]).join(' ');
        const { record } = await repo.save(input(`https://rand.example/${n}`, `Entry ${n}`, text));
        texts.set(record.id, text);
      }
    }
    for (const word of words) {
      const expected = [...texts].filter(([, t]) => termsOf(t).includes(word)).map(([id]) => id);
      expect(ids(await search.search(word, 1000)).sort(), word).toEqual(expected.sort());
    }
  });
});
