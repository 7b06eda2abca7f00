import type { SyncApi, SyncErrorCode, SyncStatus } from './sync-api';

export function mockSyncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    isConfigured: false,
    folderUrl: null,
    username: null,
    isEncrypted: false,
    isRunning: false,
    lastSyncAt: null,
    articles: 0,
    waiting: 0,
    skipped: 0,
    error: null,
    retryAt: null,
    ...overrides,
  };
}

export interface MockSyncOptions {
  status?: SyncStatus;
  /** What connecting fails with, if it does. */
  connectError?: SyncErrorCode;
  now?: () => number;
}

export type MockSyncApi = SyncApi & { calls: { connect: { folderUrl: string; username: string }[]; forget: number } };

/** An in-memory `SyncApi` for component tests and previews. */
export function createMockSyncApi(options: MockSyncOptions = {}): MockSyncApi {
  let status = options.status ?? mockSyncStatus();
  const now = options.now ?? (() => Date.UTC(2026, 11, 7, 12));
  const calls: MockSyncApi['calls'] = { connect: [], forget: 0 };
  return {
    calls,
    status: async () => ({ ...status }),
    async connect(setup) {
      calls.connect.push({ folderUrl: setup.folderUrl, username: setup.username });
      if (options.connectError) return { ...status, error: options.connectError };
      status = {
        ...status,
        isConfigured: true,
        folderUrl: setup.folderUrl,
        username: setup.username,
        isEncrypted: setup.passphrase !== '',
        lastSyncAt: now(),
        error: null,
      };
      return { ...status };
    },
    syncNow: async () => (status = { ...status, lastSyncAt: now(), waiting: 0 }),
    async forget() {
      calls.forget++;
      status = mockSyncStatus({ articles: status.articles });
      return { ...status };
    },
  };
}
