import type { CommandShortcut, SettingsStorage, SurfaceApi } from './surface-api';

export interface MockSurfaceCalls {
  openSidePanel: number[];
  openReader: number[];
  showTab: number[];
  openSettings: number;
  openLibrary: number;
  goTo: string[];
  closePopup: number;
}

export interface MockSettingsStorage extends SettingsStorage {
  /** What was last saved (or seeded). */
  stored: unknown;
  /** Simulates a change made by another surface. */
  changeElsewhere(value: unknown): void;
}

export function createMockSettingsStorage(initial?: unknown): MockSettingsStorage {
  const listeners = new Set<(value: unknown) => void>();
  const storage: MockSettingsStorage = {
    stored: initial,
    load: async () => storage.stored,
    async save(value) {
      storage.stored = structuredClone(value);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changeElsewhere(value) {
      storage.stored = value;
      for (const listener of listeners) listener(value);
    },
  };
  return storage;
}

export interface MockSurfaceOptions {
  settings?: unknown;
  shortcuts?: CommandShortcut[];
}

/** The surface half of the mock API: records what the UI asked for. */
export function createMockSurfaceApi(options: MockSurfaceOptions = {}): SurfaceApi & {
  surfaceCalls: MockSurfaceCalls;
  settingsStorage: MockSettingsStorage;
  /** Simulates the user switching to another tab in the side panel's window. */
  switchActiveTab(tabId: number | null): void;
} {
  const surfaceCalls: MockSurfaceCalls = {
    openSidePanel: [],
    openReader: [],
    showTab: [],
    openSettings: 0,
    openLibrary: 0,
    goTo: [],
    closePopup: 0,
  };
  const watchers = new Set<(tabId: number | null) => void>();
  let activeTab: number | null = 1;
  return {
    surfaceCalls,
    settingsStorage: createMockSettingsStorage(options.settings),
    openSidePanel: async (tabId) => void surfaceCalls.openSidePanel.push(tabId),
    openReader: async (tabId) => void surfaceCalls.openReader.push(tabId),
    showTab: async (tabId) => void surfaceCalls.showTab.push(tabId),
    openSettings: async () => void surfaceCalls.openSettings++,
    openLibrary: async () => void surfaceCalls.openLibrary++,
    goTo: (path) => void surfaceCalls.goTo.push(path),
    watchActiveTab(onChange) {
      watchers.add(onChange);
      queueMicrotask(() => onChange(activeTab));
      return () => watchers.delete(onChange);
    },
    switchActiveTab(tabId) {
      activeTab = tabId;
      for (const watcher of watchers) watcher(tabId);
    },
    getCommandShortcuts: async () =>
      options.shortcuts ?? [{ name: 'toggle-reader', description: 'Toggle the reader', shortcut: 'Alt+Shift+R' }],
    closePopup: () => void surfaceCalls.closePopup++,
  };
}
