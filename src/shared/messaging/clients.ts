import { browser } from '../browser';
import { createEnvelope, unwrapReply, type Sender } from './messenger';
import type { BackgroundApi, ClutterPageApi, ContentApi, Receiver } from './protocol';

/** Calls the background from any extension context (pages, content scripts). */
export const sendToBackground: Sender<BackgroundApi> = async (type, req) =>
  unwrapReply(await browser.runtime.sendMessage(createEnvelope('background', type, req)));

function tabSender<A extends object>(to: Receiver, tabId: number): Sender<A> {
  return async (type, req) => unwrapReply(await browser.tabs.sendMessage(tabId, createEnvelope(to, type, req)));
}

/** Calls the content script of one tab (background and extension pages only). */
export function contentOf(tabId: number): Sender<ContentApi> {
  return tabSender<ContentApi>('content', tabId);
}

/** Calls the clutter script of one tab (background only). */
export function clutterOf(tabId: number): Sender<ClutterPageApi> {
  return tabSender<ClutterPageApi>('clutter', tabId);
}
