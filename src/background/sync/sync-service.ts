/**
 * The sync as the background runs it: one run at a time; after a library write (debounced), at
 * start-up, every `PERIOD_MINUTES` (an alarm) and on demand; after a failure it waits 1, 2, 4 …
 * up to 60 minutes before trying again. The library's database is the local replica.
 */
import { browser } from '../../shared/browser';
import { serverBase } from '../../shared/server-base';
import type { SyncErrorCode, SyncSetup, SyncStatus } from '../../shared/sync-types';
import { fromBase64, importKeys, toBase64 } from '../../sync/encryption';
import { syncOnce } from '../../sync/engine';
import { createRemoteFolder, openFolder } from '../../sync/folder';
import { createDav, type Dav } from '../../sync/webdav';
import type { LibraryRuntime } from '../library/library-runtime';
import { accessPatternOf, registerServerAccessUser, releaseServerAccess } from '../servers/server-access';
import { createLibraryReplica } from './library-replica';
import { isTransient, syncErrorCode } from './sync-errors';
import { NO_RUN, readRun, readSettings, writeRun, writeSettings, type SyncSettings } from './sync-settings';

export const PERIODIC_ALARM = 'sync.periodic';
export const RETRY_ALARM = 'sync.retry';
export const PERIOD_MINUTES = 15;
const DEBOUNCE_MS = 5000;
const MAX_BACKOFF_MINUTES = 60;

export interface SyncServiceDeps {
  library: () => Promise<LibraryRuntime>;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export type SyncService = ReturnType<typeof createSyncService>;

/** The sync's server needs its site's access while it is set up, whoever asked for it (server-access.ts). */
registerServerAccessUser(async () => {
  const settings = await readSettings();
  return [settings ? accessPatternOf(settings.folderUrl) : null];
});

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let running: Promise<void> | null = null;
  let again = false;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let watched: LibraryRuntime | null = null;

  const davFor = (s: Pick<SyncSettings, 'folderUrl' | 'username' | 'password'>): Dav =>
    createDav({ baseUrl: s.folderUrl, username: s.username, password: s.password, fetch: fetchImpl });

  async function status(): Promise<SyncStatus> {
    const settings = await readSettings();
    const run = settings ? await readRun() : NO_RUN;
    const runtime = await deps.library();
    const { store, records } = createLibraryReplica({ db: runtime.db, dom: runtime.dom });
    const cursor = settings ? await records.cursor() : null;
    return {
      isConfigured: !!settings,
      folderUrl: settings?.folderUrl ?? null,
      username: settings?.username ?? null,
      isEncrypted: !!settings?.keys,
      isRunning: running !== null,
      lastSyncAt: run.lastSyncAt,
      articles: await runtime.db.articles.count(),
      waiting: cursor ? await store.countChangedSince(cursor.libraryRevision) : 0,
      skipped: run.skipped,
      error: run.error,
      retryAt: run.retryAt,
    };
  }

  async function runOnce(): Promise<void> {
    const settings = await readSettings();
    if (!settings) return;
    const runtime = await deps.library();
    const { library, records } = createLibraryReplica({
      db: runtime.db,
      dom: runtime.dom,
      written: (changed, removed) => runtime.service.synced(changed, removed),
    });
    const previous = await readRun();
    try {
      const keys = settings.keys ? await importKeys(fromBase64(settings.keys)) : null;
      const report = await syncOnce({
        folder: createRemoteFolder(davFor(settings), keys),
        library,
        records,
        node: settings.node,
        now,
      });
      // The files skipped are named in the console for the reader who looks; never credentials.
      for (const line of report.skipped) console.warn(`Tidy Reader sync skipped ${line}`);
      await writeRun({ lastSyncAt: now(), error: null, failures: 0, retryAt: null, skipped: report.skipped.length });
      await browser.alarms.clear(RETRY_ALARM);
    } catch (error) {
      const code = syncErrorCode(error);
      const failures = previous.failures + 1;
      const waitMinutes = Math.min(2 ** (failures - 1), MAX_BACKOFF_MINUTES);
      const retryAt = isTransient(code) ? now() + waitMinutes * 60_000 : null;
      await writeRun({ ...previous, error: code, failures, retryAt });
      if (retryAt) await browser.alarms.create(RETRY_ALARM, { when: retryAt });
    }
  }

  /** Runs a sync now, or once more after the one running. */
  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => (running = null));
    return running;
  }

  /** A library write: sync a few seconds after the last one. */
  function changed(): void {
    if (running) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void readSettings().then((s) => (s ? syncNow() : undefined));
    }, DEBOUNCE_MS);
  }

  return {
    status,
    syncNow,

    /** Follows the library's writes (its change counter in `meta`) to sync after them. */
    watch(runtime: LibraryRuntime): void {
      if (watched === runtime) return;
      watched = runtime;
      const onWrite = (key: unknown) => {
        if (key === 'revision') changed();
      };
      runtime.db.meta.hook('creating', (key) => onWrite(key));
      runtime.db.meta.hook('updating', (_mods, key) => onWrite(key));
    },

    async connect(setup: SyncSetup): Promise<SyncStatus> {
      const folderUrl = serverBase(setup.folderUrl);
      const fail = async (error: SyncErrorCode) => ({ ...(await status()), error });
      if (!folderUrl) return fail('bad-address');
      const pattern = accessPatternOf(folderUrl);
      if (!(await browser.permissions.contains({ origins: [pattern] }))) return fail('no-access');
      const credentials = { folderUrl, username: setup.username.trim(), password: setup.password };
      try {
        const opened = await openFolder(davFor(credentials), setup.passphrase || null);
        const previous = await readSettings();
        const isSameFolder = previous?.folderUrl === folderUrl;
        const runtime = await deps.library();
        // Another folder: what the sync knew of the old one does not apply.
        if (!isSameFolder) await createLibraryReplica({ db: runtime.db, dom: runtime.dom }).store.clear();
        await writeSettings({
          ...credentials,
          keys: opened.keys ? toBase64(opened.keys.raw) : null,
          node: previous?.node ?? crypto.randomUUID().replace(/-/g, ''),
          // Kept when the same site's access was asked for by the setup before (reconnecting).
          accessPattern: setup.askedAccess ? pattern : isSameFolder ? (previous?.accessPattern ?? null) : null,
        });
        await writeRun(NO_RUN);
      } catch (error) {
        return fail(syncErrorCode(error));
      }
      await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES });
      await syncNow();
      return status();
    },

    async forget(): Promise<SyncStatus> {
      await running?.catch(() => undefined);
      const settings = await readSettings();
      await writeSettings(null);
      // The access asked for the server's site goes with it (a send-to server there keeps it).
      await releaseServerAccess(settings?.accessPattern ?? null);
      await browser.alarms.clear(PERIODIC_ALARM);
      await browser.alarms.clear(RETRY_ALARM);
      const runtime = await deps.library();
      await createLibraryReplica({ db: runtime.db, dom: runtime.dom }).store.clear();
      return status();
    },

    /** Start-up and alarms: sync if set up (and make sure the periodic alarm exists). */
    async wake(): Promise<void> {
      if (!(await readSettings())) return;
      if (!(await browser.alarms.get(PERIODIC_ALARM))) {
        await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES });
      }
      await syncNow();
    },
  };
}
