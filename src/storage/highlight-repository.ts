/**
 * Reads and writes of highlights. A highlight belongs to a saved article: it is added only while
 * the article exists, and goes to the trash (and comes back) with it (article-repository.ts).
 */
import type { HighlightColor, HighlightRecord, HighlightSelectors } from '../highlights/types';
import { LibraryError, withQuotaMessage } from './errors';
import { nextRevision } from './revision';
import type { LibraryDb } from './schema';
import { updateTermIndex } from './term-index';
import type { ArticleId } from './types';

/** The notes of each article's highlights, as one text each for the search index. */
export async function notesOf(db: LibraryDb, articleIds: ArticleId[]): Promise<Map<ArticleId, string>> {
  const notes = new Map<ArticleId, string>();
  if (articleIds.length === 0) return notes;
  for (const h of await db.highlights.where('articleId').anyOf(articleIds).toArray()) {
    if (h.note.trim()) notes.set(h.articleId, `${notes.get(h.articleId) ?? ''}\n${h.note}`);
  }
  return notes;
}

/** Indexes articles anew with their notes; call inside a transaction over the index's tables. */
async function reindexNotes(db: LibraryDb, articleIds: ArticleId[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  const records = (await db.articles.bulkGet(ids)).filter((r) => r !== undefined);
  if (records.length === 0) return;
  const contents = await db.contents.bulkGet(records.map((r) => r.id));
  const notes = await notesOf(db, ids);
  await updateTermIndex(db.termIndex, {
    add: records.map((r, i) => ({ ...r, text: contents[i]?.text ?? '', notes: notes.get(r.id) ?? '' })),
    remove: [],
  });
}

/**
 * Marks the articles as written (their revision moves), so that the sync sends their highlights
 * with them; `editedAt` dates a change that no highlight record dates (a deletion).
 */
async function touchArticles(db: LibraryDb, articleIds: ArticleId[], editedAt?: number): Promise<void> {
  const records = (await db.articles.bulkGet([...new Set(articleIds)])).filter((r) => r !== undefined);
  if (records.length === 0) return;
  const revision = await nextRevision(db);
  await db.articles.bulkPut(
    records.map((r) => ({ ...r, revision, ...(editedAt === undefined ? {} : { updatedAt: editedAt }) })),
  );
}

export interface NewHighlight extends HighlightSelectors {
  articleId: ArticleId;
  color: HighlightColor;
  note?: string;
}

/** What may change in a highlight: its look, its note, and where it now anchors. */
export type HighlightPatch = Partial<Pick<HighlightRecord, 'color' | 'note' | 'quote' | 'position'>>;

export interface HighlightPage {
  items: HighlightRecord[];
  total: number;
}

export function createHighlightRepository(db: LibraryDb, options: { now?: () => number; newId?: () => string } = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  /** Writes that change a note also rewrite the article's search entry, in the same transaction. */
  const stores = () => [db.articles, db.contents, db.highlights, db.meta, db.terms, db.docIds, db.searchDocs];

  return {
    /** The article's highlights, oldest first (the reader orders them by place once anchored). */
    listFor: (articleId: ArticleId): Promise<HighlightRecord[]> =>
      db.highlights.where('articleId').equals(articleId).sortBy('createdAt'),

    get: (id: string) => db.highlights.get(id),

    add(input: NewHighlight): Promise<HighlightRecord> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          if (!(await db.articles.get(input.articleId))) throw new LibraryError('not-found', 'article-gone');
          const time = now();
          const record: HighlightRecord = {
            id: newId(),
            articleId: input.articleId,
            color: input.color,
            note: input.note ?? '',
            quote: input.quote,
            position: input.position,
            createdAt: time,
            updatedAt: time,
          };
          await db.highlights.add(record);
          await touchArticles(db, [record.articleId]);
          if (record.note.trim()) await reindexNotes(db, [record.articleId]);
          return record;
        }),
      );
    },

    update(id: string, patch: HighlightPatch): Promise<HighlightRecord> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const current = await db.highlights.get(id);
          if (!current) throw new LibraryError('not-found', 'highlight-gone');
          // Re-anchoring moves a highlight without the reader touching it: not an edit.
          const isEdit = patch.color !== undefined || patch.note !== undefined;
          const next: HighlightRecord = { ...current, ...patch, updatedAt: isEdit ? now() : current.updatedAt };
          await db.highlights.put(next);
          await touchArticles(db, [next.articleId]);
          if (next.note !== current.note) await reindexNotes(db, [next.articleId]);
          return next;
        }),
      );
    },

    /** Deletes one highlight; returns it, so that it can be put back. */
    async remove(id: string): Promise<HighlightRecord | null> {
      return db.transaction('rw', stores(), async () => {
        const current = await db.highlights.get(id);
        if (current) {
          await db.highlights.delete(id);
          await touchArticles(db, [current.articleId], now());
        }
        if (current?.note.trim()) await reindexNotes(db, [current.articleId]);
        return current ?? null;
      });
    },

    /** Puts highlights back exactly as given (undo, archive import) for articles that exist. */
    putAll(records: HighlightRecord[]): Promise<number> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const ids = [...new Set(records.map((r) => r.articleId))];
          const present = new Set((await db.articles.bulkGet(ids)).flatMap((a) => (a ? [a.id] : [])));
          const kept = records.filter((r) => present.has(r.articleId));
          await db.highlights.bulkPut(kept);
          await touchArticles(
            db,
            kept.map((h) => h.articleId),
          );
          await reindexNotes(
            db,
            kept.filter((h) => h.note.trim()).map((h) => h.articleId),
          );
          return kept.length;
        }),
      );
    },

    /**
     * How many highlights each of the articles has (those with none are left out). One count
     * request per article, all in one transaction: walking the index with a cursor
     * (`anyOf`) took a step per highlight, and was most of a list request's time at 5 highlights
     * an article (measured in the background's CPU profile).
     */
    async counts(articleIds: ArticleId[]): Promise<Record<ArticleId, number>> {
      const ids = [...new Set(articleIds)];
      const found = await db.transaction('r', db.highlights, () =>
        Promise.all(ids.map((id) => db.highlights.where('articleId').equals(id).count())),
      );
      const counts: Record<ArticleId, number> = {};
      ids.forEach((id, i) => {
        if (found[i]! > 0) counts[id] = found[i]!;
      });
      return counts;
    },

    /** Every highlight of the library, newest first. */
    all: (): Promise<HighlightRecord[]> => db.highlights.orderBy('createdAt').reverse().toArray(),
  };
}

export type HighlightRepository = ReturnType<typeof createHighlightRepository>;
