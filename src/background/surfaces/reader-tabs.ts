import { browser, type Tabs } from '../../shared/browser';
import { READER_PAGE, readPageParam, readTabIdParam, readerPathFor } from '../../shared/reader-url';
import { showOriginal } from '../always-reader/reader-handover';

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
 * page it was reading (a reader that took the page's place in the tab goes back to it).
 */
export async function toggleReader(tab: Tabs.Tab): Promise<void> {
  const readerUrl = browser.runtime.getURL(READER_PAGE);
  if (tab.id === undefined) return;
  if (!tab.url?.startsWith(readerUrl)) {
    await openReaderFor(tab);
    return;
  }
  const search = new URL(tab.url).search;
  const page = readPageParam(search);
  if (page !== null) {
    await showOriginal(tab.id, page);
    return;
  }
  const original = readTabIdParam(search);
  if (original !== null) await browser.tabs.update(original, { active: true }).catch(() => undefined);
  await browser.tabs.remove(tab.id);
}
