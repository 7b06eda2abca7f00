/**
 * A library in memory that speaks the sync's `LocalLibrary`, for the sync core's tests against
 * real servers (the extension's own, over IndexedDB, is tested in tests/unit/background/sync).
 * Its `snapshot()` is the full export the tests compare: every article's state, body and images.
 */
import { canonicalJson } from '../../../../src/sync/canonical-json';
import type { ArticleFile } from '../../../../src/sync/article-file';
import type { LocalArticle } from '../../../../src/sync/local-edits';
import { activeTags, liveAnnotations } from '../../../../src/sync/merge';
import type { LocalLibrary, Shadow, SyncCursor, SyncRecords } from '../../../../src/sync/replica';

interface Stored {
  article: LocalArticle;
  images: Map<string, { bytes: Uint8Array; type: string }>;
}

export interface MemoryLibrary extends LocalLibrary {
  save(article: Omit<LocalArticle, 'revision'>, images?: Map<string, { bytes: Uint8Array; type: string }>): void;
  edit(id: string, change: Partial<Omit<LocalArticle, 'id' | 'revision'>>): void;
  delete(id: string): void;
  /** Images fetched after the save ("Download missing text and images"): not an edit. */
  storeImages(id: string, images: Map<string, { bytes: Uint8Array; type: string }>): void;
  has(id: string): boolean;
  article(id: string): LocalArticle | undefined;
  imageCount(id: string): number;
  /** Everything the library holds, as canonical JSON. */
  snapshot(): string;
  clock: { now: number };
}

export function createMemoryLibrary(start = 1_750_000_000_000): MemoryLibrary {
  const articles = new Map<string, Stored>();
  let revision = 0;
  const clock = { now: start };

  const copy = (a: LocalArticle): LocalArticle => structuredClone(a);

  return {
    clock,
    save(article, images = new Map()) {
      articles.set(article.id, { article: { ...structuredClone(article), revision: ++revision }, images });
    },
    edit(id, change) {
      const stored = articles.get(id);
      if (!stored) throw new Error(`no article ${id}`);
      const editedAt = 'position' in change && Object.keys(change).length === 1 ? stored.article.editedAt : clock.now;
      stored.article = { ...stored.article, ...structuredClone(change), editedAt, revision: ++revision };
    },
    delete(id) {
      articles.delete(id);
      revision++;
    },
    storeImages(id, images) {
      const stored = articles.get(id);
      if (!stored) throw new Error(`no article ${id}`);
      for (const [url, image] of images)
        if (stored.article.content.imageUrls.includes(url)) stored.images.set(url, image);
      stored.article = { ...stored.article, revision: ++revision };
    },
    has: (id) => articles.has(id),
    article: (id) => (articles.has(id) ? copy(articles.get(id)!.article) : undefined),
    imageCount: (id) => articles.get(id)?.images.size ?? 0,
    snapshot() {
      const all = [...articles.values()]
        .map(({ article, images }) => {
          const { revision: _r, editedAt: _e, ...rest } = article;
          const pictures = [...images].map(([url, i]) => [url, i.type, Buffer.from(i.bytes).toString('base64')]);
          return { ...rest, tags: [...rest.tags].sort(), pictures: pictures.sort() };
        })
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      return canonicalJson(all);
    },

    revision: async () => revision,
    ids: async () => new Set(articles.keys()),
    revisionsSince: async (since) => [...articles.values()].map((s) => s.article.revision).filter((r) => r > since),
    changedSince: async (since) =>
      [...articles.values()].filter((s) => s.article.revision > since).map((s) => copy(s.article)),
    get: async (id) => (articles.has(id) ? copy(articles.get(id)!.article) : null),
    image: async (id, url) => articles.get(id)?.images.get(url) ?? null,
    async apply(file: ArticleFile, images, expected) {
      const stored = articles.get(file.id);
      if ((stored?.article.revision ?? null) !== expected) return false;
      const { at: _at, hash: _hash, images: _refs, ...content } = file.content;
      const article: LocalArticle = {
        id: file.id,
        revision: ++revision,
        editedAt: clock.now,
        title: file.title.value,
        isRead: file.read.value,
        isArchived: file.archived.value,
        isFavorite: file.favorite.value,
        position: file.position.value,
        tags: activeTags(file),
        content,
        annotations: liveAnnotations(file),
      };
      const received = images
        ? await Promise.all(
            [...images.byUrl].map(
              async ([url, blob]) =>
                [url, { bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type }] as const,
            ),
          )
        : [];
      const kept = new Map(images?.replace ? [] : (stored?.images ?? []));
      for (const [url, image] of received) kept.set(url, image);
      articles.set(file.id, { article, images: kept });
      return article.revision;
    },
    async remove(id, expected) {
      const stored = articles.get(id);
      if (stored && stored.article.revision !== expected) return false;
      articles.delete(id);
      revision++;
      return true;
    },
  };
}

export function createMemoryRecords(): SyncRecords & { shadowMap: Map<string, Shadow> } {
  let cursor: SyncCursor = { libraryRevision: 0, manifest: null, manifestEtag: null };
  const shadowMap = new Map<string, Shadow>();
  return {
    shadowMap,
    cursor: async () => structuredClone(cursor),
    setCursor: async (next) => void (cursor = structuredClone(next)),
    shadows: async () => new Map([...shadowMap].map(([id, s]) => [id, structuredClone(s)])),
    putShadow: async (s) => void shadowMap.set(s.id, structuredClone(s)),
    deleteShadow: async (id) => void shadowMap.delete(id),
  };
}
