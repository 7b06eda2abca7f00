/**
 * The chosen sites in `storage.local` (they survive restarts and updates), owned by the
 * background. Changes run one after another, so two quick clicks cannot lose one.
 */
import { browser } from '../../shared/browser';
import type { AlwaysReaderSettings } from '../../shared/always-reader-types';
import { normaliseAlwaysReader } from './always-reader-plan';

const KEY = 'alwaysReader.settings';

export interface AlwaysReaderStore {
  get(): Promise<AlwaysReaderSettings>;
  update(change: (settings: AlwaysReaderSettings) => AlwaysReaderSettings): Promise<AlwaysReaderSettings>;
}

export function createAlwaysReaderStore(): AlwaysReaderStore {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async () => normaliseAlwaysReader((await browser.storage.local.get(KEY))[KEY]);
  return {
    get: read,
    update(change) {
      const next = queue.then(async () => {
        const settings = normaliseAlwaysReader(change(await read()));
        await browser.storage.local.set({ [KEY]: settings });
        return settings;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
