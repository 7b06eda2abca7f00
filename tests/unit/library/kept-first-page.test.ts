/**
 * The first page the background keeps for the library page to draw while it wakes: kept only
 * while it is the library's current first page, written by the background alone, and drawn by the
 * page only until the background's own answer replaces it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { createFirstPageKeeper } from '../../../src/background/library/first-page-keeper';
import {
  FIRST_PAGE_REQUEST,
  KEPT_FIRST_PAGE_KEY,
  keptResult,
  type KeptFirstPage,
} from '../../../src/shared/library/kept-first-page';
import type { ListRequest, ListResult } from '../../../src/shared/messaging/library-protocol';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { createLibraryStore } from '../../../src/ui/stores/createLibraryStore';
import { summary } from '../ui/library-fixture';
import { article, librariesClosedAfterEach } from './support';

afterEach(() => void vi.useRealTimers());

/** `storage.session` as the keeper sees it, with every write in order. */
function fakeSession() {
  const items = new Map<string, unknown>();
  const writes: string[] = [];
  return {
    items,
    writes,
    kept: () => items.get(KEPT_FIRST_PAGE_KEY) as KeptFirstPage | undefined,
    storage: {
      set: async (values: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(values)) {
          items.set(key, structuredClone(value));
          writes.push(`set ${key}`);
        }
      },
      remove: async (key: string) => {
        items.delete(key);
        writes.push(`remove ${key}`);
      },
    },
  };
}

const answer = (...titles: string[]): ListResult => ({
  items: titles.map((title) => summary({ title })),
  total: titles.length,
  libraryCount: titles.length,
  tags: [],
  sites: [],
});

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('the first page the background keeps', () => {
  it('is the answer to exactly the first request, and to no other', async () => {
    const session = fakeSession();
    const keeper = createFirstPageKeeper({
      storage: session.storage,
      list: async (request) => answer(request.view === 'archived' ? 'Archived' : 'Newest'),
      version: '1.0',
    });
    await keeper.list({ ...FIRST_PAGE_REQUEST, view: 'archived' });
    expect(session.kept()).toBeUndefined();
    await keeper.list({ ...FIRST_PAGE_REQUEST, limit: 51 });
    expect(session.kept()).toBeUndefined();
    await keeper.list({ ...FIRST_PAGE_REQUEST });
    expect(session.kept()?.result.items.map((i) => i.title)).toEqual(['Newest']);
    expect(session.kept()?.version).toBe('1.0');
    // Kept once: the same answer again writes nothing.
    await keeper.list({ ...FIRST_PAGE_REQUEST });
    expect(session.writes).toEqual([`set ${KEPT_FIRST_PAGE_KEY}`]);
  });

  it('goes at once when the library changes, and an answer read before the change is not kept', async () => {
    vi.useFakeTimers();
    const session = fakeSession();
    let titles = ['Before'];
    let release: () => void = () => undefined;
    const keeper = createFirstPageKeeper({
      storage: session.storage,
      list: async () => {
        const read = answer(...titles);
        await new Promise<void>((done) => (release = done));
        return read;
      },
      version: '1.0',
      restMs: 1000,
    });
    const listing = keeper.list({ ...FIRST_PAGE_REQUEST });
    // The library changes while the answer is on its way.
    titles = ['After'];
    keeper.changed();
    release();
    expect((await listing).items[0]?.title).toBe('Before');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.kept()).toBeUndefined();
    expect(session.writes).toEqual([`remove ${KEPT_FIRST_PAGE_KEY}`]);
    // Once the writes rest, the first page is made anew from the library as it is now.
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.kept()?.result.items.map((i) => i.title)).toEqual(['After']);
  });

  it('is not kept while one of its pictures is still being made', async () => {
    const session = fakeSession();
    const pending = {
      ...answer('Picture to come'),
      pictures: [{ id: 'x', thumbnail: null, icon: null, isPending: true }],
    };
    const keeper = createFirstPageKeeper({ storage: session.storage, list: async () => pending, version: '1.0' });
    await keeper.list({ ...FIRST_PAGE_REQUEST });
    expect(session.kept()).toBeUndefined();
  });

  it('is read by the page only when this version wrote it for the first request', () => {
    const result = answer('Kept');
    expect(keptResult({ version: '1.0', request: FIRST_PAGE_REQUEST, result }, '1.0')).toEqual(result);
    expect(keptResult({ version: '0.9', request: FIRST_PAGE_REQUEST, result }, '1.0')).toBeNull();
    expect(
      keptResult({ version: '1.0', request: { ...FIRST_PAGE_REQUEST, view: 'unread' }, result }, '1.0'),
    ).toBeNull();
    expect(keptResult(undefined, '1.0')).toBeNull();
    expect(keptResult({ version: '1.0', request: FIRST_PAGE_REQUEST, result: { items: 'no' } }, '1.0')).toBeNull();
  });
});

describe('the library service keeping its first page', () => {
  const setup = librariesClosedAfterEach();
  const firstTitles = (session: ReturnType<typeof fakeSession>) => session.kept()?.result.items.map((i) => i.title);

  it('follows saves, state changes, deletions and highlights, gone at once and made again after', async () => {
    const session = fakeSession();
    // The database runs on real timers: a short rest instead of fake ones.
    const lib = setup({ keptPage: { storage: session.storage, version: '1.0', restMs: 20 } });
    const rest = () => vi.waitFor(() => expect(session.kept()).toBeDefined());
    const a = await lib.service.saveExtracted(article(), null, 'page');
    expect(session.kept()).toBeUndefined();
    await lib.service.list({ ...FIRST_PAGE_REQUEST });
    await vi.waitFor(() => expect(firstTitles(session)).toEqual(['Border regions brace for missiles']));

    const b = await lib.service.saveExtracted(
      article({
        url: 'https://other.example/garden',
        title: 'Winter gardening',
        text: 'Frost.',
        html: '<p>Frost.</p>',
      }),
      null,
      'page',
    );
    // Gone before the write's promise even settles for its caller.
    expect(session.kept()).toBeUndefined();
    await rest();
    expect(firstTitles(session)).toEqual(['Winter gardening', 'Border regions brace for missiles']);

    await lib.service.update([b.id], { isRead: true });
    expect(session.kept()).toBeUndefined();
    await rest();
    expect(session.kept()?.result.items[0]?.isRead).toBe(true);

    const text = (await lib.service.get(a.id)).text;
    await lib.highlights.add({ articleId: a.id, color: 'yellow', ...describeSpan(text, 0, 9) });
    expect(session.kept()).toBeUndefined();
    await rest();
    expect(session.kept()?.result.items.find((i) => i.id === a.id)?.highlightCount).toBe(1);

    await lib.service.remove([b.id]);
    expect(session.kept()).toBeUndefined();
    await rest();
    expect(firstTitles(session)).toEqual(['Border regions brace for missiles']);
  });
});

describe('the library page drawing the kept first page', () => {
  function pageApi(titles: string[]) {
    const library = createMockLibraryApi(titles.map((title) => ({ article: summary({ title }) })));
    let release: () => void = () => undefined;
    const answered = new Promise<void>((done) => (release = done));
    const list = library.list.bind(library);
    library.list = async (request: ListRequest) => {
      await answered;
      return list(request);
    };
    return { api: createMockApi({ library }), release };
  }

  it('draws it before the answer, whose rows then replace every kept one', async () => {
    // Newest first: the later one leads.
    const { api, release } = pageApi(['Current', 'Saved since']);
    const store = createLibraryStore(api);
    const started = store.start({ kept: Promise.resolve(answer('Stale', 'Current')) });
    await flush();
    expect(store.itemAt(0)?.title).toBe('Stale');
    expect(store.result.value?.total).toBe(2);
    expect(store.isLoading.value).toBe(true);
    release();
    await started;
    expect([store.itemAt(0)?.title, store.itemAt(1)?.title]).toEqual(['Saved since', 'Current']);
    expect(store.isLoading.value).toBe(false);
  });

  it('never draws it over the answer that came first', async () => {
    const { api, release } = pageApi(['Current']);
    const store = createLibraryStore(api);
    let giveKept: (kept: ListResult) => void = () => undefined;
    const started = store.start({ kept: new Promise((done) => (giveKept = done)) });
    release();
    await started;
    giveKept(answer('Stale'));
    await flush();
    expect(store.itemAt(0)?.title).toBe('Current');
  });

  it('never draws it over another query chosen meanwhile', async () => {
    const { api, release } = pageApi(['Current']);
    const store = createLibraryStore(api);
    let giveKept: (kept: ListResult) => void = () => undefined;
    void store.start({ kept: new Promise((done) => (giveKept = done)) });
    const searched = store.setQuery({ search: 'nothing like it' });
    giveKept(answer('Stale'));
    await flush();
    expect(store.itemAt(0)).toBeUndefined();
    release();
    await searched;
    expect(store.result.value?.total).toBe(0);
  });
});
