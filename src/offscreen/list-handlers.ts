import type * as ListRuntime from '../filter-lists/list-runtime';
import type { ListMatcher } from '../filter-lists/list-runtime';
import type { Handlers } from '../shared/messaging/messenger';
import type { ListOffscreenApi } from '../shared/messaging/filter-list-protocol';

/** The filter-list parser and matcher for Chrome's service worker, loaded on the first request. */
export function createListOffscreenHandlers(): Handlers<ListOffscreenApi> {
  let runtime: Promise<typeof ListRuntime> | null = null;
  const loaded = () => (runtime ??= import('../filter-lists/list-runtime'));
  let held: { version: string; matcher: ListMatcher } | null = null;
  return {
    'lists.parse': async ({ text }) => (await loaded()).keepPlainHideRules(text),
    'lists.load': async ({ version, texts }) => {
      held = { version, matcher: (await loaded()).createListMatcher(texts) };
      return { loaded: true };
    },
    'lists.match': ({ version, page }) =>
      held?.version === version ? { selectors: held.matcher.selectorsFor(page) } : null,
  };
}
