/** Browser commands (keyboard shortcuts declared under `commands` in the manifest). */
import { browser, openSidePanelFor, type Tabs } from '../../shared/browser';
import { toggleReader } from './reader-tabs';

export const COMMANDS = {
  toggleReader: 'toggle-reader',
  openSidePanel: 'open-side-panel',
} as const;

async function activeTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Runs a command for `tab` (older Firefox does not pass the tab: the active one is meant). */
export function runCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  switch (command) {
    case COMMANDS.openSidePanel:
      // Synchronously, while the key press still counts as a user gesture.
      return openSidePanelFor(tab ?? {});
    case COMMANDS.toggleReader:
      return (tab ? Promise.resolve(tab) : activeTab()).then((t) => (t ? toggleReader(t) : undefined));
    default:
      return Promise.resolve();
  }
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    runCommand(command, tab).catch((error: unknown) => console.warn(`Command ${command} failed`, error));
  });
}
