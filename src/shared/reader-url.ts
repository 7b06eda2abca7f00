/** Addresses of the reader page, shared by the background (commands, menus) and the pages. */

export const READER_PAGE = 'reader.html';

export function readerPathFor(tabId: number): string {
  return `${READER_PAGE}?tabId=${tabId}`;
}

/** The reader showing a saved article from the library (readable offline). */
export function savedReaderPathFor(id: string): string {
  return `${READER_PAGE}?id=${encodeURIComponent(id)}`;
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
