/** Addresses of the reader page, shared by the background (commands, menus) and the pages. */
import type { LibrarySort, LibraryView } from '../storage/library-query';
import type { ReadingQueue } from './messaging/library-protocol';

export const READER_PAGE = 'reader.html';

export function readerPathFor(tabId: number): string {
  return `${READER_PAGE}?tabId=${tabId}`;
}

/** The page a reader took the place of in its own tab ("Always open in reader on this site"). */
const PAGE_PARAM = 'page';

export function autoReaderPathFor(pageUrl: string): string {
  return `${READER_PAGE}?${new URLSearchParams({ [PAGE_PARAM]: pageUrl })}`;
}

/** The web page a reader address took the place of, or null. */
export function readPageParam(search: string): string | null {
  const raw = new URLSearchParams(search).get(PAGE_PARAM);
  if (!raw || raw.length > 8192) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const VIEWS: readonly LibraryView[] = ['all', 'unread', 'archived', 'favorites'];
const SORTS: readonly (LibrarySort | 'relevance')[] = [
  'newest',
  'oldest',
  'title',
  'site',
  'shortest',
  'longest',
  'relevance',
];
/** The reading queue when the reader was not opened from the library: the reading list, newest first. */
export const DEFAULT_QUEUE: ReadingQueue = { view: 'all', sort: 'newest' };
/** Read aloud goes on in the article this address opens (read aloud finished the one before). */
const CONTINUE_PARAM = 'continue';
const READ_ALOUD = 'read-aloud';
/** Longer than any tag, host or search worth keeping in an address. */
const MAX_PARAM = 200;

/**
 * The reader showing a saved article from the library (readable offline), with the library list it
 * was opened from, for "Read next": its parameters are left out where they are the defaults.
 */
export function savedReaderPathFor(
  id: string,
  queue: ReadingQueue = DEFAULT_QUEUE,
  options: { continuesReadAloud?: boolean } = {},
): string {
  const params = new URLSearchParams({ id });
  if (queue.view && queue.view !== 'all') params.set('view', queue.view);
  if (queue.tag) params.set('tag', queue.tag);
  if (queue.site) params.set('site', queue.site);
  if (queue.search?.trim()) params.set('q', queue.search.trim());
  if (queue.sort && queue.sort !== 'newest') params.set('sort', queue.sort);
  if (options.continuesReadAloud) params.set(CONTINUE_PARAM, READ_ALOUD);
  return `${READER_PAGE}?${params}`;
}

function readParam(params: URLSearchParams, name: string): string | null {
  const raw = params.get(name);
  return raw && raw.length <= MAX_PARAM ? raw : null;
}

/** The reading queue a reader address names; what it does not name, or names wrongly, is the default. */
export function readQueueParams(search: string): ReadingQueue {
  const params = new URLSearchParams(search);
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'all';
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'newest';
  const queue: ReadingQueue = { view, sort, tag: readParam(params, 'tag'), site: readParam(params, 'site') };
  const text = readParam(params, 'q');
  if (text) queue.search = text;
  return queue;
}

/** Whether the address says read aloud goes on in its article. */
export function readContinuesReadAloud(search: string): boolean {
  return new URLSearchParams(search).get(CONTINUE_PARAM) === READ_ALOUD;
}

/** The same address without the read-aloud hand-over, so a reload or a bookmark does not speak. */
export function withoutReadAloudHandover(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(CONTINUE_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/** The `id` parameter (a saved article) of a page address's query string, or null. */
export function readSavedIdParam(search: string): string | null {
  const raw = new URLSearchParams(search).get('id');
  return raw && raw.length <= 200 ? raw : null;
}

/** The `tabId` parameter of a page address's query string, or null. */
export function readTabIdParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
