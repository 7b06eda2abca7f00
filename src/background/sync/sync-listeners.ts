import { browser } from '../../shared/browser';
import { PERIODIC_ALARM, RETRY_ALARM, type SyncService } from './sync-service';

/** Start-up, the periodic alarm and the retry after a failure each run a sync (when set up). */
export function registerSyncListeners(sync: SyncService): void {
  const wake = () => void sync.wake().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) wake();
  });
  browser.runtime.onStartup.addListener(wake);
}
