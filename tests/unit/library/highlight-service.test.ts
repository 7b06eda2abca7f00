import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { article, librariesClosedAfterEach } from './support';

const openLibrary = librariesClosedAfterEach();

async function library() {
  const lib = openLibrary();
  const war = await lib.service.saveExtracted(article(), null, 'page');
  const garden = await lib.service.saveExtracted(
    article({ url: 'https://news.example/garden', title: 'Winter gardens', html: '<p>Frost and roses.</p>' }),
    null,
    'page',
  );
  await lib.service.update([war.id], { addTags: ['War'] });
  const text = 'Residents are digging shelters & waiting. Frost and roses.';
  const add = (articleId: string, phrase: string, color: 'yellow' | 'green', note = '') => {
    const at = text.indexOf(phrase);
    return lib.highlights.add({ articleId, color, note, ...describeSpan(text, at, at + phrase.length) });
  };
  const shelters = await add(war.id, 'digging shelters', 'yellow', 'Café owners too');
  const frost = await add(garden.id, 'Frost and roses', 'green', 'Shelters for the plants');
  return { lib, war, garden, shelters, frost };
}

describe('the Highlights view in the background', () => {
  it('lists every highlight newest first, with its article', async () => {
    const { lib, war, shelters, frost } = await library();
    const all = await lib.highlights.browse({});
    expect(all.items.map((e) => e.highlight.id)).toEqual([frost.id, shelters.id]);
    expect(all.items[1]!.article).toEqual({
      id: war.id,
      title: 'Border regions brace for missiles',
      url: 'https://news.example/2024/border',
      host: 'news.example',
      tags: ['War'],
    });
    expect(all).toMatchObject({ total: 2, libraryCount: 2 });
  });

  it('lists each article with its highlight count, and none on an article without', async () => {
    const { lib, war, garden } = await library();
    await lib.service.saveExtracted(article({ url: 'https://news.example/plain', title: 'Plain' }), null, 'page');
    await lib.highlights.add({
      articleId: war.id,
      color: 'blue',
      note: '',
      ...describeSpan('Residents are digging shelters', 0, 9),
    });
    const counts = Object.fromEntries((await lib.service.list({})).items.map((a) => [a.title, a.highlightCount]));
    expect(counts).toEqual({
      [war.title]: 2,
      [garden.title]: 1,
      Plain: undefined,
    });
  });

  it('filters by colour and by tag', async () => {
    const { lib, shelters, frost } = await library();
    expect((await lib.highlights.browse({ color: 'green' })).items.map((e) => e.highlight.id)).toEqual([frost.id]);
    expect((await lib.highlights.browse({ tag: 'war' })).items.map((e) => e.highlight.id)).toEqual([shelters.id]);
  });

  it('searches the highlighted text and the notes, ignoring case and accents, and says which matched', async () => {
    const { lib, shelters, frost } = await library();
    const found = await lib.highlights.browse({ search: 'SHELTERS' });
    expect(found.items.map((e) => [e.highlight.id, e.matched])).toEqual([
      [frost.id, ['note']],
      [shelters.id, ['quote']],
    ]);
    expect((await lib.highlights.browse({ search: 'cafe' })).items.map((e) => e.matched)).toEqual([['note']]);
    expect((await lib.highlights.browse({ search: 'roses plants' })).items.map((e) => e.matched)).toEqual([
      ['quote', 'note'],
    ]);
    expect((await lib.highlights.browse({ search: 'nowhere' })).total).toBe(0);
  });

  it('follows writes: an edit, a deletion and the article going to the trash', async () => {
    const { lib, war, shelters, frost } = await library();
    await lib.highlights.browse({});
    await lib.highlights.update(frost.id, { note: 'Greenhouse' });
    expect((await lib.highlights.browse({ search: 'greenhouse' })).total).toBe(1);
    await lib.highlights.remove(frost.id);
    expect((await lib.highlights.browse({})).items.map((e) => e.highlight.id)).toEqual([shelters.id]);
    await lib.service.remove([war.id]);
    lib.highlights.forget();
    expect((await lib.highlights.browse({})).total).toBe(0);
  });

  it('refuses a colour it does not know', async () => {
    const { lib, shelters } = await library();
    await expect(lib.highlights.update(shelters.id, { color: 'purple' as 'pink' })).rejects.toMatchObject({
      code: 'bad-request',
      reason: 'highlight-invalid',
      params: ['color'],
    });
    const { quote, position } = shelters;
    await expect(
      lib.highlights.add({ articleId: shelters.articleId, color: 'yellow', quote: { ...quote, exact: '' }, position }),
    ).rejects.toMatchObject({ reason: 'highlight-invalid', params: ['quote'] });
  });
});
