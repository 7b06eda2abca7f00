import { signal, type ReadonlySignal } from '@preact/signals';
import type { SettingsStorage } from '../api/surface-api';
import { DEFAULT_SETTINGS, normaliseSettings, type ReaderSettings } from '../settings/reader-settings';

export interface SettingsStore {
  settings: ReadonlySignal<ReaderSettings>;
  /** False until the stored settings are read (surfaces render with the defaults meanwhile). */
  isLoaded: ReadonlySignal<boolean>;
  update(change: Partial<ReaderSettings>): Promise<void>;
  reset(): Promise<void>;
  dispose(): void;
}

/** Pages wait this long at most for stored settings before showing themselves with the defaults. */
const MAX_WAIT_MS = 250;

/** The reading settings of one page, kept in step with every other open surface. */
export function createSettingsStore(storage: SettingsStorage): SettingsStore {
  const settings = signal<ReaderSettings>(DEFAULT_SETTINGS);
  const isLoaded = signal(false);
  // A storage that never answers must not leave a page blank.
  const giveUp = setTimeout(() => (isLoaded.value = true), MAX_WAIT_MS);
  let isChangedLocally = false;
  const stop = storage.onChange((value) => {
    settings.value = normaliseSettings(value);
  });
  void storage
    .load()
    .then((value) => {
      // A change made before the stored value arrived is newer: keep it.
      if (!isChangedLocally) settings.value = normaliseSettings(value);
    })
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(giveUp);
      isLoaded.value = true;
    });

  async function save(next: ReaderSettings): Promise<void> {
    isChangedLocally = true;
    settings.value = next;
    await storage.save(next);
  }

  return {
    settings,
    isLoaded,
    update: (change) => save(normaliseSettings({ ...settings.value, ...change })),
    reset: () => save(DEFAULT_SETTINGS),
    dispose() {
      clearTimeout(giveUp);
      stop();
    },
  };
}
