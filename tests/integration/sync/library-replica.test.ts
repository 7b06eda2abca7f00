/**
 * The extension's own replica — the IndexedDB library (fake-indexeddb here, the real one in the
 * end-to-end tests) with bodies sanitised on the way in — syncing two libraries through Apache.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLibraryReplica } from '../../../src/background/sync/library-replica';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { createLocalDomHost } from '../../../src/library-io/dom-host';
import type { DomWindow } from '../../../src/library-io/html/dom-window';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { createHighlightRepository } from '../../../src/storage/highlight-repository';
import { LibraryDb } from '../../../src/storage/schema';
import { createSearchIndex } from '../../../src/storage/search-index';
import { syncOnce } from '../../../src/sync/engine';
import { createRemoteFolder, openFolder } from '../../../src/sync/folder';
import { createDav } from '../../../src/sync/webdav';
import { saveInput } from '../../unit/storage/support';
import { startApache, type WebDavServer } from './support/webdav-servers';

vi.setConfig({ testTimeout: 30_000 });

let server: WebDavServer;
beforeAll(async () => {
  server = await startApache();
}, 30_000);
afterAll(async () => server?.stop());

const dom = createLocalDomHost(new JSDOM('').window as unknown as DomWindow);
let n = 0;

function browserLibrary(node: string, folderUrl: string, now: () => number = Date.now) {
  const db = new LibraryDb(`replica-${node}-${++n}`, { indexedDB, IDBKeyRange });
  const { library, records } = createLibraryReplica({ db, dom, now });
  const dav = createDav({ baseUrl: folderUrl, username: server.username, password: server.password, fetch });
  return {
    db,
    repo: createArticleRepository(db, { now }),
    highlights: createHighlightRepository(db, { now }),
    async sync() {
      const { keys } = await openFolder(dav, null);
      return syncOnce({ folder: createRemoteFolder(dav, keys), library, records, node, backoffMs: 20, now });
    },
    /** The library's full contents, as an export would carry them. */
    async contents() {
      const articles = (await db.articles.toArray()).map(({ revision: _r, updatedAt: _u, ...rest }) => rest);
      const images = await Promise.all(
        (await db.images.toArray()).map(async (i) => [
          i.articleId,
          i.url,
          Buffer.from(await i.blob.arrayBuffer()).toString('hex'),
        ]),
      );
      return { articles, contents: await db.contents.toArray(), images: images.sort() };
    },
  };
}

describe('the IndexedDB library as a sync replica', () => {
  it('carries saved articles, images, state and deletions between two libraries', async () => {
    const folder = `${server.url}replica/`;
    const chromium = browserLibrary('chromium', folder);
    const firefox = browserLibrary('firefox', folder);
    const first = await chromium.repo.save(saveInput({ state: { tags: ['war'] } }));
    const second = await chromium.repo.save(
      saveInput({
        url: 'https://news.example.org/harbour',
        canonicalUrl: null,
        html: '<p>Harbour charts and fishermen.</p>',
        text: 'Harbour charts and fishermen.',
        imageUrls: [],
        images: new Map(),
      }),
    );
    await chromium.sync();
    await firefox.sync();
    expect(await firefox.contents()).toEqual(await chromium.contents());
    expect(await firefox.db.images.count()).toBe(1);
    expect((await createSearchIndex(firefox.db).search('fishermen')).map((h) => h.id)).toEqual([second.record.id]);

    await firefox.repo.update([first.record.id], { isArchived: true, addTags: ['maps'] });
    await firefox.repo.remove([second.record.id]);
    await firefox.sync();
    await chromium.sync();
    expect((await chromium.db.articles.get(first.record.id))?.isArchived).toBe(true);
    expect((await chromium.db.articles.get(first.record.id))?.tags).toEqual(['maps', 'war']);
    expect(await chromium.db.articles.get(second.record.id)).toBeUndefined();
    expect(await chromium.contents()).toEqual(await firefox.contents());
  });

  it('carries images stored after the save ("Download missing text and images")', async () => {
    const folder = `${server.url}later-images/`;
    const chromium = browserLibrary('chromium', folder);
    const firefox = browserLibrary('firefox', folder);
    // Saved without access to the images' site: text only.
    const saved = await chromium.repo.save(saveInput({ images: new Map() }));
    const id = saved.record.id;
    await chromium.sync();
    await firefox.sync();
    expect(await firefox.db.images.count()).toBe(0);
    // What missing-parts.ts does once access is granted: the images join the saved article.
    const bytes = new Uint8Array([137, 80, 78, 71, 9]);
    await chromium.repo.storeImages(
      id,
      new Map([['https://img.example/a.png', new Blob([bytes], { type: 'image/png' })]]),
    );
    await chromium.sync();
    await firefox.sync();
    const image = await firefox.db.images.get([id, 'https://img.example/a.png']);
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(bytes);
    expect((await firefox.db.articles.get(id))?.images).toEqual({ total: 1, stored: 1 });
    expect(await firefox.contents()).toEqual(await chromium.contents());
  });

  it('keeps one entry for an address saved in both libraries before they synced', async () => {
    const folder = `${server.url}same-address/`;
    const chromium = browserLibrary('chromium', folder);
    const firefox = browserLibrary('firefox', folder);
    const a = await chromium.repo.save(saveInput({ state: { tags: ['war'] } }));
    // The same page, reached through a tracking link on the other computer.
    const b = await firefox.repo.save(
      saveInput({ url: 'https://example.com/news/border?utm_medium=mail', state: { tags: ['maps'] } }),
    );
    expect(a.record.id).not.toBe(b.record.id);
    await chromium.sync();
    await firefox.sync();
    await chromium.sync();
    const keep = [a.record.id, b.record.id].sort()[0];
    for (const library of [chromium, firefox]) {
      const articles = await library.db.articles.toArray();
      expect(articles.map((r) => r.id)).toEqual([keep]);
      expect(articles[0]?.tags).toEqual(['maps', 'war']);
      expect(await library.db.images.count()).toBe(1);
      expect(await library.db.contents.count()).toBe(1);
    }
    expect(await firefox.contents()).toEqual(await chromium.contents());
  });

  it('carries highlights and their notes with the article: added, edited, deleted, searchable', async () => {
    const folder = `${server.url}highlights/`;
    const chromium = browserLibrary('chromium', folder);
    const firefox = browserLibrary('firefox', folder);
    const { record } = await chromium.repo.save(saveInput());
    await chromium.sync();
    await firefox.sync();
    // Highlighted after the article was first synced: the highlight alone makes it travel again.
    const text = 'Residents of Belgorod are digging shelters.';
    const span = (phrase: string) => describeSpan(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const town = await chromium.highlights.add({ articleId: record.id, color: 'yellow', ...span('Belgorod') });
    const dig = await chromium.highlights.add({
      articleId: record.id,
      color: 'green',
      note: 'Cellars under the school',
      ...span('digging shelters'),
    });
    await chromium.sync();
    await firefox.sync();
    expect(await firefox.highlights.listFor(record.id)).toEqual(await chromium.highlights.listFor(record.id));
    expect((await createSearchIndex(firefox.db).search('cellars')).map((h) => h.id)).toEqual([record.id]);

    await firefox.highlights.update(town.id, { color: 'pink', note: 'The regional capital' });
    await firefox.highlights.remove(dig.id);
    await firefox.sync();
    await chromium.sync();
    expect(await chromium.highlights.listFor(record.id)).toEqual([
      expect.objectContaining({ id: town.id, color: 'pink', note: 'The regional capital' }),
    ]);
    expect(await createSearchIndex(chromium.db).search('cellars')).toEqual([]);
    expect((await createSearchIndex(chromium.db).search('regional')).map((h) => h.id)).toEqual([record.id]);
  });

  it('lets a later edit of a highlight win over an earlier deletion made offline, and the other way round', async () => {
    const folder = `${server.url}highlight-conflicts/`;
    const time = { t: Date.now() };
    const now = () => time.t;
    const chromium = browserLibrary('chromium', folder, now);
    const firefox = browserLibrary('firefox', folder, now);
    const { record } = await chromium.repo.save(saveInput());
    const text = 'Residents of Belgorod are digging shelters.';
    const first = await chromium.highlights.add({ articleId: record.id, color: 'yellow', ...describeSpan(text, 0, 9) });
    const second = await chromium.highlights.add({
      articleId: record.id,
      color: 'blue',
      ...describeSpan(text, 13, 21),
    });
    await chromium.sync();
    await firefox.sync();
    // Both offline: Chromium deletes both; Firefox edits the first before and the second after.
    time.t += 60_000;
    await firefox.highlights.update(first.id, { note: 'edited before the deletion' });
    time.t += 60_000;
    await chromium.highlights.remove(first.id);
    await chromium.highlights.remove(second.id);
    time.t += 60_000;
    await firefox.highlights.update(second.id, { note: 'edited after the deletion' });
    time.t += 60_000;
    await chromium.sync();
    await firefox.sync();
    await chromium.sync();
    for (const library of [chromium, firefox]) {
      expect(await library.highlights.listFor(record.id)).toEqual([
        expect.objectContaining({ id: second.id, note: 'edited after the deletion' }),
      ]);
    }
  });

  it('sanitises a body that arrives from the server', async () => {
    const folder = `${server.url}hostile/`;
    const writer = browserLibrary('writer', folder);
    // The writer's own library stores whatever it is given; the server file carries it as it is.
    await writer.repo.save(
      saveInput({
        html: '<p>Text</p><img src="x" onerror="alert(1)"><script>alert(2)</script>',
        imageUrls: [],
        images: new Map(),
      }),
    );
    await writer.sync();
    const reader = browserLibrary('reader', folder);
    await reader.sync();
    const [content] = await reader.db.contents.toArray();
    expect(content?.html).toContain('<p>Text</p>');
    expect(content?.html).not.toMatch(/onerror|<script/);
  });
});
