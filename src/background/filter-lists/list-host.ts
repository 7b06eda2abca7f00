/**
 * Where the list parser and matcher run. Firefox's background page loads them itself on first
 * use; Chrome's service worker may not `import()`, so there they run in the offscreen document,
 * loaded on its first request, behind the same interface.
 */
import type { KeptRules, ListMatcher } from '../../filter-lists/list-runtime';
import type * as ListRuntime from '../../filter-lists/list-runtime';
import type { ListPage } from '../../shared/messaging/filter-list-protocol';
import type { OffscreenApi, RequestOf } from '../../shared/messaging/protocol';
import { chromeOffscreen, callOffscreen, type ChromeOffscreen } from '../offscreen-document';

export interface ListRuntimeHost {
  /** The plain element hiding rules of a downloaded list. */
  parse(text: string): Promise<KeptRules>;
  /**
   * The selectors for a page from the rules named `version`; `texts` gives those rules when the
   * matcher does not hold them yet.
   */
  match(version: string, texts: () => Promise<string[]>, page: ListPage): Promise<string[]>;
}

type Runtime = typeof ListRuntime;

/** The parser and matcher in this context, loaded on first use. */
export function createLocalListHost(
  load: () => Promise<Runtime> = () => import('../../filter-lists/list-runtime'),
): ListRuntimeHost {
  let runtime: Promise<Runtime> | null = null;
  const loaded = () => (runtime ??= load());
  let held: { version: string; matcher: Promise<ListMatcher> } | null = null;
  return {
    parse: async (text) => (await loaded()).keepPlainHideRules(text),
    async match(version, texts, page) {
      if (held?.version !== version) {
        const matcher = Promise.all([loaded(), texts()]).then(([r, t]) => r.createListMatcher(t));
        held = { version, matcher };
      }
      return (await held.matcher).selectorsFor(page);
    },
  };
}

function createOffscreenListHost(offscreen: ChromeOffscreen): ListRuntimeHost {
  const call = <K extends keyof OffscreenApi & string>(type: K, req: RequestOf<OffscreenApi, K>) =>
    callOffscreen(offscreen, type, req);
  return {
    parse: (text) => call('lists.parse', { text }),
    async match(version, texts, page) {
      const first = await call('lists.match', { version, page });
      if (first) return first.selectors;
      await call('lists.load', { version, texts: await texts() });
      return (await call('lists.match', { version, page }))?.selectors ?? [];
    },
  };
}

export function createListRuntimeHost(): ListRuntimeHost {
  // A page (Firefox's background) may import on demand; a service worker may not.
  const offscreen = typeof document === 'undefined' ? chromeOffscreen() : undefined;
  return offscreen ? createOffscreenListHost(offscreen) : createLocalListHost();
}
