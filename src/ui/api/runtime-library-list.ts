/**
 * Listing the library: the one part of the runtime API the library page's start script needs
 * before anything else has loaded, so kept apart from `runtime-library-api.ts` and small.
 */
import { browser } from '../../shared/browser';
import { KEPT_FIRST_PAGE_KEY, keptResult } from '../../shared/library/kept-first-page';
import { sendToBackground } from '../../shared/messaging/clients';
import type { LibraryApi, ListResult } from './library-api';

export const runtimeListLibrary: LibraryApi['list'] = (request) => sendToBackground('articles.list', request);

/**
 * The first page of the list as the background keeps it (src/shared/library/kept-first-page.ts),
 * read without waking the background; null when none is kept for this version.
 */
export function runtimeKeptFirstPage(): Promise<ListResult | null> {
  return browser.storage.session
    .get(KEPT_FIRST_PAGE_KEY)
    .then((stored) => keptResult(stored[KEPT_FIRST_PAGE_KEY], browser.runtime.getManifest().version))
    .catch(() => null);
}
