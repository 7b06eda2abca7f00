/**
 * The one handle on the extension APIs. Everything that calls `browser.*` imports it from here, so
 * per-browser differences have a single home.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';

/** Chrome's side panel API has no polyfill entry; Firefox has `sidebarAction` instead. */
interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export function getChromeSidePanel(): ChromeSidePanel | undefined {
  const chromeGlobal = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return chromeGlobal?.sidePanel;
}
