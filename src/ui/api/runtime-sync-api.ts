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
      // No await before this call: the prompt needs the click's user gesture.
      if (pattern && !(await browser.permissions.request({ origins: [pattern] }))) {
        return { ...(await status()), error: 'no-access' };
      }
      return sendToBackground('sync.connect', setup);
    },
    syncNow: () => sendToBackground('sync.now', {}),
    forget: () => sendToBackground('sync.forget', {}),
  };
}
