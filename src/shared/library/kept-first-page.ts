/**
 * The library page's first page of rows, kept by the background in `storage.session` so that the
 * page can draw its first screen without waiting for a service worker asleep to start and open the
 * database (70–85 ms of the asleep first screen, measured). The background is its only writer:
 * it keeps the answer to exactly `FIRST_PAGE_REQUEST`, removes it at every change of the library,
 * and makes it again once the writes rest. The page still asks the background as before and
 * replaces the kept rows with its answer, so a kept page that missed a change shows for a moment.
 */
import type { ListRequest, ListResult } from '../messaging/library-protocol';

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

export const KEPT_FIRST_PAGE_KEY = 'library.firstPage';

export interface KeptFirstPage {
  /** The extension's version that wrote it: another version's rows may have another shape. */
  version: string;
  request: ListRequest;
  result: ListResult;
}

/** The same request, whatever the order of its fields. */
export function isSameRequest(a: ListRequest, b: ListRequest): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ListRequest>;
  return [...keys].every((key) => a[key] === b[key]);
}

/** The kept page's answer, when the stored value is one this version wrote for the first request. */
export function keptResult(stored: unknown, version: string): ListResult | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const kept = stored as Partial<KeptFirstPage>;
  if (kept.version !== version || !kept.request || !isSameRequest(kept.request, FIRST_PAGE_REQUEST)) return null;
  const result = kept.result;
  return result && Array.isArray(result.items) && typeof result.total === 'number' ? result : null;
}
