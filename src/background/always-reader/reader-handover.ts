/**
 * What the reader page needs when it takes a page's place in the same tab: the article the page
 * script's load produced, and the page the reader was left for (which then stays). Kept in
 * `storage.session` (the service worker may sleep between the opening and a reload of the
 * reader; nothing outlives the browser session), one entry per tab, dropped with the tab.
 */
import { browser } from '../../shared/browser';
import type { ExtractResult } from '../../extract/types';

const ARTICLE = 'alwaysReader.article.';
const LEFT = 'alwaysReader.left.';

interface Handover {
  url: string;
  article: ExtractResult;
}

async function read<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

/** Keeps the article of the page at `url` (the page's own address; the article's may be its canonical one). */
export async function keepArticle(tabId: number, url: string, article: ExtractResult): Promise<void> {
  const handover: Handover = { url, article };
  await browser.storage.session.set({ [ARTICLE + tabId]: handover });
}

/** The article kept for the tab, if it is the one of `url`. */
export async function articleFor(tabId: number, url: string): Promise<ExtractResult | null> {
  const handover = await read<Handover>(ARTICLE + tabId);
  return handover?.url === url ? handover.article : null;
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
