/**
 * Every context-menu entry of the extension, as data, and the one click listener that runs them.
 * Browsers keep an extension's menus across service-worker restarts, so they are built when the
 * extension is installed or updated, and again when the browser starts (titles then follow a
 * change of the browser's language). Each build removes all of our entries first, so it never
 * meets an entry it made before, whichever event comes, and however often.
 */
import { browser, openSidePanelFor, type Menus, type Tabs } from '../../shared/browser';
import { createRuntimeTranslator } from '../../shared/i18n/runtime';
import type { PlainKey } from '../../shared/i18n/translate';
import type { LibraryRuntime } from '../library/library-runtime';
import { handleMenuClick, SAVE_LINK_MENU, SAVE_PAGE_MENU } from '../library/save-triggers';
import { openReaderFor } from './reader-tabs';

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  linkText?: string;
}

export interface MenuItem {
  id: string;
  titleKey: PlainKey;
  contexts: Menus.ContextType[];
  /** Called synchronously from the click: a menu click is a user gesture only until the first await. */
  run(click: MenuClick, tab: Tabs.Tab | undefined): void;
}

function reportFailure(id: string, work: Promise<void>): void {
  work.catch((error: unknown) => console.warn(`Menu ${id} failed`, error));
}

export function menuItems(library: () => Promise<LibraryRuntime>): MenuItem[] {
  const save = (click: MenuClick, tab: Tabs.Tab | undefined) => handleMenuClick(library, click, tab);
  return [
    { id: SAVE_PAGE_MENU, titleKey: 'contextSavePage', contexts: ['page'], run: save },
    { id: SAVE_LINK_MENU, titleKey: 'contextSaveLink', contexts: ['link'], run: save },
    {
      id: 'read-in-side-panel',
      titleKey: 'menuReadInSidePanel',
      contexts: ['page', 'action'],
      run: (_click, tab) => {
        if (tab) reportFailure('read-in-side-panel', openSidePanelFor(tab));
      },
    },
    {
      id: 'open-reader',
      titleKey: 'menuOpenReader',
      contexts: ['page', 'action'],
      run: (_click, tab) => {
        if (tab) reportFailure('open-reader', openReaderFor(tab));
      },
    },
  ];
}

async function buildMenus(items: readonly MenuItem[]): Promise<void> {
  const { t } = createRuntimeTranslator();
  await browser.contextMenus.removeAll();
  for (const item of items) {
    browser.contextMenus.create({
      id: item.id,
      title: t(item.titleKey),
      contexts: item.contexts,
    });
  }
}

export function registerContextMenus(library: () => Promise<LibraryRuntime>): void {
  const items = menuItems(library);
  // One build at a time: two interleaved builds would both remove, then both create.
  let building = Promise.resolve();
  const rebuild = () => {
    building = building
      .then(() => buildMenus(items))
      .catch((error: unknown) => console.warn('Could not create the context menus', error));
  };
  browser.runtime.onInstalled.addListener(rebuild);
  browser.runtime.onStartup.addListener(rebuild);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    items.find((item) => item.id === info.menuItemId)?.run(info, tab);
  });
}
