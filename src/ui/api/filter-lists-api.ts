import type { FilterListStatus } from '../../shared/filter-list-types';

export type { FilterListError, FilterListId, FilterListStatus } from '../../shared/filter-list-types';

/** The community filter lists a reader may subscribe to (`api.lists`). */
export interface FilterListsApi {
  status(): Promise<FilterListStatus[]>;
  /**
   * Turns a list on (downloading it now) or off. Turning on asks for access to the list's host:
   * browsers only show the prompt during a user gesture, so call it first thing in a click
   * handler. Resolves with `granted: false` (and changes nothing) when the reader declines.
   */
  setEnabled(list: FilterListStatus, on: boolean): Promise<{ granted: boolean; lists: FilterListStatus[] }>;
}
