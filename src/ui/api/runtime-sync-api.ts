import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import { originPattern } from '../../shared/origin-pattern';
import type { SyncApi } from './sync-api';

export function createRuntimeSyncApi(): SyncApi {
  const status = () => sendToBackground('sync.status', {});
  return {
    status,
    async connect(setup) {
      let pattern: string | null = null;
      try {
        pattern = originPattern(new URL(setup.folderUrl.trim()).origin);
      } catch {
        // Not an address: the background says so.
      }
      if (!pattern) return sendToBackground('sync.connect', setup);
      // Asked before the request is made, so it answers whether the reader had granted it already
      // (then forgetting the server leaves it). No await before the request: the prompt needs the
      // click's user gesture.
      const hadAccess = browser.permissions.contains({ origins: [pattern] });
      const granted = browser.permissions.request({ origins: [pattern] });
      const askedAccess = !(await hadAccess);
      if (!(await granted)) return { ...(await status()), error: 'no-access' };
      return sendToBackground('sync.connect', { ...setup, askedAccess });
    },
    syncNow: () => sendToBackground('sync.now', {}),
    forget: () => sendToBackground('sync.forget', {}),
  };
}
