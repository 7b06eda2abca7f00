/**
 * The library's first page of rows is asked for by a classic script in the page's head
 * (`library-start.js`, built from start.ts) and crosses to the module entry
 * (src/ui/start-handover.ts), which uses it only if the list asks for exactly that first. The
 * start script also reads the first page the background keeps (src/shared/library/
 * kept-first-page.ts), which the list draws until the background's answer replaces it.
 */
import type { ExtensionApi } from '../api/extension-api';
import type { ListRequest, ListResult } from '../api/library-api';
import { FIRST_PAGE_REQUEST, isSameRequest } from '../../shared/library/kept-first-page';
import { createStartHandover } from '../start-handover';

export { FIRST_PAGE_REQUEST };

export interface StartedFirstPage {
  request: ListRequest;
  reply: Promise<ListResult>;
  /** The kept first page, or null when none is kept (never rejects). */
  kept: Promise<ListResult | null>;
}

const handover = createStartHandover<StartedFirstPage>('library-first-page');

export function handOverFirstPage(
  request: ListRequest,
  reply: Promise<ListResult>,
  kept: Promise<ListResult | null> = Promise.resolve(null),
): void {
  // Handled here so that a failure is not reported unhandled before the list asks for it.
  reply.catch(() => undefined);
  handover.give({ request, reply, kept: kept.catch(() => null) });
}

/** What the start script handed over (once: a second take finds nothing). */
export const takeStartedFirstPage = (): StartedFirstPage | undefined => handover.take();

/**
 * The API with the list's first request answered by the start script's, when it sent one: taken
 * once, by the first request, and only when that is the one sent; every other goes out as usual.
 */
export function withStartedFirstPage(api: ExtensionApi, started = takeStartedFirstPage()): ExtensionApi {
  let taken: StartedFirstPage | undefined = started;
  const { list } = api.library;
  return {
    ...api,
    library: {
      ...api.library,
      list(request) {
        const first = taken;
        taken = undefined;
        return first && isSameRequest(first.request, request) ? first.reply : list(request);
      },
    },
  };
}
