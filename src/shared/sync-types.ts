/** What the settings and library pages learn of the sync (served by src/background/sync). */

/** Why the last sync (or connecting) failed; each has a message that says what to do. */
export type SyncErrorCode =
  /** The server could not be reached, or the connection dropped. */
  | 'network'
  | 'timeout'
  /** 401/403: wrong user name or app password. */
  | 'auth'
  /** 507: the server is out of space. */
  | 'full'
  /** The address names no WebDAV folder (or its parent does not exist). */
  | 'not-found'
  /** The server answered with an unexpected error. */
  | 'http'
  | 'wrong-passphrase'
  /** The folder is encrypted and no passphrase was given. */
  | 'passphrase-needed'
  /** A passphrase was given for a folder that is not encrypted. */
  | 'not-encrypted'
  /** The folder holds files of something else. */
  | 'not-ours'
  /** The reader declined access to the server's site. */
  | 'no-access'
  | 'bad-address'
  | 'failed';

export interface SyncStatus {
  isConfigured: boolean;
  /** The folder's address (never the password). */
  folderUrl: string | null;
  username: string | null;
  isEncrypted: boolean;
  isRunning: boolean;
  lastSyncAt: number | null;
  /** Articles in this library. */
  articles: number;
  /** Articles changed here that the next sync sends. */
  waiting: number;
  /** Files on the server the last sync skipped (not ours, or corrupt). */
  skipped: number;
  error: SyncErrorCode | null;
  /** When the sync tries again after a failure (it waits longer after each). */
  retryAt: number | null;
}

export interface SyncSetup {
  folderUrl: string;
  username: string;
  password: string;
  /** Empty: no encryption. */
  passphrase: string;
  /**
   * Access to the server's site was asked for by this setup (not granted before): forgetting the
   * server gives it back.
   */
  askedAccess?: boolean;
}
