import { listStylesheet } from '../../clutter';
import { browser } from '../../shared/browser';
import type { Handlers, MessageSender } from '../../shared/messaging/messenger';
import { failure } from '../../shared/messaging/failure';
import { MessagingError } from '../../shared/messaging/messenger';
import type { FilterListBackgroundApi, ListTokensRequest } from '../../shared/messaging/filter-list-protocol';
import { isFilterListId } from './catalogue';
import type { FilterListService } from './list-service';

/** Bounds on one request: a page with more names than this sends the rest on its next pass. */
const MAX_TOKENS = 5000;
const MAX_TOKEN_CHARS = 2000;

function tokens(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((t): t is string => typeof t === 'string' && t.length <= MAX_TOKEN_CHARS).slice(0, MAX_TOKENS);
}

function pageOf(sender: MessageSender): { tabId: number; url: URL } {
  const tabId = sender.tab?.id;
  // The clutter script runs in a tab's top document; the stylesheet goes there.
  if (tabId === undefined || (sender.frameId ?? 0) !== 0 || !sender.url) {
    throw new MessagingError('bad-request', 'Only the page script of a tab may send this.');
  }
  const url = new URL(sender.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw failure('restricted', 'not-web-page');
  }
  return { tabId, url };
}

export function createFilterListHandlers(
  ready: Promise<void>,
  service: FilterListService,
): Handlers<FilterListBackgroundApi> {
  return {
    'lists.status': async () => {
      await ready;
      return service.statuses();
    },
    'lists.setEnabled': async ({ id, on }) => {
      await ready;
      if (!isFilterListId(id)) throw new MessagingError('bad-request', 'No such filter list.');
      return service.setEnabled(id, on === true);
    },
    'clutter.listStyles': async (req: ListTokensRequest, sender) => {
      await ready;
      const { tabId, url } = pageOf(sender);
      const selectors = await service.selectorsFor({
        url: url.href,
        hostname: url.hostname,
        classes: tokens(req.classes),
        ids: tokens(req.ids),
        hrefs: tokens(req.hrefs),
        hostRules: req.hostRules === true,
      });
      if (selectors.length > 0) {
        await browser.scripting.insertCSS({
          target: { tabId, frameIds: [0] },
          css: listStylesheet(selectors),
          origin: 'USER',
        });
      }
      return { selectors };
    },
  };
}
