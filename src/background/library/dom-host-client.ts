/**
 * Where the background's DOM work runs. Firefox's background page has a DOM: it runs there.
 * Chrome's service worker has none: the work goes to an offscreen document (reason DOM_PARSER),
 * created on first use and serving the same `DomHost` interface over runtime messages.
 */
import { createLocalDomHost, type DomHost } from '../../library-io/dom-host';
import type { OffscreenApi, RequestOf } from '../../shared/messaging/protocol';
import { chromeOffscreen, callOffscreen, type ChromeOffscreen } from '../offscreen-document';

function createOffscreenDomHost(offscreen: ChromeOffscreen): DomHost {
  const call = <K extends keyof OffscreenApi & string>(type: K, req: RequestOf<OffscreenApi, K>) =>
    callOffscreen(offscreen, type, req);

  return {
    prepare: (req) => call('dom.prepare', req),
    extract: (req) => call('dom.extract', req),
    toHtml: (req) => call('dom.toHtml', req),
    toMarkdown: (req) => call('dom.toMarkdown', req),
    toXhtml: (req) => call('dom.toXhtml', req),
    parsePocketHtml: (req) => call('dom.parsePocketHtml', req),
    placeQuotes: (req) => call('dom.placeQuotes', req),
    sameSiteCanonical: (req) => call('dom.sameSiteCanonical', req),
  };
}

export function createBackgroundDomHost(): DomHost {
  if (typeof DOMParser !== 'undefined') return createLocalDomHost(globalThis);
  const offscreen = chromeOffscreen();
  if (!offscreen) throw new Error('No DOM available for article processing');
  return createOffscreenDomHost(offscreen);
}
