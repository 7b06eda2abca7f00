import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRepository, TRASH_TTL_MS } from '../../../src/storage/article-repository';
import { LibraryError } from '../../../src/storage/errors';
import type { LibraryDb } from '../../../src/storage/schema';
import { fields, freshDb, saveInput } from './support';

let db: LibraryDb;
afterEach(async () => {
  db?.close();
});

function setup(clock = { t: 1_700_000_000_000 }) {
  db = freshDb();
  let n = 0;
  const repo = createArticleRepository(db, { now: () => clock.t, newId: () => `id-${++n}` });
  return { repo, clock };
}

describe('article repository', () => {
  it('saves an article with its body, metadata, state and images', async () => {
    const { repo } = setup();
    const { record, isNew } = await repo.save(saveInput());
    expect(isNew).toBe(true);
    expect(record).toMatchObject({
      id: 'id-1',
      url: 'https://www.example.com/news/border?utm_source=x#top',
      canonicalUrl: 'https://example.com/news/border',
      host: 'example.com',
      title: 'Border regions brace for missiles',
      status: 'complete',
      savedAt: 1_700_000_000_000,
      tags: [],
      isRead: false,
      images: { total: 1, stored: 1 },
    });
    expect(await repo.getContent('id-1')).toEqual({
      id: 'id-1',
      html: saveInput().html,
      text: 'Residents of Belgorod are digging shelters.',
      imageUrls: ['https://img.example/a.png'],
    });
    const image = await repo.getImage('id-1', 'https://img.example/a.png');
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect(image!.blob.type).toBe('image/png');
  });

  it('updates the entry when the same address is saved again, keeping its state', async () => {
    const { repo, clock } = setup();
    const first = (await repo.save(saveInput())).record;
    await repo.update([first.id], { addTags: ['World'], isFavorite: true });
    clock.t += 60_000;
    // Same article, reached through the canonical address and with a new image set.
    const again = await repo.save(
      saveInput({
        url: 'http://example.com/news/border',
        canonicalUrl: null,
        fields: fields({ title: 'Border regions brace (updated)' }),
        imageUrls: ['https://img.example/b.png'],
        images: new Map([['https://img.example/b.png', new Blob(['b'], { type: 'image/png' })]]),
      }),
    );
    expect(again.isNew).toBe(false);
    expect(again.record.id).toBe(first.id);
    expect(await repo.count()).toBe(1);
    expect(again.record).toMatchObject({
      title: 'Border regions brace (updated)',
      savedAt: first.savedAt,
      updatedAt: clock.t,
      tags: ['World'],
      isFavorite: true,
    });
    expect((await repo.listImages(first.id)).map((i) => i.url)).toEqual(['https://img.example/b.png']);
  });

  it('keeps stored images a re-save still uses but could not fetch', async () => {
    const { repo } = setup();
    const { record } = await repo.save(saveInput());
    await repo.save(saveInput({ images: new Map() }));
    expect((await repo.get(record.id))!.images).toEqual({ total: 1, stored: 1 });
  });

  it('does not let a links-only import overwrite stored text', async () => {
    const { repo } = setup();
    const { record } = await repo.save(saveInput());
    await repo.save(
      saveInput({ status: 'link', html: '', text: '', imageUrls: [], images: new Map(), state: { tags: ['pocket'] } }),
    );
    expect((await repo.getContent(record.id))!.text).toContain('Belgorod');
    expect((await repo.get(record.id))!.tags).toEqual(['pocket']);
  });

  it('leaves nothing half-written when a save fails midway', async () => {
    const { repo } = setup();
    const bad = saveInput({
      url: 'https://example.com/other',
      canonicalUrl: null,
      // A value IndexedDB cannot store makes the article write throw after the images were put.
      fields: fields({ leadImage: { src: 'x', alt: (() => 'x') as unknown as string } }),
    });
    await expect(repo.save(bad)).rejects.toThrow();
    expect(await repo.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
    expect(await db.contents.count()).toBe(0);
    expect(await db.meta.get('revision')).toBeUndefined();
    // Nor was it indexed or counted.
    expect(await db.terms.count()).toBe(0);
    expect(await db.meta.get('library-summary')).toBeUndefined();
  });

  it('keeps nothing of a save whose search index write fails, the last step of its transaction', async () => {
    const { repo } = setup();
    db.terms.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(repo.save(saveInput())).rejects.toMatchObject({ code: 'quota' });
    expect(await repo.count()).toBe(0);
    expect(await db.contents.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
    expect(await db.searchDocs.count()).toBe(0);
    expect(await db.meta.get('library-summary')).toBeUndefined();
  });

  it('rejects an address that is not on the web', async () => {
    const { repo } = setup();
    await expect(repo.save(saveInput({ url: 'javascript:alert(1)', canonicalUrl: null }))).rejects.toBeInstanceOf(
      LibraryError,
    );
  });

  it('updates tags and flags of several articles at once', async () => {
    const { repo } = setup();
    const a = (await repo.save(saveInput())).record;
    const b = (await repo.save(saveInput({ url: 'https://example.org/b', canonicalUrl: null }))).record;
    await repo.update([a.id, b.id], { addTags: ['  long   read', 'Long read', 'war'], isArchived: true });
    await repo.update([b.id], { removeTags: ['WAR'], position: { progress: 0.5, block: 12 } });
    const [ra, rb] = await Promise.all([repo.get(a.id), repo.get(b.id)]);
    expect(ra).toMatchObject({ tags: ['long read', 'war'], isArchived: true });
    expect(rb).toMatchObject({ tags: ['long read'], isArchived: true, position: { progress: 0.5, block: 12 } });
  });

  it('deletes articles with their body and images, and undo restores them exactly', async () => {
    const { repo } = setup();
    const { record } = await repo.save(saveInput());
    const before = { record: await repo.get(record.id), content: await repo.getContent(record.id) };
    const { token, removed } = await repo.remove([record.id, 'missing']);
    expect(removed).toEqual([record.id]);
    expect(await repo.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
    expect(await db.contents.count()).toBe(0);

    const [restored] = await repo.restore(token);
    expect({ ...restored, revision: 0 }).toEqual({ ...before.record, revision: 0 });
    expect(await repo.getContent(record.id)).toEqual(before.content);
    expect(await db.images.count()).toBe(1);
    await expect(repo.restore(token)).rejects.toThrow('can no longer be undone');
  });

  it('forgets deleted articles after the undo period', async () => {
    const { repo, clock } = setup();
    const { record } = await repo.save(saveInput());
    const { token } = await repo.remove([record.id]);
    clock.t += TRASH_TTL_MS + 1;
    await repo.purgeTrash();
    await expect(repo.restore(token)).rejects.toThrow('can no longer be undone');
  });

  it('saves a batch all-or-nothing', async () => {
    const { repo } = setup();
    const good = saveInput();
    const bad = saveInput({ url: 'notaurl', canonicalUrl: null });
    await expect(repo.saveAll([good, bad])).rejects.toThrow();
    expect(await repo.count()).toBe(0);
    const saved = await repo.saveAll([good, saveInput({ url: 'https://example.org/2', canonicalUrl: null })]);
    expect(saved.map((s) => s.isNew)).toEqual([true, true]);
  });

  it('turns a full disk into a clear message and keeps what was saved', async () => {
    const { repo } = setup();
    const { record } = await repo.save(saveInput());
    db.contents.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = repo.save(saveInput({ text: 'A much longer new version.' }));
    await expect(failure).rejects.toMatchObject({
      code: 'quota',
      message: expect.stringContaining('Nothing already in your library was lost'),
    });
    expect((await repo.getContent(record.id))!.text).toBe('Residents of Belgorod are digging shelters.');
    expect((await repo.get(record.id))!.revision).toBe(record.revision);
  });
});
