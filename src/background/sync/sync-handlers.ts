/** The `sync.*` entries of the background protocol. */
import type { Handlers } from '../../shared/messaging/messenger';
import type { SyncBackgroundApi } from '../../shared/messaging/sync-protocol';
import type { SyncService } from './sync-service';

export function createSyncHandlers(ready: Promise<void>, sync: SyncService): Handlers<SyncBackgroundApi> {
  return {
    'sync.status': async () => {
      await ready;
      return sync.status();
    },
    'sync.connect': async (setup) => {
      await ready;
      return sync.connect({
        folderUrl: String(setup.folderUrl ?? ''),
        username: String(setup.username ?? ''),
        password: String(setup.password ?? ''),
        passphrase: String(setup.passphrase ?? ''),
        askedAccess: setup.askedAccess === true,
      });
    },
    'sync.now': async () => {
      await ready;
      await sync.syncNow();
      return sync.status();
    },
    'sync.forget': async () => {
      await ready;
      return sync.forget();
    },
  };
}
