/**
 * Plain-JSON shapes of the filter-list subscriptions (community annoyance lists whose element
 * hiding rules apply beside our own), shared by the background, which owns them, and the pages.
 */

export type FilterListId = 'fanboy-annoyance' | 'fanboy-social' | 'fanboy-newsletter' | 'adguard-annoyances';

/** Why the last download failed; the settings page says what to do about each. */
export type FilterListErrorKind =
  /** The list's server answered with an error status. */
  | 'http'
  /** No answer: offline, or the server could not be reached. */
  | 'network'
  /** The reader took back the access to the list's site. */
  | 'permission'
  /** The answer held no element hiding rule we could use. */
  | 'empty';

export interface FilterListError {
  kind: FilterListErrorKind;
  /** The HTTP status, for `http`. */
  status?: number;
  /** When it happened (ms since the epoch). */
  at: number;
}

/** One list as the settings page shows it. */
export interface FilterListStatus {
  id: FilterListId;
  name: string;
  /** The host the list is downloaded from (what the reader grants access to). */
  host: string;
  /** The match pattern of that host, for `permissions.request`. */
  origin: string;
  homepage: string;
  licence: string;
  enabled: boolean;
  /** When the rules last changed (a download with new content), or null before the first. */
  updatedAt: number | null;
  /** When the list was last asked for, whatever the answer. */
  checkedAt: number | null;
  /** Element hiding rules kept from the list. */
  rules: number;
  error: FilterListError | null;
}
