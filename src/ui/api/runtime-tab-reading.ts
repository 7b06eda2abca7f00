/**
 * Finding the tab a page acts on and asking the background to read it: the part of the runtime API
 * the popup's entry needs before anything else has loaded, so kept apart from `runtime-api.ts`
 * (which pulls in every other service) and small.
 */
import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import { readTabIdParam } from '../../shared/reader-url';
import type { ExtensionApi } from './extension-api';

/** `?tabId=N` when the page was given one, else the active tab of the page's window. */
export async function runtimeTargetTabId(location: Location): Promise<number | null> {
  const fromParam = readTabIdParam(location.search);
  if (fromParam !== null) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export const runtimeExtractTab: ExtensionApi['extractTab'] = (tabId, options) =>
  sendToBackground('tab.extract', { tabId, force: options?.force });
