/** Saving the article of an open tab: the path the popup, side panel, reader, menu and command share. */
import { browser } from '../../shared/browser';
import type { SaveResult } from '../../shared/messaging/library-protocol';
import { extractFromTab } from '../tab-content';
import type { LibraryService } from './library-service';

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

export async function saveTab(
  service: LibraryService,
  tabId: number,
  options: { force?: boolean },
): Promise<SaveResult> {
  const result = await extractFromTab(tabId, { force: options.force ?? true });
  return service.saveExtracted(result, await canonicalOf(tabId), 'page', await iconOf(tabId));
}
