import { facetsOf, nextUnread, queryLibrary } from '../../storage/library-query';
import type { ArticleRecord } from '../../storage/types';
import { MessagingError } from '../../shared/messaging/messenger';
import type { ApiFailure } from './extension-api';
import type { ArticleSummary, ImageAccess, LibraryApi, SaveResult } from './library-api';

export interface MockLibraryEntry {
  article: ArticleSummary;
  html?: string;
  text?: string;
  /** The list's pictures, as data URLs. */
  thumbnail?: string;
  icon?: string;
}

export interface MockLibraryApi extends LibraryApi {
  entries: MockLibraryEntry[];
  calls: {
    update: { ids: string[]; change: object }[];
    remove: string[][];
    exports: object[];
    imports: number;
    saveTab: number[];
    opened: string[];
    accessRequests: number;
    fetchMissing: string[][];
    findNext: { after: string; queue: object }[];
  };
}

export interface MockLibraryOptions {
  imageAccess?: ImageAccess;
  /** The user's answer to the image access prompt. */
  grantsAccess?: boolean;
  /** How saving a tab turns out: a result (merged over a plain success) or a failure. */
  save?: (tabId: number, access: ImageAccess) => Partial<SaveResult> | ApiFailure;
  /** Articles in an imported file (the mock reports progress in chunks of `importChunk`). */
  importTotal?: number;
  importChunk?: number;
  /** Resolves when the mock import may store its next chunk. */
  nextChunk?: () => Promise<void>;
  /** A stored image's data URL (null: not stored). */
  storedImages?: (id: string, url: string) => string | null;
}

/** An in-memory library for component tests and previews; searches titles and text by substring. */
export function createMockLibraryApi(
  initial: MockLibraryEntry[] = [],
  options: MockLibraryOptions = {},
): MockLibraryApi {
  const entries = [...initial];
  const trash = new Map<string, MockLibraryEntry[]>();
  const calls: MockLibraryApi['calls'] = {
    update: [],
    remove: [],
    exports: [],
    imports: 0,
    saveTab: [],
    opened: [],
    accessRequests: 0,
    fetchMissing: [],
    findNext: [],
  };
  const asRecords = () => entries.map((e) => ({ ...e.article, urlKeys: [], revision: 0 }) as ArticleRecord);
  const matchesOf = (search: string | undefined) => {
    const query = search?.trim().toLowerCase();
    return query
      ? entries
          .filter((e) => `${e.article.title} ${e.text ?? ''}`.toLowerCase().includes(query))
          .map((e) => e.article.id)
      : null;
  };
  const find = (id: string) => {
    const entry = entries.find((e) => e.article.id === id);
    if (!entry) throw new MessagingError('not-found', 'This article is no longer in your library.');
    return entry;
  };
  const picturesOf = (ids: string[]) =>
    entries
      .filter((e) => ids.includes(e.article.id))
      .map((e) => ({ id: e.article.id, thumbnail: e.thumbnail ?? null, icon: e.icon ?? null, isPending: false }));
  let access = options.imageAccess ?? 'granted';
  const unsupported = async () => {
    throw new MessagingError('failed', 'Not available in the mock');
  };

  return {
    entries,
    calls,
    async saveTab(tabId) {
      calls.saveTab.push(tabId);
      const answer = options.save?.(tabId, access) ?? {};
      if ('code' in answer) throw new MessagingError(answer.code, answer.message, answer);
      return {
        id: `saved-${tabId}`,
        title: 'A headline',
        isNew: true,
        status: 'complete',
        images: { total: 0, stored: 0 },
        imagesKept: null,
        ...answer,
      };
    },
    saveUrl: unsupported,
    async findSaved(url) {
      const entry = entries.find((e) => e.article.url === url);
      return entry
        ? {
            id: entry.article.id,
            title: entry.article.title,
            savedAt: entry.article.savedAt,
            images: entry.article.images,
          }
        : null;
    },
    async openSaved(id) {
      calls.opened.push(id);
    },
    async getSavedArticle(id) {
      const entry = find(id);
      return {
        article: entry.article,
        html: entry.html ?? '',
        text: entry.text ?? '',
        imageUrls: [],
        storedImages: [],
      };
    },
    async list(req) {
      const all = asRecords();
      const { items, total } = queryLibrary(all, { ...req, matches: matchesOf(req.search) });
      const result = { items, total, libraryCount: entries.length, ...facetsOf(all) };
      const shown = items.slice(0, req.withPictures ?? 0).map((item) => item.id);
      return shown.length > 0 ? { ...result, pictures: picturesOf(shown) } : result;
    },
    async findNext(after, queue) {
      calls.findNext.push({ after, queue });
      const found = nextUnread(asRecords(), { ...queue, matches: matchesOf(queue.search) }, after);
      return found ? find(found.id).article : null;
    },
    pictures: async (ids) => picturesOf(ids),
    async update(ids, change) {
      calls.update.push({ ids, change });
      for (const id of ids) {
        const entry = find(id);
        const { addTags, removeTags, setTags, ...flags } = change;
        let tags = setTags ?? entry.article.tags;
        if (addTags) tags = [...new Set([...tags, ...addTags])].sort();
        if (removeTags) tags = tags.filter((t) => !removeTags.includes(t));
        entry.article = { ...entry.article, ...flags, tags };
      }
      return { updated: ids.length };
    },
    async remove(ids) {
      calls.remove.push(ids);
      const removed = entries.filter((e) => ids.includes(e.article.id));
      for (const e of removed) entries.splice(entries.indexOf(e), 1);
      const undoToken = `undo-${calls.remove.length}`;
      trash.set(undoToken, removed);
      return { undoToken, count: removed.length };
    },
    async undoRemove(token) {
      const back = trash.get(token) ?? [];
      entries.push(...back);
      trash.delete(token);
      return { restored: back.length };
    },
    async fetchMissing(ids) {
      calls.fetchMissing.push(ids);
      return { completed: ids.length, failed: 0 };
    },
    storedImage: async (id, url) => options.storedImages?.(id, url) ?? null,
    estimate: async () => ({ usage: 5_000_000, quota: 1_000_000_000, articleCount: entries.length }),
    warm: async () => undefined,
    async exportArticles(request) {
      calls.exports.push(request);
      return { fileName: `export.${request.format}`, blob: new Blob(['x']) };
    },
    async importFile(_file, { onProgress, signal } = {}) {
      calls.imports++;
      const total = options.importTotal ?? 0;
      const summary = { kind: 'archive' as const, added: 0, updated: 0, skipped: 0 };
      onProgress?.({ state: 'reading', done: 0, total: 0 });
      if (total > 0) onProgress?.({ state: 'importing', done: 0, total });
      for (let done = 0; done < total;) {
        // Each chunk waits for the test to let it through, as a long import would.
        await options.nextChunk?.();
        if (signal?.aborted) return { state: 'cancelled', summary };
        done = Math.min(total, done + (options.importChunk ?? 100));
        summary.added = done;
        onProgress?.({ state: 'importing', done, total });
      }
      return { state: 'done', summary };
    },
    imageAccess: async () => access,
    async requestImageAccess() {
      calls.accessRequests++;
      // The user answers the browser's prompt some time after it opened.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const granted = options.grantsAccess ?? true;
      access = granted ? 'granted' : 'declined';
      return granted;
    },
    async declineImageAccess() {
      access = 'declined';
    },
  };
}
