/**
 * The background side of "Always open in reader on this site", on a browser made of plain data
 * (storage areas, registered scripts, granted origins, tabs with a history): no test can load
 * the extension's background here. The engine is the real one, reading the fixture pages; only
 * the trip of the content script into the tab is replaced. The same flows run end to end in both
 * browsers in tests/e2e/always-reader.spec.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../src/extract/types';
import type { LibraryRuntime } from '../../../src/background/library/library-runtime';
import type { SaveResult } from '../../../src/shared/messaging/library-protocol';
import type { MessageSender } from '../../../src/shared/messaging/messenger';

const fake = vi.hoisted(() => {
  const area = () => {
    const data = new Map<string, unknown>();
    return {
      data,
      get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      },
      remove: async (keys: string[]) => void keys.forEach((k) => data.delete(k)),
    };
  };
  interface Script {
    id: string;
    matches: string[];
  }
  const state = {
    local: area(),
    session: area(),
    scripts: [] as Script[],
    granted: new Set<string>(),
    /** Each tab's history and where it stands. */
    tabs: new Map<number, { history: string[]; at: number }>(),
    /** The pages the engine reads, by address (fixture slugs). */
    pages: new Map<string, string>(),
    /** What pages name as their canonical address, and the icons their tabs show, by address. */
    canonicals: new Map<string, string>(),
    icons: new Map<string, string>(),
  };
  const urlOf = (tabId: number) => {
    const tab = state.tabs.get(tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}`);
    return tab.history[tab.at]!;
  };
  const browser = {
    storage: { local: state.local, session: state.session },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)) },
    scripting: {
      getRegisteredContentScripts: async () => structuredClone(state.scripts),
      registerContentScripts: async (scripts: Script[]) => void state.scripts.push(...structuredClone(scripts)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.scripts = state.scripts.filter((s) => !ids.includes(s.id));
      },
      // Only the canonical address is read this way here: what the page in the tab names now.
      executeScript: async ({ target }: { target: { tabId: number } }) => [
        { result: state.canonicals.get(urlOf(target.tabId)) ?? null },
      ],
    },
    runtime: { getURL: (path: string) => `chrome-extension://test/${path}` },
    tabs: {
      get: async (tabId: number) => ({ id: tabId, url: urlOf(tabId), favIconUrl: state.icons.get(urlOf(tabId)) }),
      update: async (tabId: number, { url }: { url: string }) => {
        const tab = state.tabs.get(tabId)!;
        tab.history = [...tab.history.slice(0, tab.at + 1), url];
        tab.at += 1;
        return { id: tabId, url };
      },
      goBack: async (tabId: number) => {
        const tab = state.tabs.get(tabId)!;
        if (tab.at === 0) throw new Error('Cannot find a next page in history.');
        tab.at -= 1;
      },
    },
  };
  return { state, browser, urlOf };
});

vi.mock('../../../src/shared/browser', () => ({ browser: fake.browser }));
vi.mock('../../../src/shared/tab-content', async () => {
  const { JSDOM } = await import('jsdom');
  const { extractArticle } = await import('../../../src/extract/extract-article');
  const { loadFixture } = await import('../support/fixtures');
  return {
    // What content.js answers in the tab: the engine on the page the tab shows.
    extractFromTab: async (tabId: number) => {
      const url = fake.urlOf(tabId);
      const fixture = loadFixture(fake.state.pages.get(url)!);
      return extractArticle(new JSDOM(fixture.html, { url }).window.document, { url });
    },
  };
});

const { createAlwaysReaderHandlers } = await import('../../../src/background/always-reader/always-reader-handlers');
const { createAlwaysReaderStore } = await import('../../../src/background/always-reader/always-reader-store');
const { LibraryError } = await import('../../../src/storage/errors');

const ARTICLE = 'https://news.example/story';
const LIST = 'https://news.example/';
const ELSEWHERE = 'https://other.example/story';
const READER = `chrome-extension://test/reader.html?page=${encodeURIComponent(ARTICLE)}`;

function openTab(tabId: number, url: string): void {
  fake.state.tabs.set(tabId, { history: [url], at: 0 });
}

const fromPage = (tabId: number): MessageSender => ({ tab: { id: tabId }, url: fake.urlOf(tabId), frameId: 0 });

let handlers: ReturnType<typeof createAlwaysReaderHandlers>;
/** The library's one door for a page's article: what each save handed it, and how it answers. */
let saved: { article: ExtractResult; canonical: string | null; source: string; icon: string | null }[];
let saveAnswer: (article: ExtractResult) => Promise<SaveResult>;

beforeEach(() => {
  fake.state.local.data.clear();
  fake.state.session.data.clear();
  fake.state.scripts = [];
  fake.state.granted = new Set(['https://news.example/*', 'https://other.example/*']);
  fake.state.tabs.clear();
  fake.state.pages = new Map([
    [ARTICLE, 'magazine-seed'],
    [LIST, 'front-page'],
    [ELSEWHERE, 'magazine-seed'],
  ]);
  fake.state.canonicals = new Map([[ARTICLE, 'https://news.example/story?amp=0']]);
  fake.state.icons = new Map([[ARTICLE, 'https://news.example/favicon.png']]);
  saved = [];
  saveAnswer = async (article) => ({
    id: 'a1',
    title: article.title,
    isNew: true,
    status: 'complete',
    images: { total: 2, stored: 2 },
    imagesKept: null,
  });
  const library = {
    service: {
      saveExtracted: async (article: ExtractResult, canonical: string | null, source: string, icon: string | null) => {
        saved.push({ article, canonical, source, icon });
        return saveAnswer(article);
      },
    },
  } as unknown as LibraryRuntime;
  handlers = createAlwaysReaderHandlers(Promise.resolve(), createAlwaysReaderStore(), async () => library);
});

describe('always open in reader, in the background', () => {
  it('stores the choice and registers the page script for the site’s granted origin, and unregisters it', async () => {
    openTab(1, ARTICLE);
    expect(await handlers['alwaysReader.site']({ tabId: 1 }, {})).toEqual({
      host: 'news.example',
      origin: 'https://news.example/*',
      isOn: false,
    });
    expect(await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {})).toEqual([
      { host: 'news.example', hasAccess: true },
    ]);
    expect(fake.state.local.data.get('alwaysReader.settings')).toEqual({ sites: ['news.example'] });
    expect(fake.state.scripts).toEqual([
      expect.objectContaining({ id: 'tidy-always-reader', matches: ['https://news.example/*'] }),
    ]);
    expect((await handlers['alwaysReader.site']({ tabId: 1 }, {})).isOn).toBe(true);

    expect(await handlers['alwaysReader.set']({ host: 'news.example', on: false }, {})).toEqual([]);
    expect(fake.state.scripts).toEqual([]);
  });

  it('lists a chosen site without access as such, and registers nothing for it', async () => {
    fake.state.granted.clear();
    expect(await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {})).toEqual([
      { host: 'news.example', hasAccess: false },
    ]);
    expect(fake.state.scripts).toEqual([]);
  });

  it('refuses to choose what is not a host name', async () => {
    await expect(handlers['alwaysReader.set']({ host: '*://*/*', on: true }, {})).rejects.toThrow();
    expect(fake.state.local.data.size).toBe(0);
  });

  it('opens an article of a chosen site in the reader in the same tab, with the article handed over', async () => {
    await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {});
    openTab(1, ARTICLE);
    expect(await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(1))).toEqual({
      outcome: 'opened',
    });
    expect(fake.state.tabs.get(1)).toEqual({ history: [ARTICLE, READER], at: 1 });
    const reader: MessageSender = { tab: { id: 1 }, url: READER, frameId: 0 };
    const article = await handlers['alwaysReader.article']({ url: ARTICLE }, reader);
    expect(article?.title).toBe('Russia’s border regions brace for American missiles');
    // Another tab, or another page, has no article handed over.
    openTab(2, ARTICLE);
    expect(await handlers['alwaysReader.article']({ url: ARTICLE }, { ...reader, tab: { id: 2 } })).toBeNull();
    expect(await handlers['alwaysReader.article']({ url: LIST }, reader)).toBeNull();
  });

  it('leaves list pages, other sites, reloads and steps back in history alone', async () => {
    await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {});
    openTab(1, LIST);
    expect((await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(1))).outcome).toBe(
      'not-article',
    );
    openTab(2, ELSEWHERE);
    expect((await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(2))).outcome).toBe('off');
    openTab(3, ARTICLE);
    for (const navigation of ['reload', 'back_forward'] as const) {
      expect((await handlers['alwaysReader.pageLoaded']({ navigation }, fromPage(3))).outcome).toBe('left');
    }
    for (const tabId of [1, 2, 3]) expect(fake.state.tabs.get(tabId)?.at).toBe(0);
  });

  it('goes back to the page in one step, and does not open the reader for it again in that tab', async () => {
    await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {});
    openTab(1, ARTICLE);
    await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(1));
    const reader: MessageSender = { tab: { id: 1 }, url: READER, frameId: 0 };
    expect(await handlers['alwaysReader.showOriginal']({ url: ARTICLE }, reader)).toEqual({ shown: true });
    expect(fake.state.tabs.get(1)).toEqual({ history: [ARTICLE, READER], at: 0 });
    // Even a fresh load of that address (the same link followed again) keeps the page there.
    expect((await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(1))).outcome).toBe('left');
    // Another tab still opens it.
    openTab(2, ARTICLE);
    expect((await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(2))).outcome).toBe('opened');
  });

  it('without a step back (a restored session), goes to the page’s address', async () => {
    openTab(1, READER);
    await handlers['alwaysReader.showOriginal']({ url: ARTICLE }, { tab: { id: 1 }, url: READER, frameId: 0 });
    expect(fake.urlOf(1)).toBe(ARTICLE);
    await expect(
      handlers['alwaysReader.showOriginal']({ url: 'javascript:alert(1)' }, { tab: { id: 1 }, url: READER }),
    ).rejects.toThrow();
  });

  it('saves the article kept for the reader, with the canonical address and icon the page had', async () => {
    await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {});
    openTab(1, ARTICLE);
    await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(1));
    // The page is gone from the tab now: what the save needs of it was read before it left.
    expect(fake.urlOf(1)).toBe(READER);
    const reader: MessageSender = { tab: { id: 1 }, url: READER, frameId: 0 };
    const result = await handlers['alwaysReader.save']({ url: ARTICLE }, reader);
    expect(result).toMatchObject({ id: 'a1', title: 'Russia’s border regions brace for American missiles' });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      canonical: 'https://news.example/story?amp=0',
      source: 'page',
      icon: 'https://news.example/favicon.png',
    });
    expect(saved[0]!.article).toEqual(await handlers['alwaysReader.article']({ url: ARTICLE }, reader));
  });

  it('fails with a reason the reader explains when nothing is kept for it, and keeps a library failure’s code', async () => {
    const reader: MessageSender = { tab: { id: 1 }, url: READER, frameId: 0 };
    openTab(1, READER);
    // The browser restarted: storage.session is empty.
    await expect(handlers['alwaysReader.save']({ url: ARTICLE }, reader)).rejects.toMatchObject({
      code: 'not-found',
      reason: 'reader-page-gone',
    });
    await handlers['alwaysReader.set']({ host: 'news.example', on: true }, {});
    openTab(2, ARTICLE);
    await handlers['alwaysReader.pageLoaded']({ navigation: 'navigate' }, fromPage(2));
    const second: MessageSender = { ...reader, tab: { id: 2 } };
    // Another page's address in that tab has nothing kept either.
    await expect(handlers['alwaysReader.save']({ url: LIST }, second)).rejects.toMatchObject({
      reason: 'reader-page-gone',
    });
    saveAnswer = () => Promise.reject(new LibraryError('quota', 'storage-full'));
    await expect(handlers['alwaysReader.save']({ url: ARTICLE }, second)).rejects.toMatchObject({
      code: 'quota',
      reason: 'storage-full',
    });
    expect(saved).toHaveLength(1);
  });
});
