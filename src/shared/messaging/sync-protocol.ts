/** The sync with the reader's WebDAV folder, served by the background (src/background/sync). */
import type { SyncSetup, SyncStatus } from '../sync-types';
import type { SenderRoles } from './sender-roles';

export interface SyncBackgroundApi {
  'sync.status': (req: Record<string, never>) => SyncStatus;
  /**
   * Sets the sync up with a folder and syncs. The page asks for access to the server's site
   * first (the prompt needs the click). A failure leaves the previous setup as it was and is
   * said in the status's `error`.
   */
  'sync.connect': (req: SyncSetup) => SyncStatus;
  'sync.now': (req: Record<string, never>) => SyncStatus;
  /** Forgets the server, the credentials and what the sync knew; the library stays. */
  'sync.forget': (req: Record<string, never>) => SyncStatus;
}

export const syncSenders: SenderRoles<SyncBackgroundApi> = {
  'sync.status': ['extension'],
  'sync.connect': ['extension'],
  'sync.now': ['extension'],
  'sync.forget': ['extension'],
};
