import { browser } from '../../shared/browser';
import { syncAlwaysReaderRegistration } from './always-reader-registration';
import type { AlwaysReaderStore } from './always-reader-store';
import { forgetTab } from './reader-handover';

/**
 * Rebuilds the registration after an install or update (the browser may drop it) and whenever
 * site access is granted or taken away; drops a closed tab's hand-over.
 */
export function registerAlwaysReaderListeners(store: AlwaysReaderStore): void {
  const resync = () => void store.get().then(syncAlwaysReaderRegistration, () => undefined);
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => undefined));
}
