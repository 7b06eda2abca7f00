/**
 * The sync's setup, in `storage.local` (never the browser's own sync, never logged): the folder,
 * the user name and app password, and the folder's keys when it is encrypted (derived from the
 * passphrase once, when the reader sets it up: the passphrase itself is not kept). And the state
 * of the last run, for the status line.
 */
import { browser } from '../../shared/browser';
import type { SyncErrorCode } from '../../shared/sync-types';

const SETTINGS_KEY = 'sync.settings';
const RUN_KEY = 'sync.run';

export interface SyncSettings {
  folderUrl: string;
  username: string;
  password: string;
  /** The folder's key material (base64), or null for a folder that is not encrypted. */
  keys: string | null;
  /** This browser's id in the sync's clock stamps. */
  node: string;
  /**
   * The host permission asked for the server's site when the reader connected, given back when
   * they forget the server; null when they had granted it before (it stays theirs).
   */
  accessPattern?: string | null;
}

export interface SyncRun {
  lastSyncAt: number | null;
  error: SyncErrorCode | null;
  /** Failures in a row: the wait before the next try doubles with each. */
  failures: number;
  retryAt: number | null;
  skipped: number;
}

export const NO_RUN: SyncRun = { lastSyncAt: null, error: null, failures: 0, retryAt: null, skipped: 0 };

function isSettings(value: unknown): value is SyncSettings {
  const v = value as Partial<SyncSettings> | undefined;
  return (
    typeof v?.folderUrl === 'string' &&
    typeof v.username === 'string' &&
    typeof v.password === 'string' &&
    (v.keys === null || typeof v.keys === 'string') &&
    typeof v.node === 'string'
  );
}

export async function readSettings(): Promise<SyncSettings | null> {
  const value = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return isSettings(value) ? value : null;
}

export async function writeSettings(settings: SyncSettings | null): Promise<void> {
  if (settings) await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  else await browser.storage.local.remove([SETTINGS_KEY, RUN_KEY]);
}

export async function readRun(): Promise<SyncRun> {
  const value = (await browser.storage.local.get(RUN_KEY))[RUN_KEY] as Partial<SyncRun> | undefined;
  return { ...NO_RUN, ...value };
}

export async function writeRun(run: SyncRun): Promise<void> {
  await browser.storage.local.set({ [RUN_KEY]: run });
}
