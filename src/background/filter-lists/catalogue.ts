/**
 * The lists a reader may subscribe to. Only their element hiding rules are used (no network
 * blocking). They are downloaded at the reader's request, never shipped with the extension:
 * the EasyList/Fanboy lists are dual-licensed GPLv3 / CC BY-SA 3.0, AdGuard's filters GPLv3.
 */
import type { FilterListId } from '../../shared/filter-list-types';

export interface FilterListDefinition {
  id: FilterListId;
  name: string;
  url: string;
  homepage: string;
  licence: string;
}

const EASYLIST_LICENCE = 'GPLv3 / CC BY-SA 3.0';

export const FILTER_LISTS: readonly FilterListDefinition[] = [
  {
    id: 'fanboy-annoyance',
    name: "Fanboy's Annoyance List",
    url: 'https://easylist.to/easylist/fanboy-annoyance.txt',
    homepage: 'https://easylist.to/',
    licence: EASYLIST_LICENCE,
  },
  {
    id: 'fanboy-social',
    name: "Fanboy's Social Blocking List",
    url: 'https://easylist.to/easylist/fanboy-social.txt',
    homepage: 'https://easylist.to/',
    licence: EASYLIST_LICENCE,
  },
  {
    id: 'fanboy-newsletter',
    name: 'Fanboy/EasyList Newsletter List',
    url: 'https://easylist.to/easylist/fanboy-newsletter.txt',
    homepage: 'https://easylist.to/',
    licence: EASYLIST_LICENCE,
  },
  {
    id: 'adguard-annoyances',
    name: 'AdGuard Annoyances filter',
    url: 'https://filters.adtidy.org/extension/ublock/filters/14.txt',
    homepage: 'https://adguard.com/kb/general/ad-filtering/adguard-filters/',
    licence: 'GPLv3',
  },
];

export function isFilterListId(value: unknown): value is FilterListId {
  return FILTER_LISTS.some((list) => list.id === value);
}

/** The match pattern of a list address's host (match patterns take no port). */
export function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/**
 * Tests point a list at a file on 127.0.0.1 through this storage key; any other address in it
 * is ignored, so it cannot send a reader's browser elsewhere.
 */
export const TEST_URLS_KEY = 'filterLists.testUrls';

export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** The list's address: its own, or a loopback address a test put under `TEST_URLS_KEY`. */
export function urlOf(list: FilterListDefinition, overrides: Record<string, unknown>): string {
  const override = overrides[list.id];
  return typeof override === 'string' && isLoopbackUrl(override) ? override : list.url;
}
