import { afterEach, describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { LibraryError } from '../../../src/storage/errors';
import { createHighlightRepository } from '../../../src/storage/highlight-repository';
import type { LibraryDb } from '../../../src/storage/schema';
import { createSearchIndex } from '../../../src/storage/search-index';
import { freshDb, saveInput } from './support';

let db: LibraryDb;
afterEach(() => db?.close());

const TEXT = 'Residents of Belgorod are digging shelters.';

function setup() {
  db = freshDb();
  const clock = { t: 1_700_000_000_000 };
  let n = 0;
  const ids = { now: () => clock.t, newId: () => `id-${++n}` };
  return { articles: createArticleRepository(db, ids), highlights: createHighlightRepository(db, ids), clock };
}

describe('highlight repository', () => {
  it('marks the article written at every change of its highlights, so that the sync sends them', async () => {
    const { articles, highlights, clock } = setup();
    const { record: article } = await articles.save(saveInput());
    const revision = async () => (await db.articles.get(article.id))!.revision;
    const before = await revision();
    const added = await highlights.add({ articleId: article.id, color: 'yellow', ...describeSpan(TEXT, 13, 21) });
    const afterAdd = await revision();
    expect(afterAdd).toBeGreaterThan(before);
    await highlights.update(added.id, { note: 'Near the border' });
    const afterEdit = await revision();
    expect(afterEdit).toBeGreaterThan(afterAdd);
    // A deletion has no record left to date it: the article says when it happened.
    clock.t += 5000;
    await highlights.remove(added.id);
    const removed = (await db.articles.get(article.id))!;
    expect(removed.revision).toBeGreaterThan(afterEdit);
    expect(removed.updatedAt).toBe(clock.t);
    await highlights.putAll([added]);
    expect(await revision()).toBeGreaterThan(removed.revision);
  });

  it('adds, edits and deletes a highlight of a saved article, keeping every field plain data', async () => {
    const { articles, highlights, clock } = setup();
    const { record: article } = await articles.save(saveInput());
    const added = await highlights.add({ articleId: article.id, color: 'yellow', ...describeSpan(TEXT, 13, 21) });
    expect(added).toEqual({
      id: 'id-2',
      articleId: article.id,
      color: 'yellow',
      note: '',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Belgorod',
        prefix: 'Residents of ',
        suffix: ' are digging shelters.',
      },
      position: { type: 'TextPositionSelector', start: 13, end: 21 },
      createdAt: clock.t,
      updatedAt: clock.t,
    });
    expect(JSON.parse(JSON.stringify(added))).toEqual(added);

    clock.t += 1000;
    const noted = await highlights.update(added.id, { note: 'Near the border', color: 'blue' });
    expect(noted).toMatchObject({
      note: 'Near the border',
      color: 'blue',
      createdAt: added.createdAt,
      updatedAt: clock.t,
    });
    // Re-anchoring moves it without counting as an edit.
    clock.t += 1000;
    const moved = await highlights.update(added.id, { position: { type: 'TextPositionSelector', start: 20, end: 28 } });
    expect(moved.updatedAt).toBe(noted.updatedAt);
    expect(await highlights.listFor(article.id)).toEqual([moved]);

    expect(await highlights.remove(added.id)).toEqual(moved);
    expect(await highlights.listFor(article.id)).toEqual([]);
    expect(await highlights.remove(added.id)).toBeNull();
    await expect(highlights.update(added.id, { note: 'x' })).rejects.toMatchObject({ reason: 'highlight-gone' });
  });

  it('refuses a highlight for an article that is not saved', async () => {
    const { highlights } = setup();
    const error = await highlights
      .add({ articleId: 'nope', color: 'green', ...describeSpan(TEXT, 0, 9) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'not-found', reason: 'article-gone' });
  });

  it('counts highlights per article and lists the library newest first', async () => {
    const { articles, highlights, clock } = setup();
    const a = (await articles.save(saveInput())).record;
    const b = (await articles.save(saveInput({ url: 'https://example.org/b', canonicalUrl: null }))).record;
    for (const [articleId, start] of [
      [a.id, 0],
      [a.id, 13],
      [b.id, 26],
    ] as const) {
      clock.t += 1000;
      await highlights.add({ articleId, color: 'pink', ...describeSpan(TEXT, start, start + 5) });
    }
    expect(await highlights.counts([a.id, b.id, 'other'])).toEqual({ [a.id]: 2, [b.id]: 1 });
    expect((await highlights.all()).map((h) => h.quote.exact)).toEqual(['diggi', 'Belgo', 'Resid']);
  });

  it('deletes an article’s highlights with it, and undo brings them back exactly', async () => {
    const { articles, highlights } = setup();
    const { record } = await articles.save(saveInput());
    const one = await highlights.add({
      articleId: record.id,
      color: 'yellow',
      note: 'first',
      ...describeSpan(TEXT, 0, 9),
    });
    const two = await highlights.add({ articleId: record.id, color: 'green', ...describeSpan(TEXT, 26, 42) });
    const { token } = await articles.remove([record.id]);
    expect(await highlights.listFor(record.id)).toEqual([]);
    expect(await db.highlights.count()).toBe(0);
    await articles.restore(token);
    expect(await highlights.listFor(record.id)).toEqual([one, two]);
  });

  it('keeps highlights when the article is saved again (their article is the same entry)', async () => {
    const { articles, highlights } = setup();
    const { record } = await articles.save(saveInput());
    const added = await highlights.add({ articleId: record.id, color: 'yellow', ...describeSpan(TEXT, 0, 9) });
    const again = await articles.save(saveInput({ text: `Update. ${TEXT}` }));
    expect(again.record.id).toBe(record.id);
    expect(await highlights.listFor(record.id)).toEqual([added]);
  });

  it('makes the article findable by the words of its notes, as long as they are there', async () => {
    const { articles, highlights } = setup();
    const { record } = await articles.save(saveInput());
    const search = createSearchIndex(db);
    const found = async (word: string) => (await search.search(word)).map((h) => h.id);
    const added = await highlights.add({
      articleId: record.id,
      color: 'yellow',
      note: 'Kharkiv too',
      ...describeSpan(TEXT, 0, 9),
    });
    expect(await found('kharkiv')).toEqual([record.id]);
    // A re-save keeps them; an edit replaces them; a deletion takes them out.
    await articles.save(saveInput({ text: `Update. ${TEXT}` }));
    expect(await found('kharkiv')).toEqual([record.id]);
    await highlights.update(added.id, { note: 'Sumy as well' });
    expect(await found('kharkiv')).toEqual([]);
    expect(await found('sumy')).toEqual([record.id]);
    await highlights.remove(added.id);
    expect(await found('sumy')).toEqual([]);
    // The body's own words are still found.
    expect(await found('belgorod')).toEqual([record.id]);
    await highlights.putAll([added]);
    expect(await found('kharkiv')).toEqual([record.id]);
  });

  it('puts records back as given, only for articles that exist', async () => {
    const { articles, highlights } = setup();
    const { record } = await articles.save(saveInput());
    const kept = {
      id: 'h1',
      articleId: record.id,
      color: 'blue' as const,
      note: 'n',
      ...describeSpan(TEXT, 0, 9),
      createdAt: 5,
      updatedAt: 6,
    };
    expect(await highlights.putAll([kept, { ...kept, id: 'h2', articleId: 'gone' }])).toBe(1);
    expect(await highlights.get('h1')).toEqual(kept);
    expect(await highlights.get('h2')).toBeUndefined();
  });
});
