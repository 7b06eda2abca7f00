/**
 * The clutter settings in `storage.local` (they survive restarts and updates), owned by the
 * background. Changes are applied one after another, so two quick clicks cannot lose one.
 */
import { browser } from '../../shared/browser';
import type { ClutterSettings } from '../../shared/clutter-types';
import { normaliseSettings } from './clutter-plan';

const KEY = 'clutter.settings';

export interface ClutterSettingsStore {
  get(): Promise<ClutterSettings>;
  update(change: (settings: ClutterSettings) => void): Promise<ClutterSettings>;
}

export function createClutterSettingsStore(): ClutterSettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async () => normaliseSettings((await browser.storage.local.get(KEY))[KEY]);
  return {
    get: read,
    update(change) {
      const next = queue.then(async () => {
        const settings = await read();
        change(settings);
        await browser.storage.local.set({ [KEY]: settings });
        return settings;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
