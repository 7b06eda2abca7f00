/**
 * The library's first page of rows is asked for by a classic script in the page's head
 * (`library-start.js`, built from start.ts) and crosses to the module entry
 * (src/ui/start-handover.ts), which uses it only if the list asks for exactly that first.
 */
import type { ExtensionApi } from '../api/extension-api';
import type { ListRequest, ListResult } from '../api/library-api';
import { createStartHandover } from '../start-handover';

/** The list's first request on opening (createLibraryStore: its default query, first page, first pictures). */
export const FIRST_PAGE_REQUEST: ListRequest = {
  view: 'all',
  sort: 'newest',
  search: '',
  tag: null,
  site: null,
  offset: 0,
  limit: 50,
  withPictures: 24,
};

const handover = createStartHandover<{ request: ListRequest; reply: Promise<ListResult> }>('library-first-page');

export function handOverFirstPage(request: ListRequest, reply: Promise<ListResult>): void {
  // Handled here so that a failure is not reported unhandled before the list asks for it.
  reply.catch(() => undefined);
  handover.give({ request, reply });
}

/** The same request, whatever the order of its fields. */
function isSameRequest(a: ListRequest, b: ListRequest): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ListRequest>;
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * The API with the list's first request answered by the start script's, when it sent one: taken
 * once, by the first request, and only when that is the one sent; every other goes out as usual.
 */
export function withStartedFirstPage(api: ExtensionApi): ExtensionApi {
  let started = handover.take();
  const { list } = api.library;
  return {
    ...api,
    library: {
      ...api.library,
      list(request) {
        const taken = started;
        started = undefined;
        return taken && isSameRequest(taken.request, request) ? taken.reply : list(request);
      },
    },
  };
}
