import type { SyncSetup, SyncStatus } from '../../shared/sync-types';

export type { SyncErrorCode, SyncSetup, SyncStatus } from '../../shared/sync-types';

/** The sync with the reader's WebDAV folder (`api.sync`). */
export interface SyncApi {
  status(): Promise<SyncStatus>;
  /**
   * Asks for access to the server's site, then sets the sync up and syncs. Browsers show the
   * prompt only during a user gesture: call it first thing in a click handler. A refusal, or a
   * failure, comes back as the status's `error`.
   */
  connect(setup: SyncSetup): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  forget(): Promise<SyncStatus>;
}
