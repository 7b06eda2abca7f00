/**
 * The filter-list subscriptions, owned by the background: which lists are on, their kept rules
 * and validators in `storage.local`, a daily refresh, and the matcher built from the rules of
 * the lists that are on (once per worker, on the first page that asks).
 */
import { browser } from '../../shared/browser';
import type { FilterListId, FilterListStatus } from '../../shared/filter-list-types';
import { FILTER_LISTS, originOf, TEST_URLS_KEY, urlOf, type FilterListDefinition } from './catalogue';
import type { ListPage } from '../../shared/messaging/filter-list-protocol';
import { createListRuntimeHost, type ListRuntimeHost } from './list-host';
import { refreshList, type ListRecord } from './refresh-list';

const STATE_KEY = 'filterLists.state';
const rulesKey = (id: FilterListId) => `filterLists.rules.${id}`;
export const REFRESH_ALARM = 'filter-lists.refresh';
const DAY_MINUTES = 24 * 60;
/** A list checked more recently than this is not asked for again by the daily refresh. */
const FRESH_MS = 20 * 60 * 60 * 1000;

function normaliseRecord(raw: unknown): ListRecord {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<ListRecord>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    enabled: r.enabled === true,
    etag: text(r.etag),
    lastModified: text(r.lastModified),
    updatedAt: time(r.updatedAt),
    checkedAt: time(r.checkedAt),
    rules: typeof r.rules === 'number' ? r.rules : 0,
    error: typeof r.error === 'object' && r.error !== null ? r.error : null,
  };
}

export interface FilterListService {
  statuses(): Promise<FilterListStatus[]>;
  /** Turns a list on (downloading it now) or off (forgetting its rules). */
  setEnabled(id: FilterListId, on: boolean): Promise<FilterListStatus[]>;
  /** Asks again for every list that is on and was not checked within the day. */
  refreshDue(): Promise<void>;
  /** Whether any list that is on has rules: only then do pages send their class names. */
  isActive(): Promise<boolean>;
  selectorsFor(page: ListPage): Promise<string[]>;
}

export function createFilterListService(host: ListRuntimeHost = createListRuntimeHost()): FilterListService {
  let queue: Promise<unknown> = Promise.resolve();
  /** One change at a time: two quick clicks cannot lose one. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readState = async (): Promise<Record<FilterListId, ListRecord>> => {
    const raw = ((await browser.storage.local.get(STATE_KEY))[STATE_KEY] ?? {}) as Record<string, unknown>;
    return Object.fromEntries(FILTER_LISTS.map((l) => [l.id, normaliseRecord(raw[l.id])])) as Record<
      FilterListId,
      ListRecord
    >;
  };
  const writeRecord = async (id: FilterListId, record: ListRecord, rules?: string | null) => {
    const state = await readState();
    state[id] = record;
    const items: Record<string, unknown> = { [STATE_KEY]: state };
    if (typeof rules === 'string') items[rulesKey(id)] = rules;
    await browser.storage.local.set(items);
    if (rules === null) await browser.storage.local.remove(rulesKey(id));
  };
  const urls = async () => {
    const overrides = (await browser.storage.local.get(TEST_URLS_KEY))[TEST_URLS_KEY];
    return (list: FilterListDefinition) =>
      urlOf(list, typeof overrides === 'object' && overrides !== null ? (overrides as Record<string, unknown>) : {});
  };

  const statuses = async (): Promise<FilterListStatus[]> => {
    const state = await readState();
    const urlFor = await urls();
    return FILTER_LISTS.map((list) => {
      const url = urlFor(list);
      const record = state[list.id];
      return {
        id: list.id,
        name: list.name,
        host: new URL(url).host,
        origin: originOf(url),
        homepage: list.homepage,
        licence: list.licence,
        enabled: record.enabled,
        updatedAt: record.updatedAt,
        checkedAt: record.checkedAt,
        rules: record.rules,
        error: record.error,
      };
    });
  };

  const refresh = async (list: FilterListDefinition, record: ListRecord, now: number) => {
    const url = (await urls())(list);
    let allowed = false;
    try {
      allowed = await browser.permissions.contains({ origins: [originOf(url)] });
    } catch {
      allowed = false;
    }
    if (!allowed) {
      await writeRecord(list.id, { ...record, checkedAt: now, error: { kind: 'permission', at: now } });
      return;
    }
    const outcome = await refreshList(url, record, { now, parse: (text) => host.parse(text) });
    await writeRecord(list.id, outcome.record, outcome.rules);
  };

  const scheduleRefresh = async (anyOn: boolean) => {
    if (!anyOn) {
      await browser.alarms.clear(REFRESH_ALARM);
      return;
    }
    if (!(await browser.alarms.get(REFRESH_ALARM))) {
      await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
    }
  };

  return {
    statuses,
    setEnabled: (id, on) =>
      serial(async () => {
        const list = FILTER_LISTS.find((l) => l.id === id);
        if (!list) return statuses();
        const record = (await readState())[id];
        if (on) {
          await writeRecord(id, { ...record, enabled: true });
          await refresh(list, { ...record, enabled: true }, Date.now());
        } else {
          // Off means gone: the rules and validators are dropped, so turning it on downloads afresh.
          await writeRecord(id, { ...normaliseRecord({}), enabled: false }, null);
        }
        const state = await readState();
        await scheduleRefresh(Object.values(state).some((r) => r.enabled));
        return statuses();
      }),
    refreshDue: () =>
      serial(async () => {
        const state = await readState();
        const now = Date.now();
        for (const list of FILTER_LISTS) {
          const record = state[list.id];
          if (!record.enabled || (record.checkedAt !== null && now - record.checkedAt < FRESH_MS)) continue;
          await refresh(list, record, now);
        }
        await scheduleRefresh(Object.values(state).some((r) => r.enabled));
      }),
    async isActive() {
      const state = await readState();
      return Object.values(state).some((r) => r.enabled && r.rules > 0);
    },
    async selectorsFor(page) {
      const state = await readState();
      const on = FILTER_LISTS.filter((l) => state[l.id].enabled && state[l.id].rules > 0);
      if (on.length === 0) return [];
      // The rules in force, by the lists and their versions: the matcher is rebuilt when they change.
      const version = on.map((l) => `${l.id}@${state[l.id].updatedAt ?? 0}`).join(' ');
      const texts = async () => {
        const keys = on.map((l) => rulesKey(l.id));
        const stored = await browser.storage.local.get(keys);
        return keys.map((key) => stored[key]).filter((t): t is string => typeof t === 'string');
      };
      return host.match(version, texts, page);
    },
  };
}
