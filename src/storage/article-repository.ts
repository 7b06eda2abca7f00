/**
 * Reads and writes of saved articles. Every write runs in one IndexedDB transaction over all the
 * stores it touches, the full-text index and the library's counts included: if any part fails
 * (quota, a bad record), nothing of it is kept.
 */
import { nextRevision as nextLibraryRevision } from './revision';
import type { ArticleState, SaveInput, SaveOutcome, StatePatch } from './article-input';
import { LibraryError, withQuotaMessage } from './errors';
import { notesOf } from './highlight-repository';
import { updateSummary } from './library-summary';
import { hostOf } from '../shared/host';
import type { LibraryDb } from './schema';
import { updateTermIndex } from './term-index';
import type {
  ArticleId,
  ArticleRecord,
  ContentRecord,
  ImageRecord,
  SiteIconRecord,
  ThumbnailRecord,
  TrashRecord,
} from './types';
import { toUrlKeys } from './url-key';

export type { ArticleFields, ArticleState, SaveInput, SaveOutcome, StatePatch } from './article-input';

/** How long deleted articles can be restored by "Undo". */
export const TRASH_TTL_MS = 60 * 60 * 1000;

export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLocaleLowerCase())) seen.set(tag.toLocaleLowerCase(), tag);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

function randomId(): string {
  return crypto.randomUUID();
}

export function createArticleRepository(db: LibraryDb, options: { now?: () => number; newId?: () => string } = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;

  const nextRevision = () => nextLibraryRevision(db);

  async function findByUrlKeys(keys: string[]): Promise<ArticleRecord | undefined> {
    if (keys.length === 0) return undefined;
    return db.articles.where('urlKeys').anyOf(keys).first();
  }

  /** Writes one article inside the caller's transaction. */
  /** What a write did, for the index and the summary that the same transaction keeps. */
  type Written = SaveOutcome & { keptBody?: boolean; previous?: ArticleRecord };

  async function writeOne(input: SaveInput, revision: number): Promise<Written> {
    const urlKeys = toUrlKeys(input.url, input.canonicalUrl);
    if (urlKeys.length === 0) throw new LibraryError('bad-request', 'not-web-address', [input.url]);
    const existing = (input.id ? await db.articles.get(input.id) : undefined) ?? (await findByUrlKeys(urlKeys));
    const time = now();
    // A links-only import must not overwrite an article whose text is already stored.
    const keepsBody = existing?.status === 'complete' && input.status === 'link';
    const state: ArticleState = {
      savedAt: input.state?.savedAt ?? existing?.savedAt ?? time,
      updatedAt: input.state?.updatedAt ?? time,
      tags: normaliseTags([...(existing?.tags ?? []), ...(input.state?.tags ?? [])]),
      isRead: input.state?.isRead ?? existing?.isRead ?? false,
      isArchived: input.state?.isArchived ?? existing?.isArchived ?? false,
      isFavorite: input.state?.isFavorite ?? existing?.isFavorite ?? false,
      position: input.state?.position !== undefined ? input.state.position : (existing?.position ?? null),
    };
    const id = existing?.id ?? input.id ?? newId();
    if (keepsBody && existing) {
      const record: ArticleRecord = { ...existing, ...state, revision };
      await db.articles.put(record);
      return { record, isNew: false, keptBody: true, previous: existing };
    }
    const imageUrls = [...new Set(input.imageUrls)];
    const kept = new Set(imageUrls);
    const oldImages = existing ? await db.images.where('articleId').equals(id).primaryKeys() : [];
    // Images the new version no longer uses go; those it still uses stay unless fetched anew.
    await db.images.bulkDelete(oldImages.filter(([, url]) => !kept.has(url)));
    await db.images.bulkPut([...input.images].map(([url, blob]): ImageRecord => ({ articleId: id, url, blob })));
    const stored = await db.images.where('articleId').equals(id).count();
    const record: ArticleRecord = {
      id,
      url: input.url,
      canonicalUrl: input.canonicalUrl,
      urlKeys: [...new Set([...urlKeys, ...(input.urlKeys ?? []), ...(existing?.urlKeys ?? [])])],
      host: hostOf(input.canonicalUrl ?? input.url),
      ...input.fields,
      status: input.status,
      source: existing?.source ?? input.source,
      ...state,
      images: { total: imageUrls.length, stored },
      revision,
    };
    await db.articles.put(record);
    await db.contents.put({ id, html: input.html, text: input.text, imageUrls });
    // A new body may bring another lead image: without one made at save, it is made again later.
    if (input.thumbnail !== undefined) await db.thumbnails.put({ id, dataUrl: input.thumbnail });
    else await db.thumbnails.delete(id);
    if (input.siteIcon) await db.siteIcons.put({ host: record.host, dataUrl: input.siteIcon });
    return { record, isNew: !existing, previous: existing };
  }

  const stores = () => [
    db.articles,
    db.contents,
    db.images,
    db.meta,
    db.terms,
    db.docIds,
    db.searchDocs,
    db.highlights,
    db.thumbnails,
    db.siteIcons,
  ];

  /**
   * Indexes what was written, in the same transaction (imports: a few hundred at a time), with the
   * notes of the articles' highlights (a re-saved article keeps them).
   */
  async function index(written: { record: ArticleRecord; text: string | null }[]): Promise<void> {
    const changed = written.filter((w): w is { record: ArticleRecord; text: string } => w.text !== null);
    for (let i = 0; i < changed.length; i += 500) {
      const batch = changed.slice(i, i + 500);
      const notes = await notesOf(
        db,
        batch.map((w) => w.record.id),
      );
      await updateTermIndex(db.termIndex, {
        add: batch.map(({ record, text }) => ({ ...record, text, notes: notes.get(record.id) ?? '' })),
        remove: [],
      });
    }
  }

  /** Indexes and counts what a batch of saves wrote. */
  async function account(inputs: SaveInput[], writes: Written[]): Promise<SaveOutcome[]> {
    await index(writes.map((w, i) => ({ record: w.record, text: w.keptBody ? null : inputs[i]!.text })));
    await updateSummary(
      db,
      writes.flatMap((w) => (w.previous ? [w.previous] : [])),
      writes.map((w) => w.record),
    );
    return writes.map(({ record, isNew }) => ({ record, isNew }));
  }

  return {
    /** Saves one article; the same address saved again updates the entry. */
    save(input: SaveInput): Promise<SaveOutcome> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const [outcome] = await account([input], [await writeOne(input, await nextRevision())]);
          return outcome!;
        }),
      );
    },

    /** Saves many articles all-or-nothing (imports). */
    saveAll(inputs: SaveInput[]): Promise<SaveOutcome[]> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const revision = await nextRevision();
          const writes: Written[] = [];
          for (const input of inputs) writes.push(await writeOne(input, revision));
          return account(inputs, writes);
        }),
      );
    },

    get: (id: ArticleId) => db.articles.get(id),
    getMany: async (ids: ArticleId[]) => (await db.articles.bulkGet(ids)).filter((r): r is ArticleRecord => !!r),
    getContent: (id: ArticleId) => db.contents.get(id),
    getImage: (articleId: ArticleId, url: string) => db.images.get([articleId, url]),
    listImages: (articleId: ArticleId) => db.images.where('articleId').equals(articleId).toArray(),
    findByUrl: (url: string) => findByUrlKeys(toUrlKeys(url)),
    all: () => db.articles.toArray(),
    count: () => db.articles.count(),

    /** Applies a state change to several articles at once; returns the updated records. */
    update(ids: ArticleId[], patch: StatePatch): Promise<ArticleRecord[]> {
      return withQuotaMessage(() =>
        db.transaction('rw', [db.articles, db.meta], async () => {
          const revision = await nextRevision();
          const found = (await db.articles.bulkGet(ids)).filter((r): r is ArticleRecord => !!r);
          const updated = found.map((r) => {
            let tags = patch.setTags ? normaliseTags(patch.setTags) : r.tags;
            if (patch.addTags) tags = normaliseTags([...tags, ...patch.addTags]);
            if (patch.removeTags) {
              const drop = new Set(patch.removeTags.map((t) => t.toLocaleLowerCase()));
              tags = tags.filter((t) => !drop.has(t.toLocaleLowerCase()));
            }
            const next: ArticleRecord = { ...r, tags, revision };
            if (patch.isRead !== undefined) next.isRead = patch.isRead;
            if (patch.isArchived !== undefined) next.isArchived = patch.isArchived;
            if (patch.isFavorite !== undefined) next.isFavorite = patch.isFavorite;
            if (patch.position !== undefined) next.position = patch.position;
            // Reading position changes are not edits of the entry.
            if (Object.keys(patch).some((k) => k !== 'position')) next.updatedAt = now();
            return next;
          });
          await db.articles.bulkPut(updated);
          await updateSummary(db, found, updated);
          return updated;
        }),
      );
    },

    /** Moves articles (with body, images and highlights) to the trash; `restore(token)` undoes it. */
    remove(ids: ArticleId[]): Promise<{ token: string; removed: ArticleId[]; revision: number }> {
      return db.transaction('rw', [...stores(), db.trash], async () => {
        const revision = await nextRevision();
        const articles = (await db.articles.bulkGet(ids)).filter((r): r is ArticleRecord => !!r);
        const found = articles.map((a) => a.id);
        const contents = (await db.contents.bulkGet(found)).filter((c): c is ContentRecord => !!c);
        const images = await db.images.where('articleId').anyOf(found).toArray();
        const highlights = await db.highlights.where('articleId').anyOf(found).toArray();
        const token = newId();
        await db.trash.put({ token, deletedAt: now(), articles, contents, images, highlights });
        await db.images.where('articleId').anyOf(found).delete();
        await db.highlights.where('articleId').anyOf(found).delete();
        await db.contents.bulkDelete(found);
        await db.articles.bulkDelete(found);
        // Made again from the restored images if "Undo" brings the articles back.
        await db.thumbnails.bulkDelete(found);
        await updateTermIndex(db.termIndex, { add: [], remove: found });
        await updateSummary(db, articles, []);
        await db.trash
          .where('deletedAt')
          .below(now() - TRASH_TTL_MS)
          .delete();
        return { token, removed: found, revision };
      });
    },

    /** Puts deleted articles back exactly as they were; returns them. */
    restore(token: string): Promise<ArticleRecord[]> {
      return withQuotaMessage(() =>
        db.transaction('rw', [...stores(), db.trash], async () => {
          const entry: TrashRecord | undefined = await db.trash.get(token);
          if (!entry) throw new LibraryError('not-found', 'undo-expired');
          const revision = await nextRevision();
          const articles: ArticleRecord[] = [];
          for (const article of entry.articles) {
            // Saved again since it was deleted: the newer copy wins.
            if (await findByUrlKeys(article.urlKeys)) continue;
            articles.push({ ...article, revision });
          }
          const back = new Set(articles.map((a) => a.id));
          await db.articles.bulkPut(articles);
          await db.contents.bulkPut(entry.contents.filter((c) => back.has(c.id)));
          await db.images.bulkPut(entry.images.filter((i) => back.has(i.articleId)));
          await db.highlights.bulkPut((entry.highlights ?? []).filter((h) => back.has(h.articleId)));
          await db.trash.delete(token);
          const texts = new Map(entry.contents.map((c) => [c.id, c.text]));
          await index(articles.map((record) => ({ record, text: texts.get(record.id) ?? '' })));
          await updateSummary(db, [], articles);
          return articles;
        }),
      );
    },

    /** Adds downloaded images to a saved article (after access to their sites was granted). */
    storeImages(id: ArticleId, images: Map<string, Blob>): Promise<ArticleRecord | undefined> {
      return withQuotaMessage(() =>
        db.transaction('rw', stores(), async () => {
          const record = await db.articles.get(id);
          const content = await db.contents.get(id);
          if (!record || !content) return undefined;
          const used = new Set(content.imageUrls);
          await db.images.bulkPut(
            [...images].filter(([url]) => used.has(url)).map(([url, blob]) => ({ articleId: id, url, blob })),
          );
          const stored = await db.images.where('articleId').equals(id).count();
          // It may now have the picture it lacked: the list makes its thumbnail again.
          await db.thumbnails.delete(id);
          const next: ArticleRecord = {
            ...record,
            images: { ...record.images, stored },
            revision: await nextRevision(),
          };
          await db.articles.put(next);
          return next;
        }),
      );
    },

    /** The list's pictures: stored thumbnails by article (absent: not made yet) and icons by host. */
    async pictures(
      ids: ArticleId[],
      hosts: string[],
    ): Promise<{ thumbnails: Map<ArticleId, ThumbnailRecord>; icons: Map<string, SiteIconRecord> }> {
      const [thumbs, icons] = await Promise.all([db.thumbnails.bulkGet(ids), db.siteIcons.bulkGet(hosts)]);
      return {
        thumbnails: new Map(thumbs.flatMap((t) => (t ? [[t.id, t] as const] : []))),
        icons: new Map(icons.flatMap((i) => (i ? [[i.host, i] as const] : []))),
      };
    },

    /** Stores thumbnails made after the save, for articles still in the library. */
    putThumbnails(rows: ThumbnailRecord[]): Promise<void> {
      return withQuotaMessage(() =>
        db.transaction('rw', [db.articles, db.thumbnails], async () => {
          const present = await db.articles.bulkGet(rows.map((r) => r.id));
          await db.thumbnails.bulkPut(rows.filter((_, i) => present[i]));
        }),
      );
    },

    hasSiteIcon: async (host: string) => (await db.siteIcons.get(host)) !== undefined,

    purgeTrash: () =>
      db.trash
        .where('deletedAt')
        .below(now() - TRASH_TTL_MS)
        .delete(),
  };
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>;
