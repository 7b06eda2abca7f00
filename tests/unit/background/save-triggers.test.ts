/**
 * The context menu and the keyboard command save without a page of ours open. Browsers offer no
 * way for a test to click a context menu item, so the browser handle and the tab reading are
 * replaced here; the menu entries are tested in context-menus.test.ts, the saving itself on a real
 * database in library-service.test.ts, and the command end to end in tests/e2e/library-pages.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveResult } from '../../../src/shared/messaging/library-protocol';
import { LibraryError } from '../../../src/storage/errors';

const calls = vi.hoisted(() => ({
  badges: new Map<number | undefined, { text: string; title: string }>(),
  savedTabs: [] as number[],
}));

vi.mock('../../../src/shared/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs: string[] = []) => (subs.length === 0 ? key : `${key}: ${subs.join(', ')}`),
      getUILanguage: () => 'en',
    },
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ text, tabId }: { text: string; tabId?: number }) => {
        calls.badges.set(tabId, { title: calls.badges.get(tabId)?.title ?? '', text });
      },
      setTitle: async ({ title, tabId }: { title: string; tabId?: number }) => {
        calls.badges.set(tabId, { text: calls.badges.get(tabId)?.text ?? '', title });
      },
    },
  },
}));

vi.mock('../../../src/background/library/save-tab', () => ({
  saveTab: async (_service: unknown, tabId: number): Promise<SaveResult> => {
    calls.savedTabs.push(tabId);
    if (tabId === 13) throw new LibraryError('bad-request', 'no-text');
    return {
      id: 'p',
      title: 'The page',
      isNew: true,
      status: 'complete',
      images: { total: 0, stored: 0 },
      imagesKept: null,
    };
  },
}));

const { handleCommand, handleMenuClick, SAVE_LINK_MENU, SAVE_PAGE_MENU } =
  await import('../../../src/background/library/save-triggers');
type Library = Parameters<typeof handleMenuClick>[0];

function fakeLibrary() {
  const saveUrl = vi.fn(async (url: string): Promise<SaveResult> => ({
    id: 'l',
    title: url,
    isNew: true,
    status: 'link',
    images: { total: 0, stored: 0 },
    imagesKept: 'no-access',
  }));
  const library = (async () => ({ service: { saveUrl } })) as unknown as Library;
  return { library, saveUrl };
}

const tab = (id: number) => ({ id }) as Parameters<typeof handleMenuClick>[2];
const badge = (tabId: number) => vi.waitFor(() => calls.badges.get(tabId) ?? Promise.reject(new Error('no badge')));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  calls.badges.clear();
  calls.savedTabs.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('saving from the context menu and the keyboard', () => {
  it('saves the page it was opened on and says so on the toolbar button', async () => {
    const { library, saveUrl } = fakeLibrary();
    handleMenuClick(library, { menuItemId: SAVE_PAGE_MENU }, tab(7));
    expect(await badge(7)).toEqual({ text: '✓', title: 'savedToLibrary: The page' });
    expect(calls.savedTabs).toEqual([7]);
    expect(saveUrl).not.toHaveBeenCalled();
    // The note goes away by itself.
    await vi.runAllTimersAsync();
    expect(calls.badges.get(7)).toEqual({ text: '', title: 'actionTitle' });
  });

  it('saves a link by its address and text, and says when its pictures stayed remote', async () => {
    const { library, saveUrl } = fakeLibrary();
    handleMenuClick(
      library,
      { menuItemId: SAVE_LINK_MENU, linkUrl: 'https://news.example/a', linkText: 'A story' },
      tab(8),
    );
    expect(await badge(8)).toEqual({ text: '✓', title: 'savedWithoutImages: https://news.example/a' });
    expect(saveUrl).toHaveBeenCalledWith('https://news.example/a', 'A story');
    expect(calls.savedTabs).toEqual([]);
  });

  it('shows why a save failed', async () => {
    const { library } = fakeLibrary();
    handleMenuClick(library, { menuItemId: SAVE_PAGE_MENU }, tab(13));
    // The reason travels as a code and is put into words in the browser's language.
    expect(await badge(13)).toEqual({ text: '!', title: 'saveFailed: notArticleNoText' });
  });

  it('saves the tab on its command, and ignores other commands and menus', async () => {
    const { library, saveUrl } = fakeLibrary();
    handleCommand(library, 'toggle-reader', tab(9));
    handleMenuClick(library, { menuItemId: 'something-else' }, tab(9));
    handleCommand(library, 'save-to-library', tab(10));
    expect(await badge(10)).toMatchObject({ text: '✓' });
    expect(calls.savedTabs).toEqual([10]);
    expect(saveUrl).not.toHaveBeenCalled();
  });
});
