import { browser } from '../../shared/browser';
import { REFRESH_ALARM, type FilterListService } from './list-service';

/**
 * The daily refresh. Firefox forgets alarms when it closes, so start-up and updates also check
 * (only lists not checked within the day are asked for, and the alarm is set again).
 */
export function registerFilterListListeners(service: FilterListService): void {
  const refresh = () => void service.refreshDue().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) refresh();
  });
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
}
