import { browser } from '../../shared/browser';
import type { ClutterSettingsStore } from './clutter-settings-store';
import { syncRegistrations } from './clutter-registration';

/**
 * Rebuilds the always-on registrations after an install or update (the browser may drop them)
 * and whenever site access is granted or taken away (in the browser's own settings, too).
 */
export function registerClutterListeners(store: ClutterSettingsStore): void {
  const resync = () => void store.get().then(syncRegistrations, () => undefined);
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
}
