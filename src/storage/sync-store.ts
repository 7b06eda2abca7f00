/**
 * The library's side of sync: the changes since a point, and writes of what the sync merged —
 * exact (the merged tags replace the entry's, unlike a save, which adds), without the trash (a
 * deletion from another device is not this device's to undo), and only if the article was not
 * written since the sync read it. Highlights travel with their article and are written with it.
 * Each write keeps the search index (notes included) and the counts in step in its own
 * transaction, as the repository's do.
 */
import type { HighlightRecord } from '../highlights/types';
import { withQuotaMessage } from './errors';
import { notesOf } from './highlight-repository';
import { updateSummary } from './library-summary';
import type { LibraryDb } from './schema';
import { nextRevision as nextLibraryRevision } from './revision';
import { updateTermIndex } from './term-index';
import type { ArticleId, ArticleRecord, ContentRecord, ImageRecord, SyncShadowRecord } from './types';

export interface SyncWrite {
  record: Omit<ArticleRecord, 'revision' | 'images'>;
  content: ContentRecord;
  /**
   * Images by address: a new content version's (`replace`: the stored ones go), or images the
   * version lacked here (stored since on another device), added. Null keeps the stored ones.
   */
  images: { replace: boolean; byUrl: Map<string, Blob> } | null;
  /** The article's highlights as merged: they replace the stored ones. */
  highlights: HighlightRecord[];
}

export function createSyncStore(db: LibraryDb) {
  const stores = () => [
    db.articles,
    db.contents,
    db.images,
    db.highlights,
    db.meta,
    db.terms,
    db.docIds,
    db.searchDocs,
  ];

  const nextRevision = () => nextLibraryRevision(db);

  return {
    async revision(): Promise<number> {
      const value = (await db.meta.get('revision'))?.value;
      return typeof value === 'number' ? value : 0;
    },
    ids: async (): Promise<Set<ArticleId>> => new Set(await db.articles.toCollection().primaryKeys()),
    revisionsSince: async (revision: number): Promise<number[]> =>
      (await db.articles.where('revision').above(revision).keys()) as number[],
    changedSince: (revision: number) => db.articles.where('revision').above(revision).toArray(),
    /** Articles written since `revision`: the ones a sync has still to send. */
    countChangedSince: (revision: number) => db.articles.where('revision').above(revision).count(),
    get: (id: ArticleId) => db.articles.get(id),
    content: (id: ArticleId) => db.contents.get(id),
    image: (id: ArticleId, url: string) => db.images.get([id, url]),
    highlights: (id: ArticleId) => db.highlights.where('articleId').equals(id).toArray(),

    /** Writes a merged article unless it was written after `expected` (null: it was absent). */
    apply(write: SyncWrite, expected: number | null): Promise<ArticleRecord | null> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const id = write.record.id;
          const previous = await db.articles.get(id);
          if ((previous?.revision ?? null) !== expected) return null;
          if (write.images) {
            if (write.images.replace) await db.images.where('articleId').equals(id).delete();
            const used = new Set(write.content.imageUrls);
            await db.images.bulkPut(
              [...write.images.byUrl]
                .filter(([url]) => used.has(url))
                .map(([url, blob]): ImageRecord => ({ articleId: id, url, blob })),
            );
          }
          const stored = await db.images.where('articleId').equals(id).count();
          const record: ArticleRecord = {
            ...write.record,
            images: { total: write.content.imageUrls.length, stored },
            revision: await nextRevision(),
          };
          await db.articles.put(record);
          await db.contents.put(write.content);
          await db.highlights.where('articleId').equals(id).delete();
          await db.highlights.bulkPut(write.highlights.filter((h) => h.articleId === id));
          const notes = (await notesOf(db, [id])).get(id) ?? '';
          await updateTermIndex(db.termIndex, { add: [{ ...record, text: write.content.text, notes }], remove: [] });
          await updateSummary(db, previous ? [previous] : [], [record]);
          return record;
        }),
      );
    },

    /** Deletes an article (body and images) unless it was written after `expected`. */
    remove(id: ArticleId, expected: number): Promise<boolean> {
      return db.transaction('rw', stores(), async () => {
        const previous = await db.articles.get(id);
        if (!previous) return true;
        if (previous.revision !== expected) return false;
        await nextRevision();
        await db.images.where('articleId').equals(id).delete();
        await db.highlights.where('articleId').equals(id).delete();
        await db.contents.delete(id);
        await db.articles.delete(id);
        await updateTermIndex(db.termIndex, { add: [], remove: [id] });
        await updateSummary(db, [previous], []);
        return true;
      });
    },

    shadows: async (): Promise<SyncShadowRecord[]> => db.syncShadows.toArray(),
    putShadow: (shadow: SyncShadowRecord) => db.syncShadows.put(shadow),
    deleteShadow: (id: ArticleId) => db.syncShadows.delete(id),
    readState: async (key: string): Promise<unknown> => (await db.syncState.get(key))?.value,
    writeState: (key: string, value: unknown) => db.syncState.put({ key, value }),
    /** Forgets everything the sync knew (the reader forgot the server). */
    clear: () =>
      db.transaction('rw', [db.syncShadows, db.syncState], async () => {
        await db.syncShadows.clear();
        await db.syncState.clear();
      }),
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
