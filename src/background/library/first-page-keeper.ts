/**
 * Keeps the library page's first page of rows in `storage.session` (src/shared/library/
 * kept-first-page.ts), for the page to draw while an asleep background wakes. Kept only while it
 * is the library's current first page: removed at once when the library changes, written again
 * from the next answer to the first request, and made anew once writes have rested for a moment
 * (a page opened after saving an article then finds it too).
 */
import type { ListRequest, ListResult } from '../../shared/messaging/library-protocol';
import {
  FIRST_PAGE_REQUEST,
  KEPT_FIRST_PAGE_KEY,
  isSameRequest,
  type KeptFirstPage,
} from '../../shared/library/kept-first-page';

/** The part of `storage.session` the keeper writes. */
export interface KeptPageStorage {
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface FirstPageKeeperDeps {
  storage: KeptPageStorage;
  list: (request: ListRequest) => Promise<ListResult>;
  version: string;
  /** How long writes must rest before the first page is made again. */
  restMs?: number;
}

const REST_MS = 1000;

export function createFirstPageKeeper(deps: FirstPageKeeperDeps) {
  /** Counts the library's changes: an answer read before the latest one is not kept. */
  let generation = 0;
  /** The kept page is this generation's (nothing to write again until a change). */
  let keptGeneration = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function keep(result: ListResult, readIn: number): void {
    if (readIn !== generation || keptGeneration === generation) return;
    // A picture still being made would be missing from the kept screen: the page asks for it.
    if (result.pictures?.some((p) => p.isPending)) return;
    keptGeneration = generation;
    const kept: KeptFirstPage = { version: deps.version, request: FIRST_PAGE_REQUEST, result };
    void deps.storage.set({ [KEPT_FIRST_PAGE_KEY]: kept }).catch(() => (keptGeneration = -1));
  }

  async function list(request: ListRequest): Promise<ListResult> {
    const readIn = generation;
    const result = await deps.list(request);
    if (isSameRequest(request, FIRST_PAGE_REQUEST)) keep(result, readIn);
    return result;
  }

  return {
    /** Lists as `deps.list`; an answer to the first request is kept, if nothing changed meanwhile. */
    list,
    /** The library changed: the kept page goes now and is made again once the writes rest. */
    changed(): void {
      generation++;
      keptGeneration = -1;
      void deps.storage.remove(KEPT_FIRST_PAGE_KEY).catch(() => undefined);
      clearTimeout(timer);
      timer = setTimeout(() => void list({ ...FIRST_PAGE_REQUEST }).catch(() => undefined), deps.restMs ?? REST_MS);
    },
  };
}

export type FirstPageKeeper = ReturnType<typeof createFirstPageKeeper>;
