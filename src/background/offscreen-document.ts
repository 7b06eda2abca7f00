/**
 * Chrome's offscreen document, the service worker's window: a DOM (which the worker lacks) and
 * a place where modules load on demand (`import()` is not allowed in a service worker). Created
 * on first use and kept; Firefox's background page has both itself and needs none.
 */
import { browser } from '../shared/browser';
import { createEnvelope, unwrapReply } from '../shared/messaging/messenger';
import type { OffscreenApi, RequestOf, ResponseOf } from '../shared/messaging/protocol';
import { OFFSCREEN_PAGE } from '../shared/messaging/sender-roles';

export interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ChromeRuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

function chromeGlobal(): { offscreen?: ChromeOffscreen; runtime?: ChromeRuntimeContexts } | undefined {
  return (globalThis as { chrome?: { offscreen?: ChromeOffscreen; runtime?: ChromeRuntimeContexts } }).chrome;
}

/** Chrome's offscreen API, or undefined where there is none (Firefox). */
export function chromeOffscreen(): ChromeOffscreen | undefined {
  return chromeGlobal()?.offscreen;
}

let creating: Promise<void> | null = null;

export async function ensureOffscreenDocument(offscreen: ChromeOffscreen): Promise<void> {
  const contexts = await chromeGlobal()?.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (contexts && contexts.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification: 'Sanitise saved articles, convert them for export, and read subscribed filter lists.',
    })
    .catch((error: unknown) => {
      // Another call created it meanwhile: that is fine.
      if (!/single offscreen/i.test(String(error))) throw error;
    })
    .finally(() => (creating = null));
  await creating;
}

/** Sends one command to the offscreen document, creating it first if it is not there. */
export async function callOffscreen<K extends keyof OffscreenApi & string>(
  offscreen: ChromeOffscreen,
  type: K,
  req: RequestOf<OffscreenApi, K>,
): Promise<ResponseOf<OffscreenApi, K>> {
  await ensureOffscreenDocument(offscreen);
  return unwrapReply(await browser.runtime.sendMessage(createEnvelope('offscreen', type, req)));
}
