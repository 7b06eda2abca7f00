/**
 * Context-menu entries, as data. Menus persist across service-worker restarts, so they are
 * (re)created on install and update only; the click listener is registered at every start.
 */
import { browser, openSidePanelFor, type Menus, type Tabs } from '../../shared/browser';
import { openReaderFor } from './reader-tabs';

interface MenuItem {
  id: string;
  titleKey: string;
  contexts: Menus.ContextType[];
  /** Called synchronously from the click: a menu click is a user gesture only until the first await. */
  run(tab: Tabs.Tab): Promise<void>;
}

export const MENU_ITEMS: MenuItem[] = [
  {
    id: 'read-in-side-panel',
    titleKey: 'menuReadInSidePanel',
    contexts: ['page', 'action'],
    run: (tab) => openSidePanelFor(tab),
  },
  {
    id: 'open-reader',
    titleKey: 'menuOpenReader',
    contexts: ['page', 'action'],
    run: (tab) => openReaderFor(tab),
  },
];

/** Replaces only our own entries: other features create theirs in the same install event. */
async function createMenus(): Promise<void> {
  for (const item of MENU_ITEMS) {
    await browser.contextMenus.remove(item.id).catch(() => undefined);
    browser.contextMenus.create({
      id: item.id,
      title: browser.i18n.getMessage(item.titleKey) || item.id,
      contexts: item.contexts,
    });
  }
}

export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((error: unknown) => console.warn('Could not create the context menus', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = MENU_ITEMS.find((i) => i.id === info.menuItemId);
    if (item && tab) item.run(tab).catch((error: unknown) => console.warn(`Menu ${item.id} failed`, error));
  });
}
