import { browser } from '../browser';
import { createEnvelope, unwrapReply, type Sender } from './messenger';
import type { BackgroundApi, ContentApi } from './protocol';

/** Calls the background from any extension context (pages, content scripts). */
export const sendToBackground: Sender<BackgroundApi> = async (type, req) =>
  unwrapReply(await browser.runtime.sendMessage(createEnvelope('background', type, req)));

/** Calls the content script of one tab (background and extension pages only). */
export function contentOf(tabId: number): Sender<ContentApi> {
  return async (type, req) => unwrapReply(await browser.tabs.sendMessage(tabId, createEnvelope('content', type, req)));
}
