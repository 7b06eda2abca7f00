/**
 * The extension's context-menu entries, made by one module. The browser's menu store is faked as
 * the browsers behave: entries outlive the service worker, and creating an id that exists is an
 * error.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SaveTriggers from '../../../src/background/library/save-triggers';

type Listener = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const listeners = { installed: [] as Listener[], startup: [] as Listener[], clicked: [] as Listener[] };
  const menus = new Map<string, { title: string; contexts: string[] }>();
  const errors: string[] = [];
  const ran: string[] = [];
  return { listeners, menus, errors, ran, removals: 0 };
});

vi.mock('../../../src/shared/browser', () => ({
  browser: {
    runtime: {
      onInstalled: { addListener: (l: Listener) => void fake.listeners.installed.push(l) },
      onStartup: { addListener: (l: Listener) => void fake.listeners.startup.push(l) },
    },
    contextMenus: {
      create(item: { id: string; title: string; contexts: string[] }) {
        // As in Chrome and Firefox: reported through lastError, the first entry stays.
        if (fake.menus.has(item.id)) fake.errors.push(`Cannot create item with duplicate id ${item.id}`);
        else fake.menus.set(item.id, { title: item.title, contexts: item.contexts });
        return item.id;
      },
      removeAll: async () => {
        // The browser applies calls in the order they were made, and answers later.
        fake.menus.clear();
        fake.removals++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        fake.removals--;
      },
      onClicked: { addListener: (l: Listener) => void fake.listeners.clicked.push(l) },
    },
    i18n: { getMessage: (key: string) => `«${key}»` },
  },
  openSidePanelFor: async (tab: { id?: number }) => void fake.ran.push(`side panel ${tab.id}`),
}));

vi.mock('../../../src/background/surfaces/reader-tabs', () => ({
  openReaderFor: async (tab: { id?: number }) => void fake.ran.push(`reader ${tab.id}`),
}));

vi.mock('../../../src/background/library/save-triggers', async (importOriginal) => ({
  ...(await importOriginal<typeof SaveTriggers>()),
  handleMenuClick: (_library: unknown, click: { menuItemId: string; linkUrl?: string }, tab?: { id?: number }) =>
    void fake.ran.push(`save ${click.menuItemId} ${click.linkUrl ?? tab?.id}`),
}));

const { registerContextMenus } = await import('../../../src/background/surfaces/context-menus');
const { SAVE_LINK_MENU, SAVE_PAGE_MENU } = await import('../../../src/background/library/save-triggers');

const library = (() => Promise.reject(new Error('not used'))) as unknown as Parameters<typeof registerContextMenus>[0];

/** Fires an event on every listener, and waits until the menus are built. */
async function fire(event: 'installed' | 'startup'): Promise<void> {
  for (const listener of fake.listeners[event]) (listener as () => void)();
  await vi.waitFor(() =>
    expect({ removals: fake.removals, menus: fake.menus.size }).toEqual({ removals: 0, menus: 4 }),
  );
}

function menuList() {
  return [...fake.menus].map(([id, menu]) => [id, menu.title, menu.contexts]);
}

const EXPECTED = [
  [SAVE_PAGE_MENU, '«contextSavePage»', ['page']],
  [SAVE_LINK_MENU, '«contextSaveLink»', ['link']],
  ['read-in-side-panel', '«menuReadInSidePanel»', ['page', 'action']],
  ['open-reader', '«menuOpenReader»', ['page', 'action']],
];

beforeEach(() => {
  fake.listeners.installed.length = 0;
  fake.listeners.startup.length = 0;
  fake.listeners.clicked.length = 0;
  fake.menus.clear();
  fake.errors.length = 0;
  fake.ran.length = 0;
  fake.removals = 0;
  registerContextMenus(library);
});

describe('context menus', () => {
  it('are made on install, each once, saving on pages and links, reading on pages and the button', async () => {
    await fire('installed');
    expect(menuList()).toEqual(EXPECTED);
    expect(fake.errors).toEqual([]);
  });

  it('are rebuilt without duplicates on every later install, update or browser start', async () => {
    await fire('installed');
    // A new service worker: the menus are still there, the listeners are registered again.
    fake.listeners.installed.length = 0;
    fake.listeners.startup.length = 0;
    fake.listeners.clicked.length = 0;
    registerContextMenus(library);
    await fire('startup');
    await fire('installed');
    expect(menuList()).toEqual(EXPECTED);
    expect(fake.errors).toEqual([]);
  });

  it('never interleave two builds when install and start-up come together', async () => {
    for (const listener of [...fake.listeners.installed, ...fake.listeners.startup]) (listener as () => void)();
    await fire('installed');
    expect(menuList()).toEqual(EXPECTED);
    expect(fake.errors).toEqual([]);
  });

  it('have one click listener, which runs the clicked entry once', async () => {
    expect(fake.listeners.clicked).toHaveLength(1);
    const click = fake.listeners.clicked[0] as (info: object, tab?: object) => void;
    click({ menuItemId: 'read-in-side-panel' }, { id: 3 });
    click({ menuItemId: 'open-reader' }, { id: 4 });
    click({ menuItemId: SAVE_PAGE_MENU }, { id: 5 });
    click({ menuItemId: SAVE_LINK_MENU, linkUrl: 'https://news.example/a' }, { id: 6 });
    click({ menuItemId: 'open-reader' });
    click({ menuItemId: 'not-ours' }, { id: 7 });
    await vi.waitFor(() => expect(fake.ran).toHaveLength(4));
    expect(fake.ran).toEqual([
      'side panel 3',
      'reader 4',
      `save ${SAVE_PAGE_MENU} 5`,
      `save ${SAVE_LINK_MENU} https://news.example/a`,
    ]);
  });
});
