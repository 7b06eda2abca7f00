/**
 * Saving the article of an open tab: the path the popup, side panel, reader, menu and command
 * share, and the reader that took a page's place in its tab (which saves what it noted of the page
 * while it was still there).
 */
import { browser } from '../../shared/browser';
import type { ExtractResult } from '../../extract/types';
import type { SaveResult } from '../../shared/messaging/library-protocol';
import { extractFromTab } from '../../shared/tab-content';
import type { LibraryService } from './library-service';

/** What saving a page needs of it besides its article: read from the tab while it shows the page. */
export interface PageDetails {
  canonical: string | null;
  icon: string | null;
}

/** The page's canonical address, read where the extraction already has access. */
async function canonicalOf(tabId: number): Promise<string | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]');
        return link?.href ?? null;
      },
    });
    const value: unknown = result?.result;
    return typeof value === 'string' && /^https?:/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** The icon the tab shows, when the browser tells us (it does for a tab we were given access to). */
async function iconOf(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).favIconUrl ?? null;
  } catch {
    return null;
  }
}

export async function pageDetailsOf(tabId: number): Promise<PageDetails> {
  const [canonical, icon] = await Promise.all([canonicalOf(tabId), iconOf(tabId)]);
  return { canonical, icon };
}

/** Stores an article read from a page, its images downloaded as for every page saved. */
export function savePage(service: LibraryService, article: ExtractResult, page: PageDetails): Promise<SaveResult> {
  return service.saveExtracted(article, page.canonical, 'page', page.icon);
}

export async function saveTab(
  service: LibraryService,
  tabId: number,
  options: { force?: boolean },
): Promise<SaveResult> {
  const result = await extractFromTab(tabId, { force: options.force ?? true });
  return savePage(service, result, await pageDetailsOf(tabId));
}
