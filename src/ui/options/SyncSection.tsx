import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../api/sync-api';
import { SyncStatusLine, syncErrorText } from '../components/SyncStatusLine';
import { useApi } from '../stores/context';

/**
 * Settings: the WebDAV folder to sync with. Connecting asks for access to the server's site (the
 * click's gesture), checks the folder and the passphrase, and syncs; "Forget this server" drops
 * the address, the credentials and what the sync knew, and keeps the library.
 */
export function SyncSection() {
  const api = useApi();
  const { t } = api;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ folderUrl: '', username: '', password: '', passphrase: '' });
  useEffect(() => void api.sync.status().then(setStatus, () => undefined), [api]);

  const run = (work: () => Promise<SyncStatus>) => {
    setBusy(true);
    work()
      .then(setStatus, () => undefined)
      .finally(() => setBusy(false));
  };
  const field = (name: keyof typeof form) => ({
    name: `sync-${name}`,
    value: form[name],
    // From the previous state: a password manager fills several fields before the next render.
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setForm((previous) => ({ ...previous, [name]: value }));
    },
  });

  return (
    <section class="options__section sync-settings" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <p class="muted">{t('syncIntro')}</p>
      {status?.isConfigured ? (
        <>
          <p>
            {t('syncConnectedTo', [status.folderUrl ?? '', status.username ?? ''])}
            {status.isEncrypted && ` · ${t('syncEncrypted')}`}
          </p>
          <SyncStatusLine status={status} />
          <p class="sync-settings__actions">
            <button type="button" class="button" disabled={busy} onClick={() => run(() => api.sync.syncNow())}>
              {t('syncNow')}
            </button>{' '}
            <button type="button" class="button" disabled={busy} onClick={() => run(() => api.sync.forget())}>
              {t('syncForget')}
            </button>
          </p>
        </>
      ) : (
        <form
          class="sync-settings__form"
          onSubmit={(e) => {
            e.preventDefault();
            // The permission prompt needs this submit's gesture: the API asks before any await.
            run(() => api.sync.connect(form));
          }}
        >
          <label>
            {t('syncFolderLabel')}
            <input type="url" required autocomplete="url" aria-describedby="sync-folder-hint" {...field('folderUrl')} />
          </label>
          <p id="sync-folder-hint" class="muted">
            {t('syncFolderHint')}
          </p>
          <label>
            {t('syncUserLabel')}
            <input type="text" required autocomplete="username" {...field('username')} />
          </label>
          <label>
            {t('syncPasswordLabel')}
            <input type="password" required autocomplete="current-password" {...field('password')} />
          </label>
          <label>
            {t('syncPassphraseLabel')}
            <input
              type="password"
              autocomplete="new-password"
              aria-describedby="sync-passphrase-hint"
              {...field('passphrase')}
            />
          </label>
          <p id="sync-passphrase-hint" class="muted">
            {t('syncPassphraseHint')}
          </p>
          {status?.error && (
            <p role="alert" class="sync-settings__error">
              {syncErrorText(t, status.error)}
            </p>
          )}
          <p>
            <button type="submit" class="button" disabled={busy}>
              {t('syncConnect')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
