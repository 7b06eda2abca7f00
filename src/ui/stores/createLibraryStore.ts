import { computed, signal } from '@preact/signals';
import { toApiFailure, type ApiFailure, type ExtensionApi } from '../api/extension-api';
import type {
  ExportRequest,
  ImageAccess,
  ListRequest,
  ListResult,
  StateChange,
  StorageEstimate,
} from '../api/library-api';

export const PAGE_SIZE = 50;

export type Notice =
  | { kind: 'deleted'; count: number; undoToken: string }
  | { kind: 'info'; message: string }
  | { kind: 'error'; failure: ApiFailure };

/** How long after the first list the background is asked to read the whole library. */
const WARM_DELAY_MS = 1500;

export function createLibraryStore(api: ExtensionApi) {
  const query = signal<ListRequest>({ view: 'all', sort: 'newest', search: '', tag: null, site: null });
  const result = signal<ListResult | null>(null);
  const isLoading = signal(true);
  const selected = signal<ReadonlySet<string>>(new Set());
  const notice = signal<Notice | null>(null);
  const estimate = signal<StorageEstimate | null>(null);
  const isBusy = signal(false);
  /** Known before any click, so a click handler can ask for access without awaiting first. */
  const imageAccess = signal<ImageAccess>('ask');
  let generation = 0;

  async function load(limit = PAGE_SIZE): Promise<void> {
    const current = ++generation;
    isLoading.value = true;
    try {
      const next = await api.library.list({ ...query.value, offset: 0, limit });
      if (current !== generation) return;
      result.value = next;
      const visible = new Set(next.items.map((i) => i.id));
      selected.value = new Set([...selected.value].filter((id) => visible.has(id)));
    } catch (error) {
      if (current === generation) notice.value = { kind: 'error', failure: toApiFailure(error) };
    } finally {
      if (current === generation) isLoading.value = false;
    }
  }

  const reload = () => load(Math.max(PAGE_SIZE, result.value?.items.length ?? 0));

  async function act<T>(work: () => Promise<T>, after?: (value: T) => Notice | null): Promise<void> {
    isBusy.value = true;
    try {
      const value = await work();
      if (after) notice.value = after(value);
      await reload();
      estimate.value = await api.library.estimate().catch(() => estimate.value);
    } catch (error) {
      notice.value = { kind: 'error', failure: toApiFailure(error) };
    } finally {
      isBusy.value = false;
    }
  }

  return {
    query,
    result,
    isLoading,
    selected,
    notice,
    estimate,
    isBusy,
    imageAccess,
    hasMore: computed(() => !!result.value && result.value.items.length < result.value.total),
    async start(): Promise<void> {
      await load();
      estimate.value = await api.library.estimate().catch(() => null);
      imageAccess.value = await api.library.imageAccess().catch(() => 'ask' as const);
      // Once the first screen is drawn: the background reading every record (for filters and other
      // sorts) competes with drawing it on a busy machine.
      setTimeout(() => void api.library.warm().catch(() => undefined), WARM_DELAY_MS);
    },
    setQuery(change: Partial<ListRequest>): Promise<void> {
      query.value = { ...query.value, ...change };
      return load();
    },
    loadMore: () => load((result.value?.items.length ?? 0) + PAGE_SIZE),
    toggle(id: string): void {
      const next = new Set(selected.value);
      if (!next.delete(id)) next.add(id);
      selected.value = next;
    },
    selectAll(isOn: boolean): void {
      selected.value = new Set(isOn ? (result.value?.items.map((i) => i.id) ?? []) : []);
    },
    update: (ids: string[], change: StateChange) => act(() => api.library.update(ids, change)),
    remove: (ids: string[]) =>
      act(
        () => api.library.remove(ids),
        ({ count, undoToken }) => ({ kind: 'deleted', count, undoToken }),
      ),
    undo: (undoToken: string) =>
      act(
        () => api.library.undoRemove(undoToken),
        () => null,
      ),
    fetchMissing: (ids: string[]) =>
      act(
        () => api.library.fetchMissing(ids),
        ({ completed }) => ({ kind: 'info', message: api.t('fetchedMissing', completed) }),
      ),
    async exportArticles(request: ExportRequest): Promise<{ fileName: string; blob: Blob } | null> {
      isBusy.value = true;
      try {
        return await api.library.exportArticles(request);
      } catch (error) {
        notice.value = { kind: 'error', failure: toApiFailure(error) };
        return null;
      } finally {
        isBusy.value = false;
      }
    },
    importFile: (file: Blob) =>
      act(
        () => api.library.importFile(file),
        (s) => ({
          kind: 'info',
          message: api.t('importDone', [String(s.added), String(s.updated), String(s.skipped)]),
        }),
      ),
    dismiss: () => void (notice.value = null),
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
