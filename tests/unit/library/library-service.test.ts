import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../src/background/library/library-service';
import { JPEG, PNG, article, setupLibrary } from './support';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup(options?: Parameters<typeof setupLibrary>[0]) {
  const lib = setupLibrary(options);
  cleanup = () => {
    lib.db.close();
  };
  return lib;
}

describe('library service: saving', () => {
  it('saves the sanitised article with its images, keeping images of unreachable sites remote', async () => {
    const { service, fetcher } = setup();
    const saved = await service.saveExtracted(article(), 'https://news.example/border', 'page');
    expect(saved).toMatchObject({
      isNew: true,
      status: 'complete',
      images: { total: 3, stored: 2 },
      imagesKept: 'no-access',
    });
    expect(fetcher.requested).not.toContain('https://elsewhere.example/remote.png');

    const data = await service.get(saved.id);
    expect(data.html).not.toMatch(/script|onclick/);
    expect(data.html).toContain('href="https://news.example/shelters"');
    expect(data.imageUrls).toEqual([
      'https://news.example/img/lead.png',
      'https://cdn.example/photo.jpg',
      'https://elsewhere.example/remote.png',
    ]);
    expect(data.storedImages.sort()).toEqual(['https://cdn.example/photo.jpg', 'https://news.example/img/lead.png']);
    expect(data.article).toMatchObject({ canonicalUrl: 'https://news.example/border', byline: 'Katya Ivanova' });
    expect(data.article).not.toHaveProperty('urlKeys');

    // The JPEG was served as application/octet-stream: its type comes from its bytes.
    const photo = await service.image(saved.id, 'https://cdn.example/photo.jpg');
    expect(photo?.dataUrl).toBe(`data:image/jpeg;base64,${Buffer.from(JPEG).toString('base64')}`);
    expect(await service.image(saved.id, 'https://elsewhere.example/remote.png')).toBeNull();
  });

  it('downloads the missing images once access is granted', async () => {
    const { service, reachable } = setup();
    const saved = await service.saveExtracted(article(), null, 'page');
    reachable.add('https://elsewhere.example');
    expect(await service.fetchMissing([saved.id])).toEqual({ completed: 1, failed: 0 });
    const image = await service.image(saved.id, 'https://elsewhere.example/remote.png');
    expect(image?.dataUrl).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
    expect((await service.get(saved.id)).article.images).toEqual({ total: 3, stored: 3 });
  });

  it('finds the saved copy of an address, tracking parameters and fragment aside', async () => {
    const { service } = setup();
    expect(await service.lookup('https://news.example/2024/border')).toBeNull();
    const saved = await service.saveExtracted(article(), null, 'page');
    expect(await service.lookup('https://news.example/2024/border?utm_source=feed#comments')).toEqual({
      id: saved.id,
      title: 'Border regions brace for missiles',
      savedAt: expect.any(Number),
      images: { total: 3, stored: 2 },
    });
    expect(await service.lookup('https://news.example/2024/other')).toBeNull();
  });

  it('fetches the images of articles saved while access was being asked, once it is granted', async () => {
    const { service, reachable, fetcher } = setup();
    const asked = await service.saveExtracted(article(), null, 'page');
    const complete = await service.saveExtracted(
      article({ url: 'https://news.example/other', html: '<p>Text only.</p>' }),
      null,
      'page',
    );
    expect(complete.imagesKept).toBeNull();
    reachable.add('https://elsewhere.example');
    // The page that asked and the background's permission listener may both try: one download.
    const [fromPage, fromListener] = await Promise.all([service.fetchMissing([asked.id]), service.accessGranted()]);
    expect(fromPage).toEqual({ completed: 1, failed: 0 });
    expect(fromListener).toEqual({ completed: 1, failed: 0 });
    expect(fetcher.requested.filter((u) => u === 'https://elsewhere.example/remote.png')).toHaveLength(1);
    expect((await service.get(asked.id)).article.images).toEqual({ total: 3, stored: 3 });
    // Forgotten once handled: a later grant fetches nothing more.
    expect(await service.accessGranted()).toEqual({ completed: 0, failed: 0 });
  });

  it('saves a link as a link to fetch later without access, and fetches and extracts it with access', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Long read</title>
      <link rel="canonical" href="https://blog.example/long-read"></head><body><article><h1>Long read</h1>
      ${'<p>Paragraph of real article text that goes on for a while, as articles do.</p>'.repeat(20)}
      </article></body></html>`;
    const { service, reachable } = setup({
      reachable: [],
      routes: { 'https://blog.example/long-read?ref=x': { body: page, type: 'text/html; charset=utf-8' } },
    });
    const link = await service.saveUrl('https://blog.example/long-read?ref=x', 'Long read (link)');
    expect(link).toMatchObject({ status: 'link', title: 'Long read (link)' });

    reachable.add('https://blog.example');
    expect(await service.fetchMissing([link.id])).toEqual({ completed: 1, failed: 0 });
    const data = await service.get(link.id);
    expect(data.article).toMatchObject({ status: 'complete', canonicalUrl: 'https://blog.example/long-read' });
    expect(data.text).toContain('Paragraph of real article text');
    expect((await service.list({})).libraryCount).toBe(1);
  });
});

describe('library service: a page cannot overwrite another site’s saved article', () => {
  it('files a page under its own address when its canonical one is on another site', async () => {
    const { service } = setup();
    const original = await service.saveExtracted(article(), 'https://news.example/border', 'page');
    const copy = await service.saveExtracted(
      article({ url: 'https://copycat.example/border', title: 'Tampered copy', html: '<p>Tampered.</p>' }),
      'https://news.example/border',
      'page',
    );
    expect(copy).toMatchObject({ isNew: true, title: 'Tampered copy' });
    expect(copy.id).not.toBe(original.id);
    expect((await service.get(original.id)).article).toMatchObject({
      title: 'Border regions brace for missiles',
      canonicalUrl: 'https://news.example/border',
      host: 'news.example',
    });
    expect((await service.get(copy.id)).article).toMatchObject({
      url: 'https://copycat.example/border',
      canonicalUrl: null,
      host: 'copycat.example',
    });
    expect(await service.lookup('https://news.example/border')).toMatchObject({ id: original.id });
    expect((await service.list({ site: 'news.example' })).items.map((i) => i.id)).toEqual([original.id]);
  });

  it('still finds the same article through a canonical address on the page’s own site', async () => {
    const { service } = setup();
    const original = await service.saveExtracted(article({ url: 'https://news.example/border' }), null, 'page');
    const again = await service.saveExtracted(
      article({ url: 'https://www.news.example/amp/border?utm_source=feed' }),
      'https://news.example/border',
      'page',
    );
    expect(again).toMatchObject({ id: original.id, isNew: false });
    expect((await service.list({})).libraryCount).toBe(1);
  });

  it('ignores another site’s canonical address in a fetched link too', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Long read</title>
      <link rel="canonical" href="https://blog.example/long-read"></head><body><article><h1>Long read</h1>
      ${'<p>Paragraph of copied article text that goes on for a while, as articles do.</p>'.repeat(20)}
      </article></body></html>`;
    const { service } = setup({
      reachable: ['https://copycat.example'],
      routes: { 'https://copycat.example/long-read': { body: page, type: 'text/html; charset=utf-8' } },
    });
    const original = await service.saveExtracted(
      article({ url: 'https://blog.example/long-read', title: 'The original' }),
      null,
      'page',
    );
    const copy = await service.saveUrl('https://copycat.example/long-read');
    expect(copy).toMatchObject({ isNew: true, status: 'complete' });
    expect((await service.get(copy.id)).article).toMatchObject({ canonicalUrl: null, host: 'copycat.example' });
    expect((await service.get(original.id)).article).toMatchObject({ title: 'The original', host: 'blog.example' });
  });
});

describe('library service: list, search, state and undo', () => {
  async function seed() {
    const lib = setup();
    const a = await lib.service.saveExtracted(article(), null, 'page');
    const b = await lib.service.saveExtracted(
      article({
        url: 'https://other.example/garden',
        title: 'Winter gardening',
        text: 'Frost and roses.',
        html: '<p>Frost and roses.</p>',
      }),
      null,
      'page',
    );
    return { ...lib, a, b };
  }

  it('lists newest first with facets, and filters by view, tag, site and search', async () => {
    const { service, a, b } = await seed();
    const all = await service.list({});
    expect(all.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(all.sites).toEqual([
      { name: 'news.example', count: 1 },
      { name: 'other.example', count: 1 },
    ]);
    await service.update([a.id], { addTags: ['war'], isFavorite: true });
    await service.update([b.id], { isArchived: true });
    expect((await service.list({})).items.map((i) => i.id)).toEqual([a.id]);
    expect((await service.list({ view: 'archived' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await service.list({ view: 'favorites', tag: 'WAR' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await service.list({ view: 'archived', site: 'other.example' })).total).toBe(1);
    expect((await service.list({ view: 'archived', search: 'roses' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await service.list({ search: 'roses' })).total).toBe(0);
    expect((await service.list({})).tags).toEqual([{ name: 'war', count: 1 }]);
  });

  it('finds what to read next in the list’s order, searches included, from a freshly read article', async () => {
    const { service, a, b } = await seed();
    // Newest first: b, then a, then round to b again.
    expect((await service.findNext(b.id, { view: 'all', sort: 'newest' }))?.id).toBe(a.id);
    expect((await service.findNext(a.id, {}))?.id).toBe(b.id);
    expect(await service.findNext(a.id, { search: 'shelters' })).toBeNull();
    expect((await service.findNext(a.id, { search: 'roses' }))?.id).toBe(b.id);
    await service.update([a.id], { isRead: true });
    expect(await service.findNext(b.id, { view: 'unread' })).toBeNull();
    const found = await service.findNext(a.id, { view: 'unread' });
    expect(found?.id).toBe(b.id);
    expect(found).not.toHaveProperty('urlKeys');
  });

  it('deletes from list and search, and undo brings the article back everywhere', async () => {
    const { service, a } = await seed();
    const { undoToken, count } = await service.remove([a.id]);
    expect(count).toBe(1);
    expect((await service.list({})).items.map((i) => i.id)).not.toContain(a.id);
    expect((await service.list({ search: 'shelters' })).total).toBe(0);
    await expect(service.get(a.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await service.undoRemove(undoToken)).toEqual({ restored: 1 });
    expect((await service.list({ search: 'shelters' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await service.get(a.id)).storedImages).toHaveLength(2);
  });

  it('answers a woken background from indexes and stored counts, exactly as from memory', async () => {
    const lib = await seed();
    const { service, a, b } = lib;
    await service.update([a.id], { addTags: ['war'] });
    await service.update([b.id], { isArchived: true });
    const requests = [
      {},
      { view: 'archived' as const },
      { view: 'unread' as const, sort: 'oldest' as const },
      { search: 'shelters' },
      { search: 'roses', view: 'archived' as const },
      { tag: 'war' },
      { sort: 'title' as const },
    ];
    // A second service on the same database is the background woken with nothing in memory.
    for (const request of requests) {
      const woken = createLibraryService({
        db: lib.db,
        dom: lib.dom,
        fetchImpl: lib.fetcher.impl,
        canReach: async () => false,
      });
      const fromIndexes = await woken.list(request);
      expect(fromIndexes, JSON.stringify(request)).toEqual(await service.list(request));
    }
    expect((await service.list({})).tags).toEqual([{ name: 'war', count: 1 }]);
    expect((await service.list({})).total).toBe(1);
  });

  it('keeps the order it sorted from memory for the next page, and sorts again after a write', async () => {
    const { service, a, b } = await seed();
    await service.warm();
    // Sorted by title from memory: "Border…" (a) before "Winter…" (b), a page at a time.
    expect((await service.list({ sort: 'title', limit: 1 })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await service.list({ sort: 'title', offset: 1, limit: 1 })).items.map((i) => i.id)).toEqual([b.id]);
    await service.update([a.id], { isArchived: true });
    const after = await service.list({ sort: 'title' });
    expect(after.items.map((i) => i.id)).toEqual([b.id]);
    expect(after.total).toBe(1);
    await service.remove([b.id]);
    expect((await service.list({ sort: 'title' })).total).toBe(0);
  });

  it('answers the first screen’s pictures with its rows when asked, and only then', async () => {
    const { service, a, b } = await seed();
    const first = await service.list({ withPictures: 1 });
    expect(first.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(first.pictures).toEqual(await service.pictures([b.id]));
    expect(first.pictures?.map((p) => p.id)).toEqual([b.id]);
    expect(await service.list({})).not.toHaveProperty('pictures');
  });

  it('reports storage use', async () => {
    const { service } = await seed();
    expect(await service.estimate()).toEqual({ usage: null, quota: null, articleCount: 2 });
  });
});

describe('library service: list rows', () => {
  it('gives the list an excerpt no longer than a row shows, and the reader the whole of it', async () => {
    const lib = setup();
    const excerpt = 'People near the border are preparing. '.repeat(30);
    const saved = await lib.service.saveExtracted(article({ excerpt }), null, 'page');
    const listed = (await lib.service.list({})).items[0]!.excerpt!;
    expect(listed.length).toBeLessThanOrEqual(401);
    expect(listed.endsWith('…')).toBe(true);
    expect((await lib.service.get(saved.id)).article.excerpt).toBe(excerpt);
  });
});
