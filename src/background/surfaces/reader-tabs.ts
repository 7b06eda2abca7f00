import { browser, type Tabs } from '../../shared/browser';
import { READER_PAGE, readTabIdParam, readerPathFor } from '../../shared/reader-url';

/** Opens the full-tab reader for `tab`, right after it. */
export async function openReaderFor(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  await browser.tabs.create({
    url: browser.runtime.getURL(readerPathFor(tab.id)),
    index: tab.index + 1,
    windowId: tab.windowId,
    openerTabId: tab.id,
  });
}

/**
 * The reader command: on a page, opens its reader; on a reader, closes it and goes back to the
 * page it was reading.
 */
export async function toggleReader(tab: Tabs.Tab): Promise<void> {
  const readerUrl = browser.runtime.getURL(READER_PAGE);
  if (tab.id === undefined) return;
  if (!tab.url?.startsWith(readerUrl)) {
    await openReaderFor(tab);
    return;
  }
  const original = readTabIdParam(new URL(tab.url).search);
  if (original !== null) await browser.tabs.update(original, { active: true }).catch(() => undefined);
  await browser.tabs.remove(tab.id);
}
