/**
 * Finding the tab a page acts on and reading it: the part of the runtime API the popup's entry
 * needs before anything else has loaded, so kept apart from `runtime-api.ts` (which pulls in every
 * other service) and small. The page asks the tab itself rather than through the background: a
 * service worker asleep since the last click (30 s idle) would first have to start and load all of
 * its code, on the path of every first click.
 */
import { browser } from '../../shared/browser';
import { readTabIdParam } from '../../shared/reader-url';
import { extractFromTab } from '../../shared/tab-content';
import type { ExtensionApi } from './extension-api';

/** `?tabId=N` when the page was given one, else the active tab of the page's window. */
export async function runtimeTargetTabId(location: Location): Promise<number | null> {
  const fromParam = readTabIdParam(location.search);
  if (fromParam !== null) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export const runtimeExtractTab: ExtensionApi['extractTab'] = (tabId, options) =>
  extractFromTab(tabId, { force: options?.force });
