/**
 * Where the sync reads and writes an article's annotations (highlights and notes). Each record is
 * plain JSON with an `id` and an `updated` time; the sync merges them by id (src/sync/merge.ts).
 * Until an annotation store exists in the library, none is connected and the annotations on the
 * server are kept as they are. Connecting one is one adapter over its table, e.g. for a Dexie
 * `highlights` table keyed by id with an `articleId` index:
 *
 * ```ts
 * const highlights: AnnotationStore = {
 *   list: (articleId) => db.highlights.where('articleId').equals(articleId).toArray(),
 *   replace: (articleId, records) => db.transaction('rw', db.highlights, async () => {
 *     await db.highlights.where('articleId').equals(articleId).delete();
 *     await db.highlights.bulkPut(records as HighlightRecord[]);
 *   }),
 * };
 * ```
 *
 * and passing it as `annotations` to `createLibraryReplica`. Edits to it must bump the article's
 * revision (the sync looks at articles written since its last run).
 */
export interface AnnotationStore {
  list(articleId: string): Promise<Record<string, unknown>[]>;
  replace(articleId: string, records: Record<string, unknown>[]): Promise<void>;
}
