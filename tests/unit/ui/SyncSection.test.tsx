// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import messages from '../../../src/_locales/en/messages.json';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockSyncApi, mockSyncStatus } from '../../../src/ui/api/mock-sync-api';
import { syncSummary } from '../../../src/ui/components/SyncStatusLine';
import { createCatalogTranslator } from '../../../src/ui/i18n';
import { SyncSection } from '../../../src/ui/options/SyncSection';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const t = createCatalogTranslator(messages);
const NOW = Date.UTC(2026, 11, 7, 12);

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('the sync status line', () => {
  it('says when the library last synced, how big it is and what waits', () => {
    const status = mockSyncStatus({ isConfigured: true, lastSyncAt: NOW - 2 * 60_000, articles: 1204, waiting: 3 });
    expect(syncSummary(status, t, 'en', NOW)).toBe('Synced 2 min. ago · 1,204 articles · 3 waiting');
    expect(syncSummary({ ...status, lastSyncAt: null, waiting: 0, skipped: 1 }, t, 'en', NOW)).toBe(
      'Not synced yet · 1,204 articles · 1 file on the server skipped',
    );
    expect(syncSummary({ ...status, isRunning: true, waiting: 1 }, t, 'en', NOW)).toBe(
      'Syncing… · 1,204 articles · 1 waiting',
    );
  });
});

describe('SyncSection', () => {
  it('connects with the folder, user and app password, then offers to sync now or forget the server', async () => {
    const sync = createMockSyncApi({ now: () => NOW });
    renderWithPage(<SyncSection />, createMockApi({ sync }));
    await screen.findByRole('button', { name: 'Connect and sync' });
    fill('Folder address (WebDAV)', 'https://cloud.example.org/dav/TidyReader/');
    fill('User name', 'ann');
    fill('App password', 'secret');
    fireEvent.click(screen.getByRole('button', { name: 'Connect and sync' }));
    await screen.findByText('Syncing with https://cloud.example.org/dav/TidyReader/ as ann');
    expect(sync.calls.connect).toEqual([{ folderUrl: 'https://cloud.example.org/dav/TidyReader/', username: 'ann' }]);
    expect(screen.getByRole('status', { name: 'Sync status' }).textContent).toMatch(/^Synced/);
    fireEvent.click(screen.getByRole('button', { name: 'Forget this server' }));
    await screen.findByRole('button', { name: 'Connect and sync' });
    expect(sync.calls.forget).toBe(1);
  });

  it('says what to do when the passphrase does not open the folder', async () => {
    const sync = createMockSyncApi({ connectError: 'wrong-passphrase' });
    renderWithPage(<SyncSection />, createMockApi({ sync }));
    await screen.findByRole('button', { name: 'Connect and sync' });
    fill('Folder address (WebDAV)', 'https://cloud.example.org/dav/TidyReader/');
    fill('User name', 'ann');
    fill('App password', 'secret');
    fill('Encryption passphrase (optional)', 'not this one');
    fireEvent.click(screen.getByRole('button', { name: 'Connect and sync' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /This passphrase does not open the folder. Nothing was changed/,
    );
  });
});
