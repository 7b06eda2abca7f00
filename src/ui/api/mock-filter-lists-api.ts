import type { FilterListsApi, FilterListStatus } from './filter-lists-api';

export interface MockFilterListsOptions {
  lists?: FilterListStatus[];
  /** Whether the reader grants access to a list's host when asked. */
  grants?: boolean;
  /** How many rules a list has once turned on. */
  rules?: number;
}

export type MockFilterListsApi = FilterListsApi & { calls: { permissionRequests: string[][] } };

export function mockFilterList(overrides: Partial<FilterListStatus> = {}): FilterListStatus {
  return {
    id: 'fanboy-annoyance',
    name: "Fanboy's Annoyance List",
    host: 'easylist.to',
    origin: 'https://easylist.to/*',
    homepage: 'https://easylist.to/',
    licence: 'GPLv3 / CC BY-SA 3.0',
    enabled: false,
    updatedAt: null,
    checkedAt: null,
    rules: 0,
    error: null,
    ...overrides,
  };
}

/** An in-memory `FilterListsApi` for component tests and previews. */
export function createMockFilterListsApi(options: MockFilterListsOptions = {}): MockFilterListsApi {
  let lists = structuredClone(options.lists ?? [mockFilterList()]);
  const calls: MockFilterListsApi['calls'] = { permissionRequests: [] };
  return {
    calls,
    status: async () => structuredClone(lists),
    async setEnabled(list, on) {
      if (on) calls.permissionRequests.push([list.origin]);
      if (on && options.grants === false) return { granted: false, lists: structuredClone(lists) };
      const now = Date.UTC(2026, 11, 7);
      lists = lists.map((l) =>
        l.id !== list.id
          ? l
          : on
            ? { ...l, enabled: true, rules: options.rules ?? 1200, updatedAt: now, checkedAt: now, error: null }
            : { ...l, enabled: false, rules: 0, updatedAt: null, checkedAt: null, error: null },
      );
      return { granted: true, lists: structuredClone(lists) };
    },
  };
}
