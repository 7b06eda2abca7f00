/**
 * What the reading surfaces (popup, side panel, reader, settings) need of the extension beyond
 * extraction, kept in its own interface and composed into `ExtensionApi`.
 */

/** Where the reading settings live; values are validated by the settings store, not here. */
export interface SettingsStorage {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
  /** Called when another surface (or another device, through sync) changes the settings. */
  onChange(listener: (value: unknown) => void): () => void;
}

export interface CommandShortcut {
  name: string;
  description: string;
  /** Empty when the user removed the shortcut or the browser refused it. */
  shortcut: string;
}

export interface SurfaceApi {
  settingsStorage: SettingsStorage;
  /**
   * Opens the side panel (Chrome) or sidebar (Firefox) of the window of `tabId`. Browsers only
   * allow this in answer to a user gesture, which an `await` loses: call it first thing in a
   * click handler.
   */
  openSidePanel(tabId: number): Promise<void>;
  /** Opens the full-tab reader for a live tab, next to it. */
  openReader(tabId: number): Promise<void>;
  /** Brings a tab to the front ("back to the original"). */
  showTab(tabId: number): Promise<void>;
  openSettings(): Promise<void>;
  openLibrary(): Promise<void>;
  /** Shows another of the extension's pages in this one's place (the reader's next article). */
  goTo(path: string): void;
  /**
   * Calls `onChange` with the active tab of this page's window, now and whenever the user switches
   * tabs or the tab finishes loading another page. Returns a function that stops watching.
   */
  watchActiveTab(onChange: (tabId: number | null) => void): () => void;
  /** The browser commands and the shortcuts they have now (users can change them). */
  getCommandShortcuts(): Promise<CommandShortcut[]>;
  /** Closes this page when it is a popup (after handing over to another surface). */
  closePopup(): void;
}
