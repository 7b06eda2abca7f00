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

/** The reading settings of one page, kept in step with every other open surface. */
export function createSettingsStore(storage: SettingsStorage): SettingsStore {
  const settings = signal<ReaderSettings>(DEFAULT_SETTINGS);
  const isLoaded = signal(false);
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
    .finally(() => (isLoaded.value = true));

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
    dispose: stop,
  };
}
