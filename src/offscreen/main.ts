/**
 * Chrome's offscreen document: a DOM for the service worker, which has none. It serves the
 * `dom.*` entries (sanitising, extraction of fetched pages, export conversions) and the `lists.*`
 * entries (the filter-list parser and matcher, which a service worker cannot load on demand).
 */
import { createLocalDomHost } from '../library-io/dom-host';
import { browser } from '../shared/browser';
import { createListOffscreenHandlers } from './list-handlers';
import { serve, type RuntimePort } from '../shared/messaging/messenger';
import { offscreenSenders, type OffscreenApi } from '../shared/messaging/protocol';

const dom = createLocalDomHost(window);

serve<OffscreenApi>(
  browser.runtime as unknown as RuntimePort,
  'offscreen',
  {
    'dom.prepare': (req) => dom.prepare(req),
    'dom.extract': (req) => dom.extract(req),
    'dom.toHtml': (req) => dom.toHtml(req),
    'dom.toMarkdown': (req) => dom.toMarkdown(req),
    'dom.toXhtml': (req) => dom.toXhtml(req),
    'dom.parsePocketHtml': (req) => dom.parsePocketHtml(req),
    'dom.placeQuotes': (req) => dom.placeQuotes(req),
    'dom.sameSiteCanonical': (req) => dom.sameSiteCanonical(req),
    ...createListOffscreenHandlers(),
  },
  offscreenSenders,
);
