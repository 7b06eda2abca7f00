/**
 * What the reader page needs when it takes a page's place in the same tab: the article the page
 * script's load produced (with what saving it needs of the page, read while the page was there),
 * and the page the reader was left for (which then stays). Kept in
 * `storage.session` (the service worker may sleep between the opening and a reload of the
 * reader; nothing outlives the browser session), one entry per tab, dropped with the tab.
 */
import { browser } from '../../shared/browser';
import type { ExtractResult } from '../../extract/types';
import type { PageDetails } from '../library/save-tab';

const ARTICLE = 'alwaysReader.article.';
const LEFT = 'alwaysReader.left.';

/** The page a reader took the place of: its article, and its canonical address and icon for saving it. */
export interface KeptPage {
  article: ExtractResult;
  details: PageDetails;
}

interface Handover extends KeptPage {
  url: string;
}

async function read<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

/** Keeps the article of the page at `url` (the page's own address; the article's may be its canonical one). */
export async function keepPage(tabId: number, url: string, page: KeptPage): Promise<void> {
  const handover: Handover = { url, ...page };
  await browser.storage.session.set({ [ARTICLE + tabId]: handover });
}

/** The page kept for the tab, if it is the one of `url`. */
export async function keptPageFor(tabId: number, url: string): Promise<KeptPage | null> {
  const handover = await read<Handover>(ARTICLE + tabId);
  return handover?.url === url ? { article: handover.article, details: handover.details } : null;
}

export async function noteLeft(tabId: number, url: string): Promise<void> {
  await browser.storage.session.set({ [LEFT + tabId]: url });
}

/** Whether the reader was left for `url` in this tab: it does not open for it again there. */
export async function wasLeft(tabId: number, url: string): Promise<boolean> {
  return (await read<string>(LEFT + tabId)) === url;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([ARTICLE + tabId, LEFT + tabId]);
}

/**
 * Back to the page the reader took the place of, one step back in the tab's history (the
 * browser may even keep the page as it was); a reader without that step (a restored session)
 * goes to the address. Either way the reader does not open for it again in this tab.
 */
export async function showOriginal(tabId: number, url: string): Promise<void> {
  await noteLeft(tabId, url);
  try {
    await browser.tabs.goBack(tabId);
  } catch {
    await browser.tabs.update(tabId, { url });
  }
}
