/**
 * The one handle on the extension APIs. Everything that calls `browser.*` imports it from here, so
 * per-browser differences have a single home.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Menus, Runtime, Tabs } from 'webextension-polyfill';

/** Chrome's side panel API has no polyfill entry; Firefox has `sidebarAction` instead. */
interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export function getChromeSidePanel(): ChromeSidePanel | undefined {
  const chromeGlobal = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return chromeGlobal?.sidePanel;
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox) beside `tab`. Both browsers demand a
 * user gesture, so callers invoke this synchronously from a click, command or menu handler: the
 * browser call is made before anything is awaited. Firefox opens the sidebar of the current window.
 */
export function openSidePanelFor(tab: { id?: number; windowId?: number }): Promise<void> {
  const sidePanel = getChromeSidePanel();
  if (sidePanel) return sidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId });
  if (browser.sidebarAction) return browser.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}
