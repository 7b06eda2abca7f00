import type { PageClutterReport } from '../../shared/clutter-types';
import type { ListTokensRequest } from '../../shared/messaging/filter-list-protocol';
import type { PageClutter } from './page-clutter';

export type AskForListStyles = (request: ListTokensRequest) => Promise<{ selectors: string[] }>;

/**
 * Sends what is new on the page to the background, which inserts the matching filter-list rules,
 * and counts what they hide. One request at a time; a pass during one waits for the next.
 */
export function createListSync(page: PageClutter, ask: AskForListStyles): () => Promise<PageClutterReport | null> {
  let running: Promise<PageClutterReport | null> | null = null;
  const once = async (): Promise<PageClutterReport | null> => {
    const request = page.listTokens();
    if (!request) return page.report();
    try {
      const { selectors } = await ask(request);
      return page.addListSelectors(Array.isArray(selectors) ? selectors : []);
    } catch {
      page.forgetListTokens(request);
      return page.report();
    }
  };
  return () => {
    running ??= once().finally(() => (running = null));
    return running;
  };
}
