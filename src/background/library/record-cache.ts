/**
 * Every article record (no bodies) held in the background's memory, for the filters and sorts
 * that the stored indexes cannot answer. Read in chunks of 250 by id: one read of 10,000
 * records is a single long task that held up searches arriving meanwhile by half a second on a
 * busy machine. Writes made while it loads are read again at the end, so it never misses one.
 */
import type { LibraryDb } from '../../storage/schema';
import type { ArticleId, ArticleRecord } from '../../storage/types';

const CHUNK = 250;

export function createRecordCache(db: LibraryDb) {
  let records: Map<ArticleId, ArticleRecord> | null = null;
  let loading: Promise<Map<ArticleId, ArticleRecord>> | null = null;
  /** Ids written while loading: their chunk may have been read before the write. */
  let touched = new Set<ArticleId>();

  async function load(): Promise<Map<ArticleId, ArticleRecord>> {
    const all = new Map<ArticleId, ArticleRecord>();
    let last: ArticleId | null = null;
    for (;;) {
      const chunk: ArticleRecord[] = await (
        last === null ? db.articles.orderBy(':id') : db.articles.where(':id').above(last)
      )
        .limit(CHUNK)
        .toArray();
      for (const r of chunk) all.set(r.id, r);
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.id;
    }
    while (touched.size > 0) {
      const ids = [...touched];
      touched = new Set();
      const now = await db.articles.bulkGet(ids);
      ids.forEach((id, i) => {
        const r = now[i];
        if (r) all.set(id, r);
        else all.delete(id);
      });
    }
    records = all;
    return all;
  }

  return {
    get(): Promise<Map<ArticleId, ArticleRecord>> {
      if (records) return Promise.resolve(records);
      loading ??= load().finally(() => (loading = null));
      return loading;
    },
    get isLoaded(): boolean {
      return records !== null;
    },
    /** Follows a write: saved or updated records, and ids deleted. */
    written(changed: ArticleRecord[], removed: ArticleId[] = []): void {
      if (records) {
        for (const r of changed) records.set(r.id, r);
        for (const id of removed) records.delete(id);
      } else if (loading) {
        for (const r of changed) touched.add(r.id);
        for (const id of removed) touched.add(id);
      }
    },
  };
}
