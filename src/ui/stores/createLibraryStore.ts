import { batch, computed, signal } from '@preact/signals';
import { toApiFailure, type ApiFailure, type ExtensionApi } from '../api/extension-api';
import type {
  ArticleSummary,
  ExportRequest,
  ImageAccess,
  ImportOptions,
  ListPicture,
  ListRequest,
  ListResult,
  StateChange,
  StorageEstimate,
} from '../api/library-api';

/** Articles per request; the list asks for the pages around what is on screen. */
export const PAGE_SIZE = 50;
/** Rows beyond those on screen whose page is asked for ahead of scrolling to it. */
const PAGE_AHEAD = PAGE_SIZE / 2;
/** Pages kept in memory at most (the rest are asked for again when scrolled back to). */
const MAX_PAGES = 24;
/** Pages asked for in one request at most. */
const MAX_PAGES_PER_REQUEST = 6;
/** Pictures asked for once the list has rested this long on a range (none while flinging through it). */
const PICTURES_DELAY_MS = 80;
/** Rows whose pictures the first screen asks for before any scrolling. */
const FIRST_PICTURES = 24;

export type Notice =
  | { kind: 'deleted'; count: number; undoToken: string; byKeyboard: boolean }
  | { kind: 'info'; message: string }
  | { kind: 'error'; failure: ApiFailure };

export type LibraryLayout = 'rows' | 'cards';

/** How long after the first list the background is asked to read the whole library. */
const WARM_DELAY_MS = 1500;

const LAYOUT_KEY = 'tidy-reader.library.layout';

/** The reader's choice of rows or cards, kept by this page alone (it concerns no other surface). */
function storedLayout(): LibraryLayout {
  try {
    return globalThis.localStorage?.getItem(LAYOUT_KEY) === 'cards' ? 'cards' : 'rows';
  } catch {
    return 'rows';
  }
}

function formatCount(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function createLibraryStore(api: ExtensionApi) {
  const query = signal<ListRequest>({ view: 'all', sort: 'newest', search: '', tag: null, site: null });
  /** The last answer: total, facets and the library's size (its items are in `pages`). */
  const result = signal<ListResult | null>(null);
  const pages = signal<ReadonlyMap<number, ArticleSummary[]>>(new Map());
  const pictures = signal<ReadonlyMap<string, ListPicture>>(new Map());
  /** The first screen's pictures have arrived (or there are none to ask for). */
  const hasFirstPictures = signal(false);
  const isLoading = signal(true);
  const selected = signal<ReadonlySet<string>>(new Set());
  /** The row the keyboard is on (-1: none yet). */
  const cursor = signal(-1);
  const notice = signal<Notice | null>(null);
  /** What the live region says; `n` makes the same words count as news again. */
  const announcement = signal<{ text: string; n: number }>({ text: '', n: 0 });
  const estimate = signal<StorageEstimate | null>(null);
  const isBusy = signal(false);
  const layout = signal<LibraryLayout>(storedLayout());
  /** The articles the tag dialog is open for. */
  const tagging = signal<string[] | null>(null);
  /** Known before any click, so a click handler can ask for access without awaiting first. */
  const imageAccess = signal<ImageAccess>('ask');

  let generation = 0;
  /** The pages must all be asked for again (the query changed, or the library did). */
  let isStale = true;
  let wanted: [first: number, last: number] = [0, 0];
  let pump: Promise<void> | null = null;
  let picturesTimer: ReturnType<typeof setTimeout> | undefined;

  const total = computed(() => result.value?.total ?? 0);

  function itemAt(index: number): ArticleSummary | undefined {
    return pages.value.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  function loadedItems(): ArticleSummary[] {
    return [...pages.value.entries()].sort(([a], [b]) => a - b).flatMap(([, items]) => items);
  }

  function missingPages(): number[] {
    const out: number[] = [];
    for (let p = wanted[0]; p <= wanted[1]; p++) if (isStale || !pages.value.has(p)) out.push(p);
    return out;
  }

  /** Keeps the pages nearest to what is wanted. */
  function evict(map: Map<number, ArticleSummary[]>): void {
    if (map.size <= MAX_PAGES) return;
    const middle = (wanted[0] + wanted[1]) / 2;
    const far = [...map.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of far.slice(0, map.size - MAX_PAGES)) map.delete(page);
  }

  async function fetchMissing(): Promise<void> {
    for (;;) {
      const missing = missingPages();
      if (missing.length === 0) return;
      const current = generation;
      const first = missing[0]!;
      const last = Math.min(missing[missing.length - 1]!, first + MAX_PAGES_PER_REQUEST - 1);
      // The first screen's pictures come with its rows: one round trip, not two in a row.
      const withPictures = !hasFirstPictures.value && first === 0 ? FIRST_PICTURES : undefined;
      const answer = await api.library.list({
        ...query.value,
        offset: first * PAGE_SIZE,
        limit: (last - first + 1) * PAGE_SIZE,
        ...(withPictures && { withPictures }),
      });
      if (current !== generation) continue;
      batch(() => {
        const map = new Map(isStale ? [] : pages.value);
        // A page past the end is kept empty: it was asked for and answered.
        for (let p = first; p <= last; p++)
          map.set(p, answer.items.slice((p - first) * PAGE_SIZE, (p - first + 1) * PAGE_SIZE));
        // Only the range was asked for again: the rest may have shifted since.
        if (isStale) for (const p of map.keys()) if (p < first || p > last) map.delete(p);
        isStale = false;
        evict(map);
        pages.value = map;
        result.value = answer;
        if (cursor.value >= answer.total) cursor.value = answer.total - 1;
        const kept = new Set(loadedItems().map((i) => i.id));
        const next = new Map([...pictures.value].filter(([id]) => kept.has(id)));
        for (const picture of answer.pictures ?? []) next.set(picture.id, picture);
        if (next.size !== pictures.value.size || answer.pictures) pictures.value = next;
      });
      if (!hasFirstPictures.value) void firstPictures();
    }
  }

  /** Runs one loader at a time; a loader re-reads what is wanted after each answer. */
  function load(): Promise<void> {
    if (pump) return pump;
    isLoading.value = true;
    pump = fetchMissing()
      .catch((error: unknown) => {
        notice.value = { kind: 'error', failure: toApiFailure(error) };
      })
      .finally(() => {
        pump = null;
        isLoading.value = false;
        if (missingPages().length > 0 && !notice.value) void load();
      });
    return pump;
  }

  /** Everything is asked for again: after a change of the query or of the library. */
  function refresh(): Promise<void> {
    generation++;
    isStale = true;
    return load();
  }

  async function askPictures(ids: string[]): Promise<void> {
    const have = pictures.value;
    const need = ids.filter((id) => !have.get(id) || have.get(id)!.isPending);
    if (need.length === 0) return;
    const answer = await api.library.pictures(need).catch(() => [] as ListPicture[]);
    if (answer.length === 0) return;
    const next = new Map(pictures.value);
    for (const p of answer) next.set(p.id, p);
    pictures.value = next;
    // Made a few at a time: ask again for those still to come.
    if (answer.some((p) => p.isPending)) void askPictures(answer.filter((p) => p.isPending).map((p) => p.id));
  }

  /** Those of the first screen's pictures that did not come with its rows (still being made). */
  async function firstPictures(): Promise<void> {
    const ids = loadedItems()
      .slice(0, FIRST_PICTURES)
      .map((i) => i.id);
    await askPictures(ids);
    hasFirstPictures.value = true;
  }

  /**
   * Draws the first page the background keeps (src/shared/library/kept-first-page.ts) while its
   * answer is on the way: only before that answer, and only for the first query. The pages stay
   * stale, so the answer replaces every kept row.
   */
  function showKept(kept: ListResult, startedIn: number): void {
    if (result.value !== null || generation !== startedIn || !isStale) return;
    batch(() => {
      const map = new Map<number, ArticleSummary[]>();
      for (let p = 0; p * PAGE_SIZE < kept.items.length; p++)
        map.set(p, kept.items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE));
      pages.value = map;
      result.value = kept;
      pictures.value = new Map((kept.pictures ?? []).map((p) => [p.id, p]));
      if (!kept.pictures?.some((p) => p.isPending)) hasFirstPictures.value = true;
    });
  }

  function announce(text: string): void {
    announcement.value = { text, n: announcement.value.n + 1 };
  }

  async function act<T>(work: () => Promise<T>, after?: (value: T) => Notice | null): Promise<boolean> {
    isBusy.value = true;
    try {
      const value = await work();
      if (after) notice.value = after(value);
      await refresh();
      estimate.value = await api.library.estimate().catch(() => estimate.value);
      return true;
    } catch (error) {
      notice.value = { kind: 'error', failure: toApiFailure(error) };
      return false;
    } finally {
      isBusy.value = false;
    }
  }

  function dropSelected(ids: readonly string[]): void {
    const next = new Set(selected.value);
    for (const id of ids) next.delete(id);
    selected.value = next;
  }

  return {
    query,
    result,
    pages,
    pictures,
    hasFirstPictures,
    total,
    isLoading,
    selected,
    cursor,
    notice,
    announcement,
    estimate,
    isBusy,
    layout,
    tagging,
    imageAccess,
    itemAt,
    announce,
    /** Lists the first page; `kept`: the page the background keeps, drawn until its answer comes. */
    async start(options: { kept?: Promise<ListResult | null> } = {}): Promise<void> {
      const listed = refresh();
      const startedIn = generation;
      void options.kept?.then((kept) => kept && showKept(kept, startedIn));
      await listed;
      estimate.value = await api.library.estimate().catch(() => null);
      imageAccess.value = await api.library.imageAccess().catch(() => 'ask' as const);
      // Once the first screen is drawn: the background reading every record (for filters and other
      // sorts) competes with drawing it on a busy machine.
      setTimeout(() => void api.library.warm().catch(() => undefined), WARM_DELAY_MS);
    },
    setQuery(change: Partial<ListRequest>): Promise<void> {
      batch(() => {
        query.value = { ...query.value, ...change };
        cursor.value = -1;
        selected.value = new Set();
      });
      wanted = [0, 0];
      return refresh();
    },
    /** The rows on screen (indexes, inclusive): their pages are loaded, then their pictures. */
    showRange(first: number, last: number): void {
      // Half a page beyond the screen either way: the next page is asked for before it is
      // scrolled to, so its rows are drawn as they come into view, not as placeholders first.
      const ahead = Math.min(last + PAGE_AHEAD, Math.max(last, total.value - 1));
      const next: [number, number] = [
        Math.floor(Math.max(0, first - PAGE_AHEAD) / PAGE_SIZE),
        Math.floor(ahead / PAGE_SIZE),
      ];
      if (next[0] !== wanted[0] || next[1] !== wanted[1]) {
        wanted = next;
        if (missingPages().length > 0) void load();
      }
      clearTimeout(picturesTimer);
      picturesTimer = setTimeout(() => {
        const ids: string[] = [];
        for (let i = first; i <= last; i++) {
          const item = itemAt(i);
          if (item) ids.push(item.id);
        }
        void askPictures(ids);
      }, PICTURES_DELAY_MS);
    },
    /** Moves the keyboard's row by `delta`, within the list. */
    moveCursor(delta: number): ArticleSummary | undefined {
      if (total.value === 0) return undefined;
      cursor.value = Math.max(0, Math.min(total.value - 1, cursor.value + delta));
      return itemAt(cursor.value);
    },
    setLayout(next: LibraryLayout): void {
      layout.value = next;
      try {
        globalThis.localStorage?.setItem(LAYOUT_KEY, next);
      } catch {
        // Private windows may refuse: the choice lasts for this page.
      }
    },
    toggle(id: string): void {
      const next = new Set(selected.value);
      if (!next.delete(id)) next.add(id);
      selected.value = next;
    },
    clearSelection(): void {
      selected.value = new Set();
    },
    update: (ids: string[], change: StateChange) => act(() => api.library.update(ids, change)),
    async remove(ids: string[], byKeyboard = false): Promise<boolean> {
      const done = await act(
        () => api.library.remove(ids),
        ({ count, undoToken }) => ({ kind: 'deleted', count, undoToken, byKeyboard }),
      );
      if (done) dropSelected(ids);
      return done;
    },
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
    importFile: (file: Blob, options?: ImportOptions) =>
      act(
        () => api.library.importFile(file, options),
        ({ state, summary }) => {
          const counts = [summary.added, summary.updated, summary.skipped].map((n) => formatCount(api.uiLanguage, n));
          return { kind: 'info', message: api.t(state === 'cancelled' ? 'importCancelled' : 'importDone', counts) };
        },
      ),
    dismiss: () => void (notice.value = null),
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
