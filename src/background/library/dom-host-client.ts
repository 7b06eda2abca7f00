/**
 * Where the background's DOM work runs. Firefox's background page has a DOM: it runs there.
 * Chrome's service worker has none: the work goes to an offscreen document (reason DOM_PARSER),
 * created on first use and serving the same `DomHost` interface over runtime messages.
 */
import { createLocalDomHost, type DomHost } from '../../library-io/dom-host';
import { browser } from '../../shared/browser';
import { createEnvelope, unwrapReply } from '../../shared/messaging/messenger';
import type { OffscreenApi, RequestOf, ResponseOf } from '../../shared/messaging/protocol';
import { OFFSCREEN_PAGE } from '../../shared/messaging/sender-roles';

interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ChromeRuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

function chromeGlobal(): { offscreen?: ChromeOffscreen; runtime?: ChromeRuntimeContexts } | undefined {
  return (globalThis as { chrome?: { offscreen?: ChromeOffscreen; runtime?: ChromeRuntimeContexts } }).chrome;
}

function createOffscreenDomHost(offscreen: ChromeOffscreen): DomHost {
  let creating: Promise<void> | null = null;

  async function ensureDocument(): Promise<void> {
    const contexts = await chromeGlobal()?.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (contexts && contexts.length > 0) return;
    creating ??= offscreen
      .createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['DOM_PARSER'],
        justification: 'Sanitise saved articles and convert them for export.',
      })
      .catch((error: unknown) => {
        // Another call created it meanwhile: that is fine.
        if (!/single offscreen/i.test(String(error))) throw error;
      })
      .finally(() => (creating = null));
    await creating;
  }

  async function call<K extends keyof OffscreenApi & string>(
    type: K,
    req: RequestOf<OffscreenApi, K>,
  ): Promise<ResponseOf<OffscreenApi, K>> {
    await ensureDocument();
    return unwrapReply(await browser.runtime.sendMessage(createEnvelope('offscreen', type, req)));
  }

  return {
    prepare: (req) => call('dom.prepare', req),
    extract: (req) => call('dom.extract', req),
    toMarkdown: (req) => call('dom.toMarkdown', req),
    toXhtml: (req) => call('dom.toXhtml', req),
    parsePocketHtml: (req) => call('dom.parsePocketHtml', req),
    sameSiteCanonical: (req) => call('dom.sameSiteCanonical', req),
  };
}

export function createBackgroundDomHost(): DomHost {
  if (typeof DOMParser !== 'undefined') return createLocalDomHost(globalThis);
  const offscreen = chromeGlobal()?.offscreen;
  if (!offscreen) throw new Error('No DOM available for article processing');
  return createOffscreenDomHost(offscreen);
}
