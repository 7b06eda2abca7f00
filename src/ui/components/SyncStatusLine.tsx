import { useEffect, useState } from 'preact/hooks';
import type { SyncErrorCode, SyncStatus } from '../api/sync-api';
import type { Translate } from '../i18n';
import { useApi } from '../stores/context';

/** What went wrong with the sync, and what to do, in the reader's language. */
export function syncErrorText(t: Translate, code: SyncErrorCode): string {
  switch (code) {
    case 'network':
      return t('syncErrorNetwork');
    case 'timeout':
      return t('syncErrorTimeout');
    case 'auth':
      return t('syncErrorAuth');
    case 'full':
      return t('syncErrorFull');
    case 'not-found':
      return t('syncErrorNotFound');
    case 'http':
      return t('syncErrorHttp');
    case 'wrong-passphrase':
      return t('syncErrorWrongPassphrase');
    case 'passphrase-needed':
      return t('syncErrorPassphraseNeeded');
    case 'not-encrypted':
      return t('syncErrorNotEncrypted');
    case 'not-ours':
      return t('syncErrorNotOurs');
    case 'no-access':
      return t('syncErrorNoAccess');
    case 'bad-address':
      return t('syncErrorBadAddress');
    case 'failed':
      return t('syncErrorFailed');
  }
}

/** "Synced 2 min. ago · 1,204 articles · 3 waiting", in the reader's language. */
export function syncSummary(status: SyncStatus, t: Translate, language: string, now: number): string {
  const parts: string[] = [];
  if (status.isRunning) parts.push(t('syncRunning'));
  else if (status.lastSyncAt === null) parts.push(t('syncNever'));
  else {
    const minutes = Math.round((status.lastSyncAt - now) / 60_000);
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
    const ago =
      Math.abs(minutes) < 60
        ? relative.format(minutes, 'minute')
        : Math.abs(minutes) < 48 * 60
          ? relative.format(Math.round(minutes / 60), 'hour')
          : relative.format(Math.round(minutes / 1440), 'day');
    parts.push(t('syncedAgo', ago));
  }
  parts.push(t('articleCount', status.articles));
  if (status.waiting > 0) parts.push(t('syncWaiting', status.waiting));
  if (status.skipped > 0) parts.push(t('syncSkipped', status.skipped));
  return parts.join(' · ');
}

/**
 * The sync's status line (library page and settings); shows nothing while the sync is not set up.
 * `status` given: shown as it is; otherwise read, and read again every minute.
 */
export function SyncStatusLine({ status: given }: { status?: SyncStatus | null }) {
  const api = useApi();
  const { t, uiLanguage } = api;
  const [read, setRead] = useState<SyncStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const refresh = () => {
      setNow(Date.now());
      if (given === undefined) void api.sync.status().then(setRead, () => undefined);
    };
    refresh();
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [api, given]);
  const status = given === undefined ? read : given;
  if (!status?.isConfigured) return null;
  const retry =
    status.retryAt !== null
      ? t('syncRetry', new Intl.DateTimeFormat(uiLanguage, { timeStyle: 'short' }).format(status.retryAt))
      : '';
  return (
    <div class="sync-status" role="status" aria-label={t('syncStatusLabel')} data-testid="sync-status">
      <p class="sync-status__line">{syncSummary(status, t, uiLanguage, now)}</p>
      {status.error && (
        <p class="sync-status__error">
          {syncErrorText(t, status.error)} {retry}
        </p>
      )}
    </div>
  );
}
