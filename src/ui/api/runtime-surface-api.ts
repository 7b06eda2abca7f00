import { browser, openSidePanelFor } from '../../shared/browser';
import { readerPathFor } from '../../shared/reader-url';

/** The storage key of the reading settings. */
const SETTINGS_KEY = 'readerSettings';
import type { SettingsStorage, SurfaceApi } from './surface-api';

interface Stamped {
  value: unknown;
  savedAt: number;
}

function isStamped(x: unknown): x is Stamped {
  return typeof x === 'object' && x !== null && 'savedAt' in x && typeof (x as Stamped).savedAt === 'number';
}

/**
 * Settings roam with `storage.sync` and are mirrored in `storage.local`, which always works (sync
 * can be disabled, over quota or missing); the newer of the two wins on load.
 */
function createSettingsStorage(): SettingsStorage {
  const readArea = async (area: 'sync' | 'local'): Promise<Stamped | null> => {
    try {
      const stored = (await browser.storage[area].get(SETTINGS_KEY))[SETTINGS_KEY];
      return isStamped(stored) ? stored : null;
    } catch {
      return null;
    }
  };
  return {
    async load() {
      const [synced, local] = await Promise.all([readArea('sync'), readArea('local')]);
      const newest = [synced, local].filter(isStamped).sort((a, b) => b.savedAt - a.savedAt)[0];
      return newest?.value;
    },
    async save(value) {
      const stamped: Stamped = { value, savedAt: Date.now() };
      await browser.storage.local.set({ [SETTINGS_KEY]: stamped });
      await browser.storage.sync.set({ [SETTINGS_KEY]: stamped }).catch(() => undefined);
    },
    onChange(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[SETTINGS_KEY];
        if ((area === 'sync' || area === 'local') && change && isStamped(change.newValue)) {
          listener(change.newValue.value);
        }
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export function createRuntimeSurfaceApi(): SurfaceApi {
  return {
    settingsStorage: createSettingsStorage(),
    openSidePanel: (tabId) => openSidePanelFor({ id: tabId }),
    async openReader(tabId) {
      const tab = await browser.tabs.get(tabId);
      await browser.tabs.create({
        url: extensionUrl(readerPathFor(tabId)),
        index: tab.index + 1,
        windowId: tab.windowId,
        openerTabId: tabId,
      });
    },
    async showTab(tabId) {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    },
    openSettings: () => browser.runtime.openOptionsPage(),
    async openLibrary() {
      await browser.tabs.create({ url: extensionUrl('library.html') });
    },
    goTo: (path) => location.assign(path),
    watchActiveTab(onChange) {
      let windowId: number | undefined;
      let stopped = false;
      const report = async () => {
        const [tab] = await browser.tabs.query({ active: true, windowId });
        if (!stopped) onChange(tab?.id ?? null);
      };
      const onActivated = (info: { windowId: number }) => {
        if (info.windowId === windowId) void report();
      };
      const onUpdated = (_id: number, change: { status?: string }, tab: { active: boolean; windowId?: number }) => {
        if (change.status === 'complete' && tab.active && tab.windowId === windowId) void report();
      };
      void browser.windows.getCurrent().then((win) => {
        windowId = win.id;
        void report();
      });
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        stopped = true;
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
    async getCommandShortcuts() {
      const commands = await browser.commands.getAll();
      return commands.map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        shortcut: c.shortcut ?? '',
      }));
    },
    closePopup() {
      // Only a real popup closes; the same page opened as a tab (tests, "open in tab") stays.
      if (browser.extension.getViews({ type: 'popup' }).includes(window)) window.close();
    },
  };
}
