/**
 * Saving without opening a page: the context menu (this page, or a link; the entries themselves are
 * made in surfaces/context-menus.ts) and the keyboard command. Both grant activeTab on the current
 * tab, so the page can be read; the outcome is shown on the toolbar button's badge, since no page
 * of ours is open to say it.
 */
import { browser, type Tabs } from '../../shared/browser';
import { failureText } from '../../shared/i18n/failures';
import { createRuntimeTranslator } from '../../shared/i18n/runtime';
import { toFailureDetail } from '../../shared/messaging/messenger';
import { toLibraryFailure } from './library-handlers';
import type { LibraryRuntime } from './library-runtime';
import { saveTab } from './save-tab';

export const SAVE_PAGE_MENU = 'tidy-reader-save-page';
export const SAVE_LINK_MENU = 'tidy-reader-save-link';
export const SAVE_COMMAND = 'save-to-library';

async function showOutcome(tabId: number | undefined, ok: boolean, message: string): Promise<void> {
  const details = tabId === undefined ? {} : { tabId };
  await browser.action.setBadgeBackgroundColor({ color: ok ? '#1d7a3e' : '#b3261e', ...details });
  await browser.action.setBadgeText({ text: ok ? '✓' : '!', ...details });
  await browser.action.setTitle({ title: message, ...details });
  setTimeout(() => {
    void browser.action.setBadgeText({ text: '', ...details }).catch(() => undefined);
    void browser.action
      .setTitle({ title: createRuntimeTranslator().t('actionTitle'), ...details })
      .catch(() => undefined);
  }, 4000);
}

async function run(tabId: number | undefined, save: () => Promise<{ title: string; imagesKept: string | null }>) {
  const { t } = createRuntimeTranslator();
  try {
    const result = await save();
    const key = result.imagesKept === 'no-access' ? 'savedWithoutImages' : 'savedToLibrary';
    await showOutcome(tabId, true, t(key, result.title));
  } catch (error) {
    await showOutcome(tabId, false, t('saveFailed', failureText(t, toFailureDetail(toLibraryFailure(error)))));
  }
}

export function handleMenuClick(
  library: () => Promise<LibraryRuntime>,
  info: { menuItemId: string | number; linkUrl?: string; linkText?: string },
  tab: Tabs.Tab | undefined,
): void {
  if (info.menuItemId === SAVE_PAGE_MENU && tab?.id !== undefined) {
    const tabId = tab.id;
    void run(tabId, async () => saveTab((await library()).service, tabId, {}));
  } else if (info.menuItemId === SAVE_LINK_MENU && info.linkUrl) {
    const url = info.linkUrl;
    void run(tab?.id, async () => (await library()).service.saveUrl(url, info.linkText));
  }
}

export function handleCommand(
  library: () => Promise<LibraryRuntime>,
  command: string,
  tab: Tabs.Tab | undefined,
): void {
  if (command !== SAVE_COMMAND || tab?.id === undefined) return;
  const tabId = tab.id;
  void run(tabId, async () => saveTab((await library()).service, tabId, {}));
}

/** Access to sites was granted: articles saved while the user was asked get their images now. */
export function handlePermissionsAdded(library: () => Promise<LibraryRuntime>, added: { origins?: string[] }): void {
  if (!added.origins?.length) return;
  void library()
    .then((lib) => lib.service.accessGranted())
    .catch(() => undefined);
}
