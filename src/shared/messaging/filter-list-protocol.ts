/**
 * The filter-list subscriptions, served by the background (which owns them). The settings page
 * turns lists on and off; the clutter script in a page asks which list rules apply to it.
 */
import type { FilterListId, FilterListStatus } from '../filter-list-types';
import type { SenderRoles } from './sender-roles';

/** What the page script sends about its own document, once per pass, only what is new. */
export interface ListTokensRequest {
  classes: string[];
  ids: string[];
  hrefs: string[];
  /** The first request of this document: the rules written for its host come too. */
  hostRules: boolean;
}

/** A page, as the list matcher needs it. */
export interface ListPage {
  url: string;
  hostname: string;
  classes: readonly string[];
  ids: readonly string[];
  hrefs: readonly string[];
  /** Also the rules written for this host (asked once per page). */
  hostRules: boolean;
}

export interface FilterListBackgroundApi {
  'lists.status': (req: Record<string, never>) => FilterListStatus[];
  /** Turning on downloads the list: ask for its host's permission first (the page does). */
  'lists.setEnabled': (req: { id: FilterListId; on: boolean }) => FilterListStatus[];
  /**
   * From the clutter script: the class names, ids and links new on its page. The background
   * inserts the matching list rules as one stylesheet into the sender's tab and returns them,
   * so that the page can count what they hide.
   */
  'clutter.listStyles': (req: ListTokensRequest) => { selectors: string[] };
}

export const filterListSenders: SenderRoles<FilterListBackgroundApi> = {
  'lists.status': ['extension'],
  'lists.setEnabled': ['extension'],
  // The handler uses the sender's own tab and nothing else.
  'clutter.listStyles': ['content'],
};

/**
 * Chrome's service worker may not load modules on demand: the list parser and matcher run in the
 * offscreen document, loaded there on first use. `version` names the set of rules the matcher
 * holds; a document that holds another (or none, having been recreated) answers null and is
 * sent the rules with `lists.load`.
 */
export interface ListOffscreenApi {
  'lists.parse': (req: { text: string }) => { lines: string[]; hides: number };
  'lists.load': (req: { version: string; texts: string[] }) => { loaded: true };
  'lists.match': (req: { version: string; page: ListPage }) => { selectors: string[] } | null;
}

export const listOffscreenSenders: SenderRoles<ListOffscreenApi> = {
  'lists.parse': ['extension'],
  'lists.load': ['extension'],
  'lists.match': ['extension'],
};
